import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../src/main/db/migrations';
import { columnsOf, indexesOf, insertOrder, insertParent, migratedTo } from './schema';

describe('migration 018_logistics_watch', () => {
  it('keeps with each order what the 物流异常 filter tests, behind partial indexes', () => {
    const db = migratedTo(18);
    expect(columnsOf(db, 'orders')).toEqual(expect.arrayContaining(['tracking_troubled', 'tracking_quiet_since']));
    expect(indexesOf(db, 'orders')).toEqual(
      expect.arrayContaining(['orders_tracking_troubled', 'orders_tracking_quiet']),
    );
    expect(indexesOf(db, 'after_sales')).toContain('after_sales_return_tracking');
  });

  it('works the values out for the orders already on the desk from their parcels', () => {
    const db = migratedTo(17);
    insertParent(db);
    insertOrder(db, { id: 1, order_no: 'M250601000100000101', status: 'PENDING_RECEIPT' });
    insertOrder(db, { id: 2, order_no: 'M250601000100000102', status: 'PENDING_RECEIPT' });
    insertOrder(db, { id: 3, order_no: 'M250601000100000103', status: 'COMPLETED' });
    const waybill = db.prepare(
      `INSERT INTO waybills (id, order_id, remote_id, carrier, tracking_no, shipped_at, status, signed_at, courier)
       VALUES (?, ?, ?, 'SF', ?, ?, ?, NULL, '')`,
    );
    const event = db.prepare('INSERT INTO tracking_events (waybill_id, position, at, text) VALUES (?, ?, ?, ?)');
    waybill.run(1, 1, 'W1', 'SF1000000000001', 1000, 'IN_TRANSIT');
    event.run(1, 0, 1500, '已揽收');
    event.run(1, 1, 4000, '运输中');
    waybill.run(2, 1, 'W2', 'SF1000000000002', 2000, 'IN_TRANSIT');
    waybill.run(3, 2, 'W3', 'SF1000000000003', 1000, 'RETURNED');
    waybill.run(4, 3, 'W4', 'SF1000000000004', 1000, 'IN_TRANSIT');
    migrate(db, { to: 18 });

    const rows = db
      .prepare('SELECT tracking_troubled AS troubled, tracking_quiet_since AS quiet FROM orders ORDER BY id')
      .all();
    // The quietest parcel in transit decides; a returned parcel is trouble; a completed order is not watched.
    expect(rows).toEqual([
      { troubled: 0, quiet: 2000 },
      { troubled: 1, quiet: null },
      { troubled: 0, quiet: null },
    ]);
  });
});
