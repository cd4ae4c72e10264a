import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../src/server/storage/migrations';
import { migratedTo, tables } from './helpers';

const order = (orderNo: string, seq: number, trackingNos: string[]) => ({
  orderNo,
  seq,
  record: JSON.stringify({ orderNo, waybills: trackingNos.map((trackingNo) => ({ carrier: 'SF', trackingNo })) }),
});

describe('migration 010: a tracking number belongs to one order', () => {
  it('records the numbers of orders already shipped, the earliest holder keeping a number found twice', () => {
    const db = migratedTo(9);
    // Only the columns the migration reads matter; the rest get the simplest valid values.
    const insert = db.prepare(`INSERT INTO orders (order_no, parent_no, kind, source, platform, status, payment_status,
      refund_status, locked, has_exception, merchant_id, created_at, payable, search_text, receipt_extended, seq, record)
      VALUES (@orderNo, @orderNo, 'PHYSICAL', 'MALL', 'APP', 'PENDING_RECEIPT', 'PAID', 'NONE', 0, 0, 'M01', 0, 0, '', 0,
      @seq, @record)`);
    insert.run(order('M1', 1, ['SF1000000000001', 'SF1000000000002']));
    insert.run(order('M2', 2, []));
    insert.run(order('M3', 3, ['SF1000000000002']));
    migrate(db, { to: 10 });
    expect(tables(db)).toContain('waybill_numbers');
    expect(db.prepare('SELECT tracking_no, order_no FROM waybill_numbers ORDER BY tracking_no').all()).toEqual([
      { tracking_no: 'SF1000000000001', order_no: 'M1' },
      { tracking_no: 'SF1000000000002', order_no: 'M1' },
    ]);
  });

  it('refuses a second holder for one number', () => {
    const db = migratedTo(10);
    const claim = db.prepare('INSERT INTO waybill_numbers (tracking_no, order_no) VALUES (?, ?)');
    claim.run('SF1000000000009', 'M1');
    expect(() => claim.run('SF1000000000009', 'M2')).toThrow(/UNIQUE|PRIMARY KEY/);
  });
});
