import type { OrderListFilter } from '../../../shared/contract/orders';
import { quietCutoff } from '../../../shared/domain/logistics-watch';
import type { DataScope, ListTimeField } from '../../../shared/domain/vocabulary';
import type { Db } from '../connection';
import { placeholders } from '../sql';
import type { Clause } from './clause';
import { orderNoClause, textClause, type TextPurpose } from './text-search';

/** `o` is orders, `p` its parent; every query in this folder uses those aliases. */
export const TIME_COLUMNS: Record<ListTimeField, string> = {
  createdAt: 'o.created_at',
  paidAt: 'o.paid_at',
  shippedAt: 'o.shipped_at',
};

/**
 * Columns whose index a query may be steered away from. SQLite's planner prefers an index that
 * narrows the WHERE clause and then sorts what it found, even with LIMIT and an index that
 * already delivers rows in ORDER BY order; for a filter that keeps a third of the orders (one
 * warehouse, one busy status) that means sorting hundreds of thousands of rows for one page.
 * Writing `+o.column` makes the term unusable for an index, so the page walks the sort index and
 * checks the term row by row, reading only as far as the page needs.
 */
export type Steerable = 'status' | 'warehouse' | 'store' | 'dealer';
export type Unindexed = ReadonlySet<Steerable>;

const COLUMN: Record<Steerable, string> = {
  status: 'o.status',
  warehouse: 'o.warehouse_id',
  store: 'o.store_id',
  dealer: 'o.dealer_id',
};
const column = (c: Steerable, unindexed: Unindexed) => (unindexed.has(c) ? `+${COLUMN[c]}` : COLUMN[c]);

const inList = (col: string, values: readonly string[]): Clause => ({
  sql: `${col} IN (${placeholders(values.length)})`,
  params: [...values],
});

/**
 * Which orders the caller may see (vocabulary.ts DataScope): its warehouses' orders, its stores'
 * service orders, its dealers' orders, its shops' orders. Empty lists grant nothing, so a scope with no ids sees
 * nothing at all rather than everything.
 */
export function scopeClause(scope: DataScope, unindexed: Unindexed = new Set()): Clause | null {
  if (scope.all) return null;
  const parts: Clause[] = [];
  if (scope.warehouseIds.length) parts.push(inList(column('warehouse', unindexed), scope.warehouseIds));
  if (scope.storeIds.length) {
    const stores = inList(column('store', unindexed), scope.storeIds);
    parts.push({ sql: `(o.kind = 'SERVICE' AND ${stores.sql})`, params: stores.params });
  }
  if (scope.dealerIds.length) parts.push(inList(column('dealer', unindexed), scope.dealerIds));
  if (scope.shopIds?.length) parts.push(inList('o.shop_id', scope.shopIds));
  if (!parts.length) return { sql: '0', params: [] };
  if (parts.length === 1) return parts[0] ?? null;
  return { sql: `(${parts.map((p) => p.sql).join(' OR ')})`, params: parts.flatMap((p) => p.params) };
}

export interface FilterOptions {
  /** Status counts apply every filter except the statuses they count. */
  statuses: boolean;
  unindexed: Unindexed;
  /** A page needs the first rows in order, a count needs all rows: free text plans differ. */
  purpose: TextPurpose;
  /** The clock the 物流异常 filter measures quiet parcels by (now, unless a test says). */
  now?: number;
}

/**
 * The search area, one clause per field present; fields combine with AND. An empty list counts
 * as "any" (an all-unchecked multi-select), like an absent field. Booleans are written into the
 * SQL as literals, not bound, because only a literal lets SQLite pick a partial index
 * (locked = 1, exception IS NOT NULL).
 */
export function filterClauses(db: Db, filter: OrderListFilter, options: FilterOptions): Clause[] {
  const { unindexed } = options;
  const clauses: Clause[] = [];
  const some = (col: string, values: readonly string[] | undefined) => {
    if (values?.length) clauses.push(inList(col, values));
  };
  if (filter.orderNo !== undefined) clauses.push(orderNoClause(db, filter.orderNo, options.purpose));
  if (options.statuses) some(column('status', unindexed), filter.statuses);
  some('o.payment_status', filter.paymentStatuses);
  some('o.refund_status', filter.refundStatuses);
  some('o.kind', filter.kinds);
  some('o.source', filter.sources);
  some('o.platform', filter.platforms);
  some('p.payment_channel', filter.paymentChannels);
  some('o.receiver_province', filter.provinces);
  some(column('warehouse', unindexed), filter.warehouseIds);
  some(column('store', unindexed), filter.storeIds);
  some(column('dealer', unindexed), filter.dealerIds);
  if (filter.locked !== undefined) clauses.push({ sql: `o.locked = ${filter.locked ? 1 : 0}`, params: [] });
  if (filter.exception !== undefined) {
    clauses.push({ sql: `o.exception IS ${filter.exception ? 'NOT NULL' : 'NULL'}`, params: [] });
  }
  if (filter.logisticsAnomaly) {
    // Two indexed terms SQLite can OR together; the status test keeps what the columns already say.
    const cutoff = quietCutoff(options.now ?? Date.now(), filter.logisticsAnomaly.quietDays);
    clauses.push({ sql: '(o.tracking_troubled = 1 OR o.tracking_quiet_since < ?)', params: [cutoff] });
  }
  if (filter.time) {
    const col = TIME_COLUMNS[filter.time.field];
    // Both ends inclusive; an unpaid or unshipped order has no time and never matches a range.
    if (filter.time.from !== undefined) clauses.push({ sql: `${col} >= ?`, params: [filter.time.from] });
    if (filter.time.to !== undefined) clauses.push({ sql: `${col} <= ?`, params: [filter.time.to] });
  }
  if (filter.text !== undefined) clauses.push(textClause(db, filter.text, options.purpose));
  if (filter.orderNos !== undefined) {
    clauses.push({ sql: 'o.order_no IN (SELECT value FROM json_each(?))', params: [JSON.stringify(filter.orderNos)] });
  }
  return clauses;
}

/** Only the payment channel lives on the parent; without it, counting needs no join. */
export const needsParent = (filter: OrderListFilter): boolean => !!filter.paymentChannels?.length;
