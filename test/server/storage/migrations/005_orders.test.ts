import { describe, expect, it } from 'vitest';
import { columns, migratedTo } from './helpers';

describe('migration 005: orders, scope exits, reservations', () => {
  it('indexes what scope, filters, timers and the pull need, next to the record text', () => {
    const db = migratedTo(5);
    expect(columns(db, 'orders')).toEqual(
      expect.arrayContaining([
        'order_no',
        'warehouse_id',
        'store_id',
        'dealer_id',
        'status',
        'seq',
        'confirm_due_at',
        'record',
      ]),
    );
    const indexes = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'orders'").all() as Array<{
        name: string;
      }>
    ).map((i) => i.name);
    expect(indexes).toEqual(
      expect.arrayContaining(['orders_parent', 'orders_created', 'orders_status_created', 'orders_status_confirm']),
    );
    // The pull pages by sequence: it must be an index lookup, not a scan.
    const plan = db
      .prepare('EXPLAIN QUERY PLAN SELECT record FROM orders WHERE seq > ? ORDER BY seq LIMIT 500')
      .all(0) as Array<{
      detail: string;
    }>;
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING INDEX/);
  });

  it('refuses statuses outside the vocabulary and a second row with one sequence', () => {
    const db = migratedTo(5);
    const insert = (orderNo: string, status: string, seq: number) =>
      db
        .prepare(
          `INSERT INTO orders (order_no, parent_no, kind, source, platform, status, payment_status, refund_status, locked,
             has_exception, merchant_id, created_at, payable, search_text, receipt_extended, seq, record)
           VALUES (?, ?, 'PHYSICAL', 'MALL', 'APP', ?, 'UNPAID', 'NONE', 0, 0, 'MCH-0001', 1, 0, '', 0, ?, '{}')`,
        )
        .run(orderNo, orderNo.slice(0, -2), status, seq);
    insert('M250314000000000101', 'PENDING_PAYMENT', 1);
    expect(() => insert('M250314000000000201', 'SHIPPED', 2)).toThrow(/CHECK/);
    expect(() => insert('M250314000000000301', 'PENDING_PAYMENT', 1)).toThrow(/UNIQUE/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO reservations (order_no, line_no, sku, warehouse_id, quantity) VALUES ('M9', 1, 'SP00101', 'WH-SH', 1)",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });
});
