import { describe, expect, it } from 'vitest';
import { columnsOf, indexesOf, insertOrder, insertParent, migratedTo, tablesOf } from './schema';

describe('migration 001_orders', () => {
  const db = migratedTo(1);

  it('creates parent orders, child orders and what belongs to a child order', () => {
    expect(tablesOf(db)).toEqual(
      expect.arrayContaining([
        'parent_orders',
        'orders',
        'order_lines',
        'order_receivers',
        'order_promotions',
        'order_invoices',
        'order_timeline',
      ]),
    );
  });

  it('keeps the buyer and the payment on the parent, where payment happens', () => {
    expect(columnsOf(db, 'parent_orders')).toEqual(
      expect.arrayContaining([
        'parent_no',
        'buyer_id',
        'buyer_account',
        'buyer_level',
        'buyer_name',
        'paid_at',
        'payment_channel',
        'payment_serial_no',
      ]),
    );
  });

  it('gives the child order every amount in fen and the list columns it is shown with', () => {
    expect(columnsOf(db, 'orders')).toEqual(
      expect.arrayContaining([
        'goods_total',
        'freight',
        'freight_insurance',
        'coupon_discount',
        'campaign_discount',
        'member_discount',
        'member_benefit',
        'points_deduction',
        'points_used',
        'coin_deduction',
        'payable',
        'paid',
        'receiver_name',
        'receiver_phone',
        'receiver_province',
        'receiver_city',
        'item_summary',
        'item_count',
        'tracking_nos',
      ]),
    );
    expect(indexesOf(db, 'orders')).toContain('orders_parent');
  });

  it('refuses a status that is not in the vocabulary', () => {
    insertParent(db);
    expect(() => insertOrder(db, { status: 'SHIPPED' })).toThrow(/CHECK constraint failed/);
    expect(() => insertOrder(db, { kind: 'DIGITAL' })).toThrow(/CHECK constraint failed/);
    expect(() => insertOrder(db, { payable: -1 })).toThrow(/CHECK constraint failed/);
  });

  it('refuses a second child order with the same number', () => {
    insertOrder(db, { id: 10, order_no: 'M2506010000000000199' });
    expect(() => insertOrder(db, { id: 11, order_no: 'M2506010000000000199' })).toThrow(/UNIQUE/);
  });

  it('refuses a payment channel it does not know', () => {
    expect(() =>
      db
        .prepare(
          `INSERT INTO parent_orders (parent_no, buyer_id, buyer_account, buyer_level, buyer_name, created_at, payment_channel)
           VALUES ('M2506010000000099', 'U1', 'a', '', '', 0, 'PAYPAL')`,
        )
        .run(),
    ).toThrow(/CHECK constraint failed/);
  });

  it("drops an order's lines, receiver and timeline with the order", () => {
    insertOrder(db, { id: 20, order_no: 'M2506010000000000120' });
    db.prepare(
      `INSERT INTO order_lines (order_id, line_no, merchant_id, sku, name, spec, image, unit_price, quantity, discount, payable, shipped_qty, refunded_qty)
       VALUES (20, 1, 'MCH-0001', 'FZ00103', 'T恤', '', '', 100, 1, 0, 100, 0, 0)`,
    ).run();
    db.prepare(
      `INSERT INTO order_timeline (order_id, position, at, actor, device, action, detail) VALUES (20, 0, 0, 'a', 'd', 'CREATE', '')`,
    ).run();
    db.prepare('DELETE FROM orders WHERE id = 20').run();
    expect(db.prepare('SELECT count(*) AS n FROM order_lines WHERE order_id = 20').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM order_timeline WHERE order_id = 20').get()).toEqual({ n: 0 });
  });

  it('refuses a line number used twice in one order', () => {
    insertOrder(db, { id: 30, order_no: 'M2506010000000000130' });
    const line = `INSERT INTO order_lines (order_id, line_no, merchant_id, sku, name, spec, image, unit_price, quantity, discount, payable, shipped_qty, refunded_qty)
                  VALUES (30, 1, 'MCH-0001', 'FZ00103', 'T恤', '', '', 100, 1, 0, 100, 0, 0)`;
    db.prepare(line).run();
    expect(() => db.prepare(line).run()).toThrow(/UNIQUE|PRIMARY KEY/);
  });
});
