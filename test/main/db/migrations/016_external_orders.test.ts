import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../src/main/db/migrations';
import { columnsOf, indexesOf, migratedTo } from './schema';

describe('migration 016_external_orders', () => {
  it('adds where an order came from: the shop and the platform’s own order number, indexed for search and scope', () => {
    const db = migratedTo(16);
    expect(columnsOf(db, 'orders')).toEqual(expect.arrayContaining(['external', 'shop_id', 'external_order_no']));
    expect(indexesOf(db, 'orders')).toEqual(expect.arrayContaining(['orders_external_no', 'orders_shop']));
  });

  it('keeps an exception written as free text as an OTHER reason, and rewrites the records kept as sync bases', () => {
    const db = migratedTo(15);
    db.exec(`INSERT INTO parent_orders (id, parent_no, buyer_id, buyer_account, buyer_level, buyer_name, created_at)
             VALUES (1, 'M2506010001000001', 'U1', '13800000000', '', '张伟', 1)`);
    const insert = db.prepare(`INSERT INTO orders (id, parent_id, order_no, kind, source, platform, status,
      payment_status, refund_status, locked, exception, merchant_id, merchant_name, goods_total, freight,
      freight_insurance, coupon_discount, campaign_discount, member_discount, member_benefit, points_deduction,
      points_used, coin_deduction, payable, paid, remark, created_at, updated_at, item_summary, item_count, tracking_nos)
      VALUES (?, 1, ?, 'PHYSICAL', 'MALL', 'APP', 'PENDING_SHIPMENT', 'PAID', 'NONE', 0, ?, 'MCH-0001', '官方自营',
      100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 100, 100, '', 1, 7000, 'T恤×1', 1, '')`);
    insert.run(1, 'M250601000100000101', '收货地址不完整，需人工确认');
    insert.run(2, 'M250601000100000102', null);
    db.prepare('INSERT INTO sync_base (order_no, record) VALUES (?, ?)').run(
      'M250601000100000101',
      JSON.stringify({ orderNo: 'M250601000100000101', exception: '库存不足', updatedAt: 9000 }),
    );
    migrate(db, { to: 16 });

    const rows = db.prepare('SELECT exception FROM orders ORDER BY id').all() as Array<{ exception: string | null }>;
    expect(JSON.parse(rows[0]!.exception!)).toEqual({
      reasons: [{ code: 'OTHER', detail: '收货地址不完整，需人工确认', lineNo: null }],
      openedAt: 7000,
    });
    expect(rows[1]!.exception).toBeNull();
    const base = JSON.parse((db.prepare('SELECT record FROM sync_base').get() as { record: string }).record);
    expect(base).toEqual({
      orderNo: 'M250601000100000101',
      exception: { reasons: [{ code: 'OTHER', detail: '库存不足', lineNo: null }], openedAt: 9000 },
      external: null,
      updatedAt: 9000,
    });
  });
});
