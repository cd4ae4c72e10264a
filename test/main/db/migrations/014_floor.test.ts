import { describe, expect, it } from 'vitest';
import { columnsOf, migratedTo, tablesOf } from './schema';

describe('migration 014_floor', () => {
  const db = migratedTo(14);

  it("keeps item barcodes, warehouse policies and each order's scans", () => {
    expect(tablesOf(db)).toEqual(expect.arrayContaining(['item_codes', 'warehouse_policies', 'verification_progress']));
    expect(columnsOf(db, 'item_codes')).toEqual(['sku', 'barcode', 'name', 'spec']);
    expect(columnsOf(db, 'verification_progress')).toEqual(['order_no', 'line_no', 'verified', 'updated_at']);
  });

  it('finds an item by its barcode through the index', () => {
    db.prepare(`INSERT INTO item_codes VALUES ('FZ00101', '6938112000017', '纯棉短袖T恤', '颜色:白色;尺码:S')`).run();
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT sku FROM item_codes WHERE barcode = ?`).all('6938112000017');
    expect(JSON.stringify(plan)).toContain('item_codes_barcode');
  });

  it('refuses a negative count of scanned units and a policy that is neither on nor off', () => {
    expect(() => db.prepare(`INSERT INTO verification_progress VALUES ('M1', 1, -1, 0)`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO warehouse_policies VALUES ('WH-SH', '上海仓', 2)`).run()).toThrow(/CHECK/);
  });
});
