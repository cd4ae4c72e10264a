import { randomUUID } from 'node:crypto';
import type { OrderDetail } from '../../shared/contract/orders';
import type { OrderRecord } from '../../shared/contract/records';
import { owedUnits } from '../../shared/domain/shipments';
import { mergeCheck } from '../../shared/intents/merge';
import { factsOf, orderStateOf } from '../../shared/intents/state';
import { getOrderDetail } from '../db/orders-query';
import type { CallContext, Handlers } from '../ipc/dispatcher';
import { ApiFailure } from '../ipc/failure';
import { actLocally, queueOrderIntent } from '../orders/act-locally';
import { shipVerified } from './handlers';
import { mergeMembers } from './merge-members';

/** At most this many orders join one merge (the intent's own limit). */
const MERGE_MAX = 20;

const recordOf = ({ pendingSync: _pending, ...record }: OrderDetail): OrderRecord => record;

function requireOrder(ctx: CallContext, orderNo: string): OrderDetail {
  const order = getOrderDetail(ctx.db, ctx.session.scope, orderNo);
  if (!order) throw new ApiFailure('NOT_FOUND', `No order ${orderNo}`);
  return order;
}

/**
 * Paid orders of this desk's copy waiting in the same warehouse for the same receiver (by phone,
 * indexed), then judged exactly as the service will judge the merge.
 */
function mergeCandidates(ctx: CallContext, orderNo: string): string[] {
  const order = requireOrder(ctx, orderNo);
  if (!order.receiver || order.warehouseId === null) return [];
  const rows = ctx.db
    .prepare(
      `SELECT order_no AS orderNo FROM orders
       WHERE receiver_phone = ? AND warehouse_id = ? AND status = 'PENDING_SHIPMENT' AND order_no <> ? AND merge_id IS NULL
       ORDER BY paid_at LIMIT ?`,
    )
    .all(order.receiver.phone, order.warehouseId, orderNo, MERGE_MAX * 5) as Array<{ orderNo: string }>;
  const self = recordOf(order);
  return rows
    .flatMap(({ orderNo: other }) => getOrderDetail(ctx.db, ctx.session.scope, other) ?? [])
    .filter((other) => {
      const pair = [self.orderNo, other.orderNo];
      return (
        mergeCheck([self, recordOf(other)], { orderNo: self.orderNo, mergeId: 'candidate', orderNos: pair }) === null
      );
    })
    .slice(0, MERGE_MAX - 1)
    .map((o) => o.orderNo);
}

/** One MERGE intent per order, queued in one transaction after the whole merge was judged here. */
function merge(ctx: CallContext, orderNos: string[]) {
  const unique = [...new Set(orderNos)];
  const mergeId = randomUUID();
  ctx.db.transaction(() => {
    const records = unique.map((orderNo) => recordOf(requireOrder(ctx, orderNo)));
    const refused = mergeCheck(records, { orderNo: unique[0]!, mergeId, orderNos: unique });
    if (refused) throw new ApiFailure('ACTION_REFUSED', refused.message ?? refused.code, refused.code);
    for (const orderNo of unique) queueOrderIntent(ctx, 'MERGE', { orderNo, mergeId, orderNos: unique }, orderNo);
  })();
  return { mergeId, orderNos: unique };
}

function unmerge(ctx: CallContext, orderNo: string) {
  const order = requireOrder(ctx, orderNo);
  if (!order.merge) throw new ApiFailure('ACTION_REFUSED', `Order ${orderNo} is not merged`, 'NOT_MERGED');
  const mergeId = order.merge.id;
  const members = mergeMembers(ctx, mergeId).map((m) => m.orderNo);
  ctx.db.transaction(() => {
    for (const member of members) queueOrderIntent(ctx, 'UNMERGE', { orderNo: member, mergeId }, member);
  })();
  return { orderNos: members };
}

/**
 * The merge leaves as one parcel: every order of it this desk holds ships what it still owes under
 * the one number, each through the floor's own shipping (scans checked against the policy).
 */
function shipMerge(ctx: CallContext, input: { orderNo: string; carrier: string; trackingNo: string }) {
  const order = requireOrder(ctx, input.orderNo);
  if (!order.merge) throw new ApiFailure('ACTION_REFUSED', `Order ${input.orderNo} is not merged`, 'NOT_MERGED');
  const merge = order.merge.id;
  const members = mergeMembers(ctx, merge);
  ctx.db.transaction(() => {
    for (const member of members) {
      const lines = owedUnits(factsOf(orderStateOf(recordOf(member))).lines);
      shipVerified(ctx, {
        orderNo: member.orderNo,
        merge,
        parcels: [{ carrier: input.carrier, trackingNo: input.trackingNo, lines }],
      });
    }
  })();
  return { orderNos: members.map((m) => m.orderNo) };
}

export const shipmentHandlers = (): Pick<
  Handlers,
  'orders.split' | 'orders.unsplit' | 'orders.mergeCandidates' | 'orders.merge' | 'orders.unmerge' | 'orders.shipMerge'
> => ({
  'orders.split': (ctx, payload) => actLocally(ctx, 'SPLIT', payload),
  'orders.unsplit': (ctx, payload) => actLocally(ctx, 'UNSPLIT', payload),
  'orders.mergeCandidates': (ctx, { orderNo }) => ({ orderNos: mergeCandidates(ctx, orderNo) }),
  'orders.merge': (ctx, { orderNos }) => merge(ctx, orderNos),
  'orders.unmerge': (ctx, { orderNo }) => unmerge(ctx, orderNo),
  'orders.shipMerge': (ctx, input) => shipMerge(ctx, input),
});
