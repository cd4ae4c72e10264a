import { makeOrderNumber, SERVICE_DEVICE_CODE } from '../../shared/domain/order-number';
import type { OrderSource } from '../../shared/domain/vocabulary';
import type { Tx } from '../storage/repositories';

/**
 * The service's own parent order numbers (device 0000) for orders it makes itself (a mall checkout,
 * an order from a shop): the source's marker, the China day, and a counter per source and day,
 * started after the highest number of the day already in use, so orders made at the same moment on
 * any node never share one.
 */
export async function nextServiceOrderNo(tx: Tx, source: OrderSource, now: number): Promise<string> {
  const prefix = makeOrderNumber({ source, at: now, deviceCode: SERVICE_DEVICE_CODE, seq: 0 }).slice(0, -6);
  const last = await tx.orders.maxParentNo(prefix);
  const inUse = last ? Number(last.slice(prefix.length, prefix.length + 6)) : 0;
  return makeOrderNumber({
    source,
    at: now,
    deviceCode: SERVICE_DEVICE_CODE,
    seq: await tx.counters.next(`order-number:${prefix}`, inUse),
  });
}
