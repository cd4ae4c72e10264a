import type { OrderListFilter } from '../../../shared/contract/orders';
import { FILTER_FIELDS, ORDER_FILTERS, type FilterKind, type OrderColumn } from '../../../shared/query/order-filters';
import { quietCutoff } from '../../../shared/domain/logistics-watch';
import type { DataScope } from '../../../shared/domain/vocabulary';
import type { Db } from '../connection';
import { placeholders } from '../sql';
import type { Clause } from './clause';
import { orderNoClause, textClause, type TextPurpose } from './text-search';

/** `o` is orders, `p` its parent; every query in this folder uses those aliases. */

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

/** The desk's name of each order column a filter narrows (src/shared/query/order-filters.ts). */
const DESK_COLUMNS: Record<OrderColumn, string> = {
  status: 'o.status',
  paymentStatus: 'o.payment_status',
  refundStatus: 'o.refund_status',
  kind: 'o.kind',
  source: 'o.source',
  platform: 'o.platform',
  // Only the payment channel lives on the parent: a filter on it joins parent_orders (needsParent).
  paymentChannel: 'p.payment_channel',
  province: 'o.receiver_province',
  warehouse: 'o.warehouse_id',
  store: 'o.store_id',
  dealer: 'o.dealer_id',
  orderNo: 'o.order_no',
  locked: 'o.locked',
  exception: 'o.exception',
  createdAt: 'o.created_at',
  paidAt: 'o.paid_at',
  shippedAt: 'o.shipped_at',
};

const STEERABLE: Partial<Record<OrderColumn, Steerable>> = {
  status: 'status',
  warehouse: 'warehouse',
  store: 'store',
  dealer: 'dealer',
};

/** Lists longer than this are bound as one JSON array (a selection of thousands of orders). */
const LONG_LIST = 50;

function oneOf(col: string, values: readonly (string | number)[]): Clause {
  return values.length > LONG_LIST
    ? { sql: `${col} IN (SELECT value FROM json_each(?))`, params: [JSON.stringify(values)] }
    : inList(col, values as string[]);
}

/**
 * The search area, one clause per field present (the fields and how each narrows are declared
 * once, in src/shared/query/order-filters.ts); fields combine with AND. An empty list counts as
 * "any" (an all-unchecked multi-select), like an absent field. Booleans are written into the SQL
 * as literals, not bound, because only a literal lets SQLite pick a partial index (locked = 1,
 * exception IS NOT NULL).
 */
export function filterClauses(db: Db, filter: OrderListFilter, options: FilterOptions): Clause[] {
  const clauses: Clause[] = [];
  const columnOf = (c: OrderColumn) => {
    const steered = STEERABLE[c];
    return steered ? column(steered, options.unindexed) : DESK_COLUMNS[c];
  };
  for (const field of FILTER_FIELDS) {
    const value = filter[field];
    if (value === undefined) continue;
    const spec: FilterKind = ORDER_FILTERS[field];
    switch (spec.kind) {
      case 'oneOf':
        if (field === 'statuses' && !options.statuses) break;
        if ((value as readonly string[]).length) clauses.push(oneOf(columnOf(spec.column), value as readonly string[]));
        break;
      case 'flag':
        clauses.push({ sql: `${columnOf(spec.column)} = ${value ? 1 : 0}`, params: [] });
        break;
      case 'present':
        clauses.push({ sql: `${columnOf(spec.column)} IS ${value ? 'NOT NULL' : 'NULL'}`, params: [] });
        break;
      case 'timeRange': {
        const range = value as NonNullable<OrderListFilter['time']>;
        const col = DESK_COLUMNS[range.field];
        // An unpaid or unshipped order has no time and never matches a range.
        if (range.from !== undefined) clauses.push({ sql: `${col} >= ?`, params: [range.from] });
        if (range.to !== undefined) clauses.push({ sql: `${col} <= ?`, params: [range.to] });
        break;
      }
      case 'orderNo':
        clauses.push(orderNoClause(db, value as string, options.purpose));
        break;
      case 'text':
        clauses.push(textClause(db, value as string, options.purpose));
        break;
      case 'logisticsAnomaly': {
        // Two indexed terms SQLite can OR together; the status test keeps what the columns already say.
        const { quietDays } = value as NonNullable<OrderListFilter['logisticsAnomaly']>;
        const cutoff = quietCutoff(options.now ?? Date.now(), quietDays);
        clauses.push({ sql: '(o.tracking_troubled = 1 OR o.tracking_quiet_since < ?)', params: [cutoff] });
        break;
      }
      case 'dueBefore':
        clauses.push({ sql: 'o.due_at IS NOT NULL AND o.due_at <= ?', params: [value as number] });
        break;
    }
  }
  return clauses;
}

/** A filter on a column of the parent (the payment channel) joins parent_orders; counting without one needs no join. */
export const needsParent = (filter: OrderListFilter): boolean =>
  FILTER_FIELDS.some((field) => {
    const spec: FilterKind = ORDER_FILTERS[field];
    const value = filter[field];
    return (
      'column' in spec &&
      DESK_COLUMNS[spec.column].startsWith('p.') &&
      value !== undefined &&
      (!Array.isArray(value) || value.length > 0)
    );
  });
