import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../src/main/db/migrations';
import { getOrderDetail } from '../../../../src/main/db/orders-query';
import { ADMIN } from '../../../fixtures/scopes';
import { columnsOf, insertOrder, insertParent, migratedTo, tablesOf } from './schema';

describe('migration 019_order_details', () => {
  it('keeps detail-only data as one value per order instead of rows', () => {
    const db = migratedTo(19);
    expect(columnsOf(db, 'order_details')).toEqual(['order_id', 'detail']);
    expect(tablesOf(db)).not.toEqual(
      expect.arrayContaining(['order_receivers', 'order_promotions', 'order_invoices', 'order_timeline']),
    );
    expect(tablesOf(db)).not.toContain('tracking_events');
    expect(tablesOf(db)).not.toContain('waybill_lines');
    expect(tablesOf(db)).toEqual(expect.arrayContaining(['order_lines', 'waybills', 'after_sales']));
  });

  it('moves an existing order’s address, promotions, invoice, timeline and parcels over unchanged', () => {
    const db = migratedTo(18);
    insertParent(db);
    insertOrder(db, {
      receiver_name: '张伟',
      receiver_phone: '13800000000',
      receiver_province: '上海市',
      receiver_city: '上海市',
    });
    db.exec(`
      INSERT INTO order_lines VALUES (1, 1, 'MCH-0001', 'FZ00103', 'T恤', '白色', '', 5900, 2, 0, 11800, 2, 0);
      INSERT INTO order_receivers VALUES (1, '张伟', '13800000000', '上海市', '上海市', '浦东新区', '世纪大道 100 号', '200120');
      INSERT INTO order_promotions VALUES (1, 0, 'COUPON', 'CP-1', '满100减10', 1000), (1, 1, 'CAMPAIGN', 'DC-2', '新品', 500);
      INSERT INTO order_invoices VALUES (1, 'ELECTRONIC_NORMAL', 'PERSONAL', '张伟', '', '商品明细');
      INSERT INTO order_timeline VALUES (1, 0, 10, 'buyer:U1', 'APP', 'CREATE', '提交订单'), (1, 1, 20, 'buyer:U1', 'APP', 'PAY', '支付成功');
      INSERT INTO waybills VALUES (7, 1, 'wb-1', 'SF', 'SF1234567890123', 30, 'IN_TRANSIT', NULL, '王师傅');
      INSERT INTO waybill_lines VALUES (7, 0, 1, 2);
      INSERT INTO tracking_events VALUES (7, 0, 31, '已揽收'), (7, 1, 32, '运输中');
    `);
    migrate(db, { to: 19 });
    // The detail query reads every column of today's schema; the later migrations only add some.
    migrate(db);
    const detail = getOrderDetail(db as never, ADMIN, 'M2506010000000000101');
    expect(detail).toMatchObject({
      receiver: {
        name: '张伟',
        phone: '13800000000',
        province: '上海市',
        city: '上海市',
        district: '浦东新区',
        address: '世纪大道 100 号',
        postcode: '200120',
      },
      promotions: [
        { kind: 'COUPON', refId: 'CP-1', name: '满100减10', amount: 1000 },
        { kind: 'CAMPAIGN', refId: 'DC-2', name: '新品', amount: 500 },
      ],
      invoice: { type: 'ELECTRONIC_NORMAL', titleType: 'PERSONAL', title: '张伟', taxNo: '', content: '商品明细' },
      timeline: [
        { at: 10, actor: 'buyer:U1', device: 'APP', action: 'CREATE', detail: '提交订单' },
        { at: 20, actor: 'buyer:U1', device: 'APP', action: 'PAY', detail: '支付成功' },
      ],
      waybills: [
        {
          id: 'wb-1',
          trackingNo: 'SF1234567890123',
          lines: [{ lineNo: 1, quantity: 2 }],
          events: [
            { at: 31, text: '已揽收' },
            { at: 32, text: '运输中' },
          ],
        },
      ],
    });
  });
});
