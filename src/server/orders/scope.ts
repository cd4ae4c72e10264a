import type { OrderRecord } from '../../shared/contract/records';
import { inScope } from '../../shared/domain/rights';
import type { DataScope } from '../../shared/domain/vocabulary';
import { sql, type SqlBool } from 'kysely';
import { anyOf, inList, TRUE_CLAUSE, type Clause } from '../storage/sql';
import type { ScopeColumns } from '../storage/repositories';

/**
 * The data scope as SQL, so a page of a narrow scope is an indexed query rather than a scan that
 * throws most rows away. It narrows; inScope (rights.ts) still decides every row that comes back,
 * and a test holds the two equal over every combination of scope and order.
 */
export function scopeClause(scope: DataScope): Clause {
  if (scope.all) return TRUE_CLAUSE;
  const stores = inList('store_id', scope.storeIds);
  return anyOf(
    [
      inList('warehouse_id', scope.warehouseIds),
      stores && sql<SqlBool>`(kind = 'SERVICE' AND ${stores})`,
      inList('dealer_id', scope.dealerIds),
      inList('shop_id', scope.shopIds),
    ].filter((c): c is Clause => c !== null),
  );
}

export const sees = (scope: DataScope, order: ScopeColumns): boolean => inScope(scope, order);

/** The scope columns a record is stored with (columns.ts writes the same). */
export const recordScope = (record: OrderRecord): ScopeColumns => ({
  kind: record.kind,
  warehouseId: record.warehouseId,
  storeId: record.storeId,
  dealerId: record.dealerId,
  shopId: record.external?.shopId ?? null,
});

export const sameScope = (a: ScopeColumns, b: ScopeColumns): boolean =>
  a.kind === b.kind &&
  a.warehouseId === b.warehouseId &&
  a.storeId === b.storeId &&
  a.dealerId === b.dealerId &&
  a.shopId === b.shopId;
