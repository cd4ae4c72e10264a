import type { ExceptionOrderRow } from '../../shared/contract/exception-orders';
import type { ExceptionRecord } from '../../shared/contract/records';
import type { ExceptionReasonCode } from '../../shared/domain/exception-reasons';
import type { DataScope } from '../../shared/domain/vocabulary';
import type { Db } from '../db/connection';
import { and } from '../db/query/clause';
import { PENDING_SYNC_SQL } from '../db/outbox';
import { scopeClause } from '../db/query/predicates';

/**
 * The 异常订单 queue from this desk's own copy, oldest order first (the partial index orders_exception_created): it works offline, an order decided here
 * leaves it at once, and a reason filter keeps the orders with that reason among theirs.
 */
export function exceptionQueue(
  db: Db,
  scope: DataScope,
  reason: ExceptionReasonCode | null,
  limit: number,
): ExceptionOrderRow[] {
  const where = and([{ sql: 'o.exception IS NOT NULL', params: [] }, scopeClause(scope)]);
  const rows = db
    .prepare(
      `SELECT o.order_no AS orderNo, o.source, o.platform, o.warehouse_id AS warehouseId, p.buyer_name AS buyerName,
              json_extract(o.external, '$.shopName') AS shopName, o.item_summary AS itemSummary, o.payable,
              o.paid_at AS paidAt, o.exception, ${PENDING_SYNC_SQL} AS pendingSync,
              (o.external IS NOT NULL AND o.warehouse_id IS NULL AND o.store_id IS NULL) AS held
       FROM orders o CROSS JOIN parent_orders p ON p.id = o.parent_id
       WHERE ${where.sql} ORDER BY o.created_at, o.id LIMIT ?`,
    )
    .all(...where.params, reason === null ? limit : limit * 4) as Array<
    Omit<ExceptionOrderRow, 'exception' | 'heldAtIntake'> & { exception: string; held: number }
  >;
  return rows
    .map(({ exception, held, ...row }) => ({
      ...row,
      exception: JSON.parse(exception) as ExceptionRecord,
      // The same rule as the shared heldAtIntake, on the columns.
      heldAtIntake: held === 1,
    }))
    .filter((row) => reason === null || row.exception.reasons.some((r) => r.code === reason))
    .slice(0, limit);
}
