import type { ReviewQueueRow } from '../../shared/contract/review';
import type { ReviewRecord } from '../../shared/contract/records';
import type { DataScope } from '../../shared/domain/vocabulary';
import type { Db } from '../db/connection';
import { and } from '../db/query/clause';
import { PENDING_SYNC_SQL } from '../db/outbox';
import { scopeClause } from '../db/query/predicates';

/** The same expression the partial index orders_review_pending is built on (migration 017). */
const WAITING = `json_extract(o.review, '$.status') = 'PENDING'`;

/**
 * The supervisors' 待审核 queue from this desk's own copy, oldest payment first: it works offline,
 * and an order decided here leaves it at once (its local record is no longer PENDING).
 */
export function reviewQueue(db: Db, scope: DataScope, limit: number): ReviewQueueRow[] {
  const where = and([{ sql: WAITING, params: [] }, scopeClause(scope)]);
  const rows = db
    .prepare(
      `SELECT o.order_no AS orderNo, o.source, o.platform, o.warehouse_id AS warehouseId, p.buyer_name AS buyerName,
              o.receiver_name AS receiverName, o.receiver_province AS receiverProvince, o.item_summary AS itemSummary,
              o.payable, o.remark, o.paid_at AS paidAt, o.review, ${PENDING_SYNC_SQL} AS pendingSync
       FROM orders o CROSS JOIN parent_orders p ON p.id = o.parent_id
       WHERE ${where.sql} ORDER BY o.paid_at, o.id LIMIT ?`,
    )
    .all(...where.params, limit) as Array<Omit<ReviewQueueRow, 'reasons' | 'heldAt'> & { review: string }>;
  return rows.map(({ review, ...row }) => {
    const hold = JSON.parse(review) as ReviewRecord;
    return { ...row, reasons: hold.reasons, heldAt: hold.heldAt };
  });
}
