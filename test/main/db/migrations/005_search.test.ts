import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../src/main/db/migrations';
import { insertOrder, insertParent, migratedTo, tablesOf } from './schema';

const matches = (db: ReturnType<typeof migratedTo>, text: string): number[] =>
  (
    db.prepare('SELECT rowid FROM orders_fts WHERE orders_fts MATCH ? ORDER BY rowid').all(`"${text}"`) as Array<{
      rowid: number;
    }>
  ).map((r) => r.rowid);

describe('migration 005_search', () => {
  it('adds a trigram full-text index over the order no., receiver and tracking numbers', () => {
    const db = migratedTo(5);
    expect(tablesOf(db)).toContain('orders_fts');
    const sql = (db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'orders_fts'").get() as { sql: string }).sql;
    expect(sql).toMatch(/tokenize = 'trigram'/);
    expect(sql).toMatch(/contentless_delete = 1/);
    expect(sql).toMatch(/order_no, receiver_name, receiver_phone, tracking_nos/);
  });

  it('indexes the orders stored before it, so an upgraded store can search at once', () => {
    const db = migratedTo(4);
    insertParent(db);
    insertOrder(db, { receiver_phone: '13812345678', tracking_nos: 'SF1234567890123' });
    migrate(db, { to: 5 });
    expect(matches(db, '345678')).toEqual([1]);
    expect(matches(db, '4567890')).toEqual([1]);
  });

  it('forgets an order that was never indexed without harm', () => {
    const db = migratedTo(5);
    insertParent(db);
    insertOrder(db); // not through ingest: not in the index
    db.prepare('DELETE FROM orders WHERE id = 1').run();
    db.exec("INSERT INTO orders_fts (orders_fts) VALUES ('integrity-check')");
  });

  it('follows an order when its searchable columns change or it is deleted', () => {
    const db = migratedTo(5);
    insertParent(db);
    insertOrder(db, { receiver_name: '张伟' });
    db.exec(
      'INSERT INTO orders_fts (rowid, order_no, receiver_name, receiver_phone, tracking_nos) SELECT id, order_no, receiver_name, receiver_phone, tracking_nos FROM orders',
    );
    db.prepare("UPDATE orders SET tracking_nos = 'YT1234567890123' WHERE id = 1").run();
    expect(matches(db, 'YT12345')).toEqual([1]);
    db.prepare('DELETE FROM orders WHERE id = 1').run();
    expect(matches(db, 'YT12345')).toEqual([]);
    db.exec("INSERT INTO orders_fts (orders_fts) VALUES ('integrity-check')");
  });
});
