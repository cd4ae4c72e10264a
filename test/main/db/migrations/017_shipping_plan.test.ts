import { describe, expect, it } from 'vitest';
import { columnsOf, indexColumns, indexesOf, migratedTo } from './schema';

describe('migration 017_shipping_plan', () => {
  const db = migratedTo(17);

  it('keeps an order’s split and merge with it, and finds a merge’s orders by its id', () => {
    expect(columnsOf(db, 'orders')).toEqual(expect.arrayContaining(['shipping_plan', 'merge_id']));
    expect(indexesOf(db, 'orders')).toContain('orders_merge');
    expect(indexColumns(db, 'orders_merge')).toEqual(['merge_id']);
  });

  it('holds a plan only as JSON', () => {
    const { sql } = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'orders'").get() as { sql: string };
    expect(sql).toContain('shipping_plan TEXT CHECK (shipping_plan IS NULL OR json_valid(shipping_plan))');
  });
});
