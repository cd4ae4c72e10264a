import type { OrderRecord } from '../../shared/contract/records';
import type { DataScope } from '../../shared/domain/vocabulary';
import { ApiError } from '../http/errors';
import type { OrderRow, Tx } from '../storage/repositories';
import { orderWrite } from './columns';
import type { WorkContext } from './context';
import { recordScope, sameScope, sees } from './scope';
import type { OrderState } from '../../shared/intents/state';
import { stateOf } from './state';
import { writeBack } from '../outbound/enqueue';
import { codeToDraw, drawCode } from '../redemption/codes';

export interface LoadedOrder {
  row: OrderRow;
  state: OrderState;
}

/** An order the caller may see; one outside the scope is exactly as absent as a missing one. */
export async function findOrder(tx: Tx, orderNo: string, scope: DataScope): Promise<LoadedOrder | null> {
  const row = await tx.orders.get(orderNo);
  if (!row || !sees(scope, row)) return null;
  return { row, state: stateOf(row) };
}

export async function requireOrder(tx: Tx, orderNo: string, scope: DataScope): Promise<LoadedOrder> {
  const found = await findOrder(tx, orderNo, scope);
  if (!found) throw new ApiError('ORDER_NOT_FOUND', `No order ${orderNo}`);
  return found;
}

/**
 * Saves a new or changed order under a fresh server sequence, so every puller sees it exactly once
 * more. When the change moves the order out of a scope (another warehouse, store or dealer), the
 * scope it leaves is recorded first, so callers who could see it there pull an order_removed.
 * Every change of an order comes through here, so here is where its source is told (writeBack)
 * and where a service order's code is drawn, whichever way it was paid.
 */
export async function saveOrder(ctx: WorkContext, next: OrderState, previous: OrderRow | null): Promise<OrderRecord> {
  const { tx } = ctx;
  const partners = await mergePartners(tx, next.record);
  await refuseWaybillsOfOtherOrders(tx, next.record, partners);
  if (previous && !sameScope(previous, recordScope(next.record)))
    await tx.exits.insert(await tx.sequence.next(), previous.orderNo, previous);
  const write = orderWrite(next, await tx.sequence.next(), ctx.config.timers);
  const taken = previous ? await tx.orders.update(write) : await tx.orders.insert(write);
  const others = [];
  for (const trackingNo of taken)
    if (!partners.has((await tx.orders.waybillHolder(trackingNo)) ?? '')) others.push(trackingNo);
  if (others.length > 0) throw trackingInUse(others);
  // A code this change granted is drawn now that its order row exists (the codes table refers to it).
  if (await codeToDraw(tx, next.record)) await drawCode(ctx, next.record);
  // What the order's source must learn goes on the outbound queue in this same unit.
  if (previous && next.record.external) await writeBack(ctx, stateOf(previous).record, next.record);
  return next.record;
}

/**
 * The orders that share this one's waybill number (合单): those its merge names that are still in
 * that same merge. Read as they stand, so an order that left the merge holds its number alone.
 */
async function mergePartners(tx: Tx, record: OrderRecord): Promise<Set<string>> {
  const partners = new Set<string>();
  if (!record.merge) return partners;
  for (const orderNo of record.merge.orderNos) {
    if (orderNo === record.orderNo) continue;
    const row = await tx.orders.get(orderNo);
    if (row && stateOf(row).record.merge?.id === record.merge.id) partners.add(orderNo);
  }
  return partners;
}

/**
 * A tracking number belongs to one order, or to the orders of one merge. The holder is not named:
 * it may lie outside the caller's scope, and the number alone is enough for the desk to find its
 * own mistake.
 */
async function refuseWaybillsOfOtherOrders(tx: Tx, record: OrderRecord, partners: Set<string>): Promise<void> {
  const taken: string[] = [];
  for (const { trackingNo } of record.waybills) {
    const holder = await tx.orders.waybillHolder(trackingNo);
    if (holder !== null && holder !== record.orderNo && !partners.has(holder)) taken.push(trackingNo);
  }
  if (taken.length > 0) throw trackingInUse(taken);
}

const trackingInUse = (taken: readonly string[]): ApiError =>
  new ApiError('TRACKING_IN_USE', `Tracking number ${taken.join(', ')} is already on another order`);
