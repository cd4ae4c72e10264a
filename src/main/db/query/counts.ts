import type { OrderListFilter, StatusCounts } from '../../../shared/contract/orders';
import { ORDER_STATUSES, type DataScope, type OrderStatus } from '../../../shared/domain/vocabulary';
import type { Db } from '../connection';
import { and } from './clause';
import { filterClauses, needsParent, scopeClause } from './predicates';
import { prepareCached } from './statement-cache';

/**
 * The status tabs' numbers: every filter of the list except the statuses themselves (each tab
 * is one status), in the caller's scope. Every status is present, zeros included, so a tab never
 * shows a stale number for lack of a row.
 */
export function countByStatus(db: Db, scope: DataScope, filter: OrderListFilter): StatusCounts {
  const where = and([scopeClause(scope), ...filterClauses(filter, { statuses: false })]);
  const from = needsParent(filter) ? 'orders o CROSS JOIN parent_orders p ON p.id = o.parent_id' : 'orders o';
  const sql = `SELECT o.status AS status, count(*) AS n FROM ${from} WHERE ${where.sql} GROUP BY o.status`;
  const found = prepareCached(db, sql).all(...where.params) as Array<{ status: OrderStatus; n: number }>;

  const byStatus = Object.fromEntries(ORDER_STATUSES.map((s) => [s, 0])) as Record<OrderStatus, number>;
  let all = 0;
  for (const { status, n } of found) {
    byStatus[status] = n;
    all += n;
  }
  return { all, byStatus };
}
