import type { OrderDetail } from '../../shared/contract/orders';
import { getOrderDetail } from '../db/orders-query';
import type { CallContext } from '../ipc/dispatcher';

/** The orders of a merge (合单) this desk holds, in order-number order: the first one keeps the label. */
export function mergeMembers(ctx: CallContext, mergeId: string): OrderDetail[] {
  const rows = ctx.db
    .prepare('SELECT order_no AS orderNo FROM orders WHERE merge_id = ? ORDER BY order_no')
    .all(mergeId) as Array<{ orderNo: string }>;
  return rows.flatMap(({ orderNo }) => getOrderDetail(ctx.db, ctx.session.scope, orderNo) ?? []);
}
