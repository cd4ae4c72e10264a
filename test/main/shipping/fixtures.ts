import type { OrderDetail } from '../../../src/shared/contract/orders';
import type { OrderRecord } from '../../../src/shared/contract/records';
import { remainingToShip } from '../../../src/shared/domain/order-facts';
import { serviceOrders } from '../../support/convergence';
import type { TestDesk } from '../../support/desk';
import type { TestService } from '../../support/service';

/** Paid, unlocked, untouched parcel orders of warehouse1's Shanghai warehouse, as the service holds them. */
export async function waitingToShip(service: TestService): Promise<OrderRecord[]> {
  return [...(await serviceOrders(service, 'warehouse1')).values()].filter(
    (o) =>
      o.status === 'PENDING_SHIPMENT' &&
      o.warehouseId === 'WH-SH' &&
      !o.locked &&
      o.exception === null &&
      o.refundStatus === 'NONE' &&
      o.lines.every((l) => l.shippedQuantity === 0),
  );
}

export const unitsOwed = (order: Pick<OrderRecord, 'lines'>) =>
  order.lines.reduce((n, line) => n + remainingToShip(line), 0);

/** A tracking number of the carrier's current format, different for every call. */
let serial = 0;
export const sfNumber = () => `SF${String(7_310_000_000_000 + ++serial)}`;

export async function act(desk: TestDesk, procedure: string, input: unknown): Promise<OrderDetail> {
  const result = await desk.call(procedure, input);
  if (!result.ok) throw new Error(`${procedure}: ${result.error.code} ${result.error.reason ?? result.error.message}`);
  return result.value as OrderDetail;
}
