import { describe, expect, it } from 'vitest';
import { indexColumns, indexesOf, migratedTo } from './schema';

describe('migration 006_list_indexes', () => {
  const db = migratedTo(6);

  it('adds an index per sort column, so keyset paging seeks instead of sorting', () => {
    expect(indexColumns(db, 'orders_created')).toEqual(['created_at']);
    expect(indexColumns(db, 'orders_paid')).toEqual(['paid_at']);
    expect(indexColumns(db, 'orders_shipped')).toEqual(['shipped_at']);
    expect(indexColumns(db, 'orders_payable')).toEqual(['payable']);
  });

  it('serves the status tabs and the warehouse desk queue (待发货, oldest paid first) from one index each', () => {
    expect(indexColumns(db, 'orders_status_created')).toEqual(['status', 'created_at']);
    expect(indexColumns(db, 'orders_warehouse_status_paid')).toEqual(['warehouse_id', 'status', 'paid_at']);
  });

  it('serves store, dealer, exception and lock queues and short text prefixes', () => {
    expect(indexesOf(db, 'orders')).toEqual(
      expect.arrayContaining([
        'orders_store_created',
        'orders_dealer_created',
        'orders_exception_created',
        'orders_locked_created',
        'orders_receiver_name',
        'orders_receiver_phone',
      ]),
    );
  });

  it('keeps the queue indexes small: only flagged orders are in them', () => {
    const sql = (name: string) =>
      (db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').get(name) as { sql: string }).sql;
    expect(sql('orders_exception_created')).toMatch(/WHERE exception IS NOT NULL/);
    expect(sql('orders_locked_created')).toMatch(/WHERE locked = 1/);
  });
});
