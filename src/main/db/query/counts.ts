import type { OrderListFilter, StatusCounts } from '../../../shared/contract/orders';
import { ORDER_STATUSES, type DataScope, type OrderStatus } from '../../../shared/domain/vocabulary';
import type { Db } from '../connection';
import { and } from './clause';
import { filterClauses, needsParent, scopeClause } from './predicates';
import { prepareCached } from './statement-cache';

/** Filter fields the running counts (migration 008) can answer; statuses are what is counted. */
const SUMMARISED = new Set<keyof OrderListFilter>(['statuses', 'warehouseIds', 'storeIds', 'dealerIds', 'kinds']);

/**
 * The status tabs' numbers: every filter of the list except the statuses themselves (each tab
 * is one status), in the caller's scope. Every status is present, zeros included, so a tab never
 * shows a stale number for lack of a row.
 *
 * Narrowed only by scope, warehouse, store, dealer or kind (the usual case) the numbers come from
 * the running counts table, whose columns carry the same names as those of orders, so the same
 * clauses apply to both. Any other filter counts the matching orders themselves.
 */
export function countByStatus(db: Db, scope: DataScope, filter: OrderListFilter): StatusCounts {
  // Counting reads every match, so SQLite may use any index it likes here: no steering.
  const where = and([
    scopeClause(scope),
    ...filterClauses(db, filter, { statuses: false, unindexed: new Set(), purpose: 'count' }),
  ]);
  const sql = isSummarised(filter)
    ? `SELECT o.status AS status, sum(o.n) AS n FROM order_status_counts o WHERE ${where.sql} GROUP BY o.status`
    : `SELECT o.status AS status, count(*) AS n
       FROM orders o ${needsParent(filter) ? 'CROSS JOIN parent_orders p ON p.id = o.parent_id' : ''}
       WHERE ${where.sql} GROUP BY ${groupedByStatusIndex(filter) ? 'o.status' : '+o.status'}`;
  const found = prepareCached(db, sql).all(...where.params) as Array<{ status: OrderStatus; n: number }>;

  const byStatus = Object.fromEntries(ORDER_STATUSES.map((s) => [s, 0])) as Record<OrderStatus, number>;
  let all = 0;
  for (const { status, n } of found) {
    byStatus[status] = n;
    all += n;
  }
  return { all, byStatus };
}

function isSummarised(filter: OrderListFilter): boolean {
  return (Object.keys(filter) as Array<keyof OrderListFilter>).every((key) => {
    const value = filter[key];
    return value === undefined || (Array.isArray(value) && !value.length) || SUMMARISED.has(key);
  });
}

/**
 * How many orders match, statuses included, from the running counts alone; null when the filter
 * needs the orders themselves. A status tab's list knows its size at once this way (counting a
 * million orders' index entries took 100–200 ms).
 */
export function runningTotal(db: Db, scope: DataScope, filter: OrderListFilter): number | null {
  if (!isSummarised(filter)) return null;
  const where = and([
    scopeClause(scope),
    ...filterClauses(db, filter, { statuses: true, unindexed: new Set(), purpose: 'count' }),
  ]);
  return prepareCached(db, `SELECT coalesce(sum(o.n), 0) FROM order_status_counts o WHERE ${where.sql}`)
    .pluck()
    .get(...where.params) as number;
}

/**
 * Grouping by status tempts SQLite to walk the (status, created_at) index in order. That index
 * alone answers a creation-time range (60 ms over a million orders); for any other filter column
 * it means a table lookup per order (3 s for platform + province at 1M). There `+o.status` lets
 * the filter choose its own index, or one plain scan of the table (0.2 s).
 */
function groupedByStatusIndex(filter: OrderListFilter): boolean {
  return (Object.keys(filter) as Array<keyof OrderListFilter>).every((key) => {
    const value = filter[key];
    if (value === undefined || (Array.isArray(value) && !value.length) || key === 'statuses') return true;
    return key === 'time' && filter.time?.field === 'createdAt';
  });
}
