import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../src/main/db/migrations';
import { columnsOf, insertOrder, insertParent, migratedTo } from './schema';

type Db = ReturnType<typeof migratedTo>;
const counts = (db: Db) =>
  db
    .prepare(
      'SELECT warehouse_id, store_id, dealer_id, kind, status, n FROM order_status_counts WHERE n > 0 ORDER BY 1, 5',
    )
    .all();

describe('migration 008_status_counts', () => {
  it('adds running counts per warehouse, store, dealer, kind and status', () => {
    expect(columnsOf(migratedTo(8), 'order_status_counts')).toEqual([
      'warehouse_id',
      'store_id',
      'dealer_id',
      'kind',
      'status',
      'n',
    ]);
  });

  it('counts the orders stored before it', () => {
    const db = migratedTo(7);
    insertParent(db);
    insertOrder(db, { id: 1, order_no: 'M2506010000000000101', warehouse_id: 'WH-SH' });
    insertOrder(db, { id: 2, order_no: 'M2506010000000000102', warehouse_id: 'WH-SH' });
    migrate(db, { to: 8 });
    expect(counts(db)).toEqual([
      { warehouse_id: 'WH-SH', store_id: '', dealer_id: '', kind: 'PHYSICAL', status: 'PENDING_SHIPMENT', n: 2 },
    ]);
  });

  it('follows every insert, status change, move and delete of an order', () => {
    const db = migratedTo(8);
    insertParent(db);
    insertOrder(db, { id: 1, order_no: 'M2506010000000000101', warehouse_id: 'WH-SH' });
    insertOrder(db, { id: 2, order_no: 'M2506010000000000102', warehouse_id: 'WH-SH' });
    db.prepare("UPDATE orders SET status = 'PENDING_RECEIPT' WHERE id = 1").run();
    db.prepare("UPDATE orders SET warehouse_id = 'WH-GZ' WHERE id = 2").run();
    db.prepare("UPDATE orders SET remark = '周末送货' WHERE id = 2").run();
    expect(counts(db)).toEqual([
      { warehouse_id: 'WH-GZ', store_id: '', dealer_id: '', kind: 'PHYSICAL', status: 'PENDING_SHIPMENT', n: 1 },
      { warehouse_id: 'WH-SH', store_id: '', dealer_id: '', kind: 'PHYSICAL', status: 'PENDING_RECEIPT', n: 1 },
    ]);
    db.prepare('DELETE FROM orders').run();
    expect(counts(db)).toEqual([]);
  });
});
