import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../src/main/db/connection';
import { getOrderDetail } from '../../../src/main/db/orders-query';
import { page, storeWith } from '../../fixtures/db';
import { aDealerOrder, anOrder, aServiceOrder, demoOrders, NOW, shipped } from '../../fixtures/orders';
import { ADMIN, clerkOf, dealerOf, deskOf } from '../../fixtures/scopes';

function queueIntent(db: Db, orderNo: string, state: string, seq: number): void {
  db.prepare(
    `INSERT INTO outbox (id, seq, type, payload, client_time, order_no, state, created_at)
     VALUES (?, ?, 'SHIP', '{}', ?, ?, ?, ?)`,
  ).run(randomUUID(), seq, NOW, orderNo, state, NOW);
}

describe('order detail', () => {
  it('gives back every kind of demo order exactly as it was stored', () => {
    const sample = demoOrders(1200, 3);
    const db = storeWith(sample);
    for (const order of sample) expect(getOrderDetail(db, ADMIN, order.orderNo)).toEqual({ ...order, pendingSync: 0 });
    const kinds = new Set(sample.map((o) => `${o.kind}/${o.status}`));
    expect(kinds.size).toBeGreaterThan(10);
  });

  it('keeps parcels, tracking events, after-sales and the timeline in their original order', () => {
    const order = shipped(anOrder());
    const withHistory = {
      ...order,
      waybills: [
        ...order.waybills,
        {
          ...order.waybills[0]!,
          id: 'wb-2',
          trackingNo: 'JT0001234567890',
          events: [
            { at: 3, text: 'b' },
            { at: 2, text: 'a' },
          ],
        },
      ],
      afterSales: [
        {
          id: 'as-9',
          afterSaleNo: 'AS250601000009',
          type: 'EXCHANGE' as const,
          status: 'REJECTED' as const,
          reason: '颜色不喜欢',
          amount: 0,
          createdAt: 5,
          updatedAt: 6,
          lines: [{ lineNo: 1, quantity: 1 }],
          rejectReason: '超出售后期限',
        },
        {
          id: 'as-2',
          afterSaleNo: 'AS250601000002',
          type: 'RETURN_REFUND' as const,
          status: 'PENDING_REVIEW' as const,
          reason: '尺码不合适',
          amount: 5900,
          createdAt: 7,
          updatedAt: 7,
          lines: [],
          rejectReason: null,
        },
      ],
      promotions: [
        { kind: 'POINTS' as const, refId: 'POINTS', name: '积分抵扣 100 积分', amount: 100 },
        { kind: 'COUPON' as const, refId: 'CP0000000001', name: '满99减10', amount: 1000 },
      ],
      invoice: {
        type: 'ELECTRONIC_NORMAL' as const,
        titleType: 'COMPANY' as const,
        title: '上海云启信息科技有限公司',
        taxNo: '91310115MA1K4XXX2Q',
        content: '商品明细',
      },
    };
    const db = storeWith([withHistory]);
    expect(getOrderDetail(db, ADMIN, order.orderNo)).toEqual({ ...withHistory, pendingSync: 0 });
  });

  it('counts the local changes not yet answered by the order service', () => {
    const order = anOrder();
    const db = storeWith([order]);
    queueIntent(db, order.orderNo, 'queued', 1);
    queueIntent(db, order.orderNo, 'sending', 2);
    queueIntent(db, order.orderNo, 'applied', 3);
    queueIntent(db, order.orderNo, 'rejected', 4);
    queueIntent(db, 'M0000000000000000001', 'queued', 5);
    expect(getOrderDetail(db, ADMIN, order.orderNo)?.pendingSync).toBe(2);
    expect(page(db, ADMIN).rows[0]?.pendingSync).toBe(2);
  });

  it('answers null for an order it does not have', () => {
    expect(getOrderDetail(storeWith([anOrder()]), ADMIN, 'M2506019999999999901')).toBeNull();
  });

  it("answers null, as if it did not exist, for an order outside the caller's scope", () => {
    const guangzhou = anOrder({ warehouseId: 'WH-GZ' });
    const coffee = aServiceOrder({ storeId: 'ST-03' });
    const dealers = aDealerOrder('DL-02', { warehouseId: 'WH-BJ' });
    const db = storeWith([guangzhou, coffee, dealers]);

    expect(getOrderDetail(db, deskOf('WH-SH'), guangzhou.orderNo)).toBeNull();
    expect(getOrderDetail(db, deskOf('WH-GZ'), guangzhou.orderNo)?.orderNo).toBe(guangzhou.orderNo);
    expect(getOrderDetail(db, clerkOf('ST-01'), coffee.orderNo)).toBeNull();
    expect(getOrderDetail(db, clerkOf('ST-03'), coffee.orderNo)?.redemptionCode?.verifier).toBe(
      'scrypt$1024$8$1$fixture-salt-0001$sealed:246810',
    );
    expect(getOrderDetail(db, clerkOf('ST-03'), guangzhou.orderNo)).toBeNull();
    expect(getOrderDetail(db, dealerOf('DL-01'), dealers.orderNo)).toBeNull();
    expect(getOrderDetail(db, dealerOf('DL-02'), dealers.orderNo)?.dealerId).toBe('DL-02');
  });
});
