import { describe, expect, it } from 'vitest';
import type { OrderDetail } from '../../../src/shared/contract/orders';
import { inPickOrder, pickList } from '../../../src/renderer/print/pick-list';
import { aLine, anOrder } from '../../fixtures/orders';

const detail = (over: Parameters<typeof anOrder>[0]): OrderDetail => ({ ...anOrder(over), pendingSync: 0 });

describe('a pick list for a morning’s orders', () => {
  it('adds up each SKU over the orders, sorted by SKU, and says which order takes how many', () => {
    const first = detail({
      lines: [
        aLine({ lineNo: 1, sku: 'SP20001', name: '坚果礼盒', spec: '1kg', quantity: 2 }),
        aLine({ lineNo: 2, sku: 'FZ00103', quantity: 1 }),
      ],
    });
    const second = detail({
      lines: [
        aLine({ lineNo: 1, sku: 'FZ00103', quantity: 3 }),
        aLine({ lineNo: 2, sku: 'FZ00103', quantity: 1 }),
        aLine({ lineNo: 3, sku: 'BJ00007', name: '保温杯', spec: '500ml', quantity: 1 }),
      ],
    });

    expect(pickList([first, second])).toEqual([
      {
        sku: 'BJ00007',
        name: '保温杯',
        spec: '500ml',
        quantity: 1,
        orders: [{ orderNo: second.orderNo, quantity: 1 }],
      },
      {
        sku: 'FZ00103',
        name: '纯棉短袖T恤',
        spec: '颜色:白色;尺码:L',
        quantity: 5,
        orders: [
          { orderNo: first.orderNo, quantity: 1 },
          { orderNo: second.orderNo, quantity: 4 },
        ],
      },
      { sku: 'SP20001', name: '坚果礼盒', spec: '1kg', quantity: 2, orders: [{ orderNo: first.orderNo, quantity: 2 }] },
    ]);
  });

  it('does not pick again what is already shipped or refunded', () => {
    const partly = detail({
      lines: [
        aLine({ lineNo: 1, sku: 'A1', quantity: 5, shippedQuantity: 2, refundedQuantity: 1 }),
        aLine({ lineNo: 2, sku: 'B2', quantity: 1, shippedQuantity: 1 }),
      ],
    });
    expect(pickList([partly]).map((r) => [r.sku, r.quantity])).toEqual([['A1', 2]]);
  });
});

describe('the batch label queue', () => {
  it('prints in pick order: by the first SKU each order still owes, then by order number', () => {
    const cup = detail({ orderNo: 'M2506010000000301', lines: [aLine({ lineNo: 1, sku: 'BJ00007', quantity: 1 })] });
    const shirtB = detail({ orderNo: 'M2506010000000303', lines: [aLine({ lineNo: 1, sku: 'FZ00103', quantity: 1 })] });
    const shirtA = detail({
      orderNo: 'M2506010000000302',
      lines: [aLine({ lineNo: 1, sku: 'SP20001', quantity: 1 }), aLine({ lineNo: 2, sku: 'FZ00103', quantity: 2 })],
    });
    // Its cup already left: the walk meets this order at the nuts, not at the cup.
    const nuts = detail({
      orderNo: 'M2506010000000304',
      lines: [
        aLine({ lineNo: 1, sku: 'BJ00007', quantity: 1, shippedQuantity: 1 }),
        aLine({ lineNo: 2, sku: 'SP20001', quantity: 1 }),
      ],
    });
    const queue = inPickOrder([nuts, shirtB, cup, shirtA].map((order) => ({ order })));
    expect(queue.map((l) => l.order.orderNo)).toEqual([cup, shirtA, shirtB, nuts].map((o) => o.orderNo));
  });
});
