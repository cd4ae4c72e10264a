import type { OrderListFilter } from '../../../shared/contract/orders';
import type { DataScope } from '../../../shared/domain/vocabulary';
import type { Steerable } from './predicates';

export type SortColumn = 'o.created_at' | 'o.paid_at' | 'o.shipped_at' | 'o.payable' | 'o.due_at';

/**
 * Which filter columns a list page must not use an index for (they are written `+o.column`, see
 * predicates.ts "Steerable"). Status and warehouse are broad (one warehouse holds a third of the
 * orders, 待发货 a quarter), so they keep their index only where it also yields the sort order:
 * - one status, newest first: orders_status_created;
 * - the desk queue, one warehouse + one status by payment time: orders_warehouse_status_paid.
 * Otherwise they are checked row by row while walking the sort index, which reads only as far as
 * the page needs. Stores and dealers are never steered: service and dealer orders are a small
 * share of all orders, so finding a store's orders by index and sorting them is cheaper than
 * walking past everyone else's (see the list figures in docs/performance.md).
 */
export function unindexedFor(scope: DataScope, filter: OrderListFilter, sort: SortColumn): Set<Steerable> {
  const unindexed = new Set<Steerable>(['status', 'warehouse']);
  const scopeKinds = [scope.warehouseIds, scope.storeIds, scope.dealerIds].filter((ids) => ids.length).length;
  // The warehouses a query is pinned to: the filter's, else a warehouse-only scope's.
  const warehouses = new Set(
    filter.warehouseIds?.length ? filter.warehouseIds : !scope.all && scopeKinds === 1 ? scope.warehouseIds : [],
  );
  const oneStatus = filter.statuses?.length === 1;
  if (oneStatus && sort === 'o.created_at') unindexed.delete('status');
  if (oneStatus && sort === 'o.paid_at' && warehouses.size === 1) {
    unindexed.delete('status');
    unindexed.delete('warehouse');
  }
  return unindexed;
}
