import type { OrderListFilter } from '../../../shared/contract/orders';
import type { DataScope, ListTimeField } from '../../../shared/domain/vocabulary';
import { placeholders } from '../sql';
import type { Clause } from './clause';
import { prefixEnd } from './text-search';
import { textClause } from './text-search';

/** `o` is orders, `p` its parent; every query in this folder uses those aliases. */
export const TIME_COLUMNS: Record<ListTimeField, string> = {
  createdAt: 'o.created_at',
  paidAt: 'o.paid_at',
  shippedAt: 'o.shipped_at',
};

const inList = (column: string, values: readonly string[]): Clause => ({
  sql: `${column} IN (${placeholders(values.length)})`,
  params: [...values],
});

/**
 * Which orders the caller may see (vocabulary.ts DataScope): its warehouses' orders, its stores'
 * service orders, its dealers' orders. Empty lists grant nothing, so a scope with no ids sees
 * nothing at all rather than everything.
 */
export function scopeClause(scope: DataScope): Clause | null {
  if (scope.all) return null;
  const parts: Clause[] = [];
  if (scope.warehouseIds.length) parts.push(inList('o.warehouse_id', scope.warehouseIds));
  if (scope.storeIds.length) {
    const stores = inList('o.store_id', scope.storeIds);
    parts.push({ sql: `(o.kind = 'SERVICE' AND ${stores.sql})`, params: stores.params });
  }
  if (scope.dealerIds.length) parts.push(inList('o.dealer_id', scope.dealerIds));
  if (!parts.length) return { sql: '0', params: [] };
  if (parts.length === 1) return parts[0] ?? null;
  return { sql: `(${parts.map((p) => p.sql).join(' OR ')})`, params: parts.flatMap((p) => p.params) };
}

export interface FilterOptions {
  /** Status counts apply every filter except the statuses they count. */
  statuses: boolean;
}

/**
 * The search area, one clause per field present; fields combine with AND. An empty list counts
 * as "any" (an all-unchecked multi-select), like an absent field. Booleans are written into the
 * SQL as literals, not bound, because only a literal lets SQLite pick a partial index
 * (locked = 1, exception IS NOT NULL).
 */
export function filterClauses(filter: OrderListFilter, options: FilterOptions = { statuses: true }): Clause[] {
  const clauses: Clause[] = [];
  const some = (column: string, values: readonly string[] | undefined) => {
    if (values?.length) clauses.push(inList(column, values));
  };
  if (filter.orderNo !== undefined) {
    // "Starts with": a parent number finds all its children, a full number finds the one order.
    const prefix = filter.orderNo.normalize('NFKC').trim().toUpperCase();
    clauses.push({ sql: 'o.order_no >= ? AND o.order_no < ?', params: [prefix, prefixEnd(prefix)] });
  }
  if (options.statuses) some('o.status', filter.statuses);
  some('o.payment_status', filter.paymentStatuses);
  some('o.refund_status', filter.refundStatuses);
  some('o.kind', filter.kinds);
  some('o.source', filter.sources);
  some('o.platform', filter.platforms);
  some('p.payment_channel', filter.paymentChannels);
  some('o.receiver_province', filter.provinces);
  some('o.warehouse_id', filter.warehouseIds);
  some('o.store_id', filter.storeIds);
  some('o.dealer_id', filter.dealerIds);
  if (filter.locked !== undefined) clauses.push({ sql: `o.locked = ${filter.locked ? 1 : 0}`, params: [] });
  if (filter.exception !== undefined) {
    clauses.push({ sql: `o.exception IS ${filter.exception ? 'NOT NULL' : 'NULL'}`, params: [] });
  }
  if (filter.time) {
    const column = TIME_COLUMNS[filter.time.field];
    // Both ends inclusive; an unpaid or unshipped order has no time and never matches a range.
    if (filter.time.from !== undefined) clauses.push({ sql: `${column} >= ?`, params: [filter.time.from] });
    if (filter.time.to !== undefined) clauses.push({ sql: `${column} <= ?`, params: [filter.time.to] });
  }
  if (filter.text !== undefined) clauses.push(textClause(filter.text));
  return clauses;
}

/** Only the payment channel lives on the parent; without it, counting needs no join. */
export const needsParent = (filter: OrderListFilter): boolean => !!filter.paymentChannels?.length;
