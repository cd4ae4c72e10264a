import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { inScope } from '../../../src/shared/domain/rights';
import { ORDER_KINDS, type DataScope } from '../../../src/shared/domain/vocabulary';
import { scopeClause } from '../../../src/server/orders/scope';
import { SqliteSql } from '../../../src/server/storage/sqlite/executor';

const WAREHOUSES = [null, 'WH-SH', 'WH-GZ'];
const STORES = [null, 'ST-01', 'ST-03'];
const DEALERS = [null, 'DL-01', 'DL-02'];
const pick = <T>(values: T[], mask: number): T[] => values.filter((_v, i) => mask & (1 << i));

describe('the data scope in SQL', () => {
  it('selects exactly the orders inScope admits, for every scope and every kind of order', async () => {
    const db = new Database(':memory:');
    db.exec(
      'CREATE TABLE orders (id INTEGER PRIMARY KEY, kind TEXT, warehouse_id TEXT, store_id TEXT, dealer_id TEXT)',
    );
    const insert = db.prepare('INSERT INTO orders (kind, warehouse_id, store_id, dealer_id) VALUES (?, ?, ?, ?)');
    const orders: Array<{
      id: number;
      kind: (typeof ORDER_KINDS)[number];
      warehouseId: string | null;
      storeId: string | null;
      dealerId: string | null;
    }> = [];
    for (const kind of ORDER_KINDS)
      for (const warehouseId of WAREHOUSES)
        for (const storeId of STORES)
          for (const dealerId of DEALERS) {
            const id = Number(insert.run(kind, warehouseId, storeId, dealerId).lastInsertRowid);
            orders.push({ id, kind, warehouseId, storeId, dealerId });
          }

    const ids = (values: Array<string | null>) => values.filter((v): v is string => v !== null);
    let scopes = 0;
    for (const all of [false, true])
      for (let w = 0; w < 4; w++)
        for (let s = 0; s < 4; s++)
          for (let d = 0; d < 4; d++) {
            const scope: DataScope = {
              all,
              warehouseIds: pick(ids(WAREHOUSES), w),
              storeIds: pick(ids(STORES), s),
              dealerIds: pick(ids(DEALERS), d),
            };
            const clause = scopeClause(scope);
            const selected = (
              await new SqliteSql(db).all(sql<{ id: number }>`SELECT id FROM orders WHERE ${clause} ORDER BY id`)
            ).map((r) => r.id);
            expect(selected, JSON.stringify(scope)).toEqual(orders.filter((o) => inScope(scope, o)).map((o) => o.id));
            scopes++;
          }
    expect(scopes).toBe(128);
  });
});
