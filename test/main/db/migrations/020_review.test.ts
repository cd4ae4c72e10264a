import { describe, expect, it } from 'vitest';
import { getOrderDetail } from '../../../../src/main/db/orders-query';
import { storeWith } from '../../../fixtures/db';
import { anOrder } from '../../../fixtures/orders';
import { columnsOf, migratedTo } from './schema';

const ALL = { all: true, warehouseIds: [], storeIds: [], dealerIds: [] };
const held = {
  status: 'PENDING' as const,
  reasons: ['AMOUNT_AT_LEAST' as const],
  heldAt: 1_741_917_600_000,
  decidedAt: null,
  decidedBy: null,
  note: null,
};

describe('migration 020_review', () => {
  it('keeps an order’s review hold as JSON, gives it back whole, and refuses anything else', () => {
    expect(columnsOf(migratedTo(20), 'orders')).toContain('review');
    const order = anOrder({ review: held });
    const db = storeWith([order, anOrder()]);
    expect(getOrderDetail(db, ALL, order.orderNo)?.review).toEqual(held);
    expect(() => db.prepare(`UPDATE orders SET review = '{oops' WHERE order_no = ?`).run(order.orderNo)).toThrow(
      /CHECK/,
    );
  });

  it('finds the orders waiting for review, oldest payment first, through its partial index', () => {
    const plan = migratedTo(20)
      .prepare(
        `EXPLAIN QUERY PLAN SELECT order_no FROM orders WHERE json_extract(review, '$.status') = 'PENDING' ORDER BY paid_at, id`,
      )
      .all();
    expect(JSON.stringify(plan)).toContain('orders_review_pending');
  });
});
