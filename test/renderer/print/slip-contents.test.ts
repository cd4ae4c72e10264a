import { describe, expect, it } from 'vitest';
import type { OrderDetail } from '../../../src/shared/contract/orders';
import { slipContents } from '../../../src/renderer/print/slip-contents';
import { aLine, anOrder, aWaybill, NOW } from '../../fixtures/orders';

const detail = (over: Parameters<typeof anOrder>[0]): OrderDetail => ({ ...anOrder(over), pendingSync: 0 });

describe('what a packing slip lists', () => {
  it('lists an unshipped order’s lines in one box with its pieces and the seller’s notes', () => {
    const order = detail({
      lines: [
        aLine({ lineNo: 1, quantity: 2 }),
        aLine({ lineNo: 2, sku: 'SP1', name: '茶叶', spec: '250g', quantity: 3 }),
      ],
      timeline: [
        { at: NOW, actor: 'warehouse:warehouse1', device: 'DEV-0001', action: 'NOTE', detail: '易碎，多包一层' },
        { at: NOW, actor: 'system', device: 'SERVICE', action: 'PAY', detail: '' },
      ],
    });
    expect(slipContents(order)).toEqual({
      parcels: [
        {
          carrier: null,
          trackingNo: null,
          lines: [
            { lineNo: 1, sku: 'FZ00103', name: '纯棉短袖T恤', spec: '颜色:白色;尺码:L', quantity: 2 },
            { lineNo: 2, sku: 'SP1', name: '茶叶', spec: '250g', quantity: 3 },
          ],
        },
      ],
      pieces: 5,
      sellerNotes: ['易碎，多包一层'],
    });
  });

  it('gives each parcel its own lines, then what still waits, and leaves refunded units out', () => {
    const base = anOrder({
      lines: [
        aLine({ lineNo: 1, quantity: 2, shippedQuantity: 2 }),
        aLine({ lineNo: 2, sku: 'SP1', quantity: 4, shippedQuantity: 1, refundedQuantity: 1 }),
      ],
    });
    const order: OrderDetail = {
      ...base,
      pendingSync: 0,
      waybills: [
        aWaybill(base, { id: 'w1', carrier: 'SF', trackingNo: 'SF1', lines: [{ lineNo: 1, quantity: 2 }] }),
        aWaybill(base, { id: 'w2', carrier: 'YTO', trackingNo: 'YT2', lines: [{ lineNo: 2, quantity: 1 }] }),
      ],
    };
    const { parcels, pieces } = slipContents(order);
    expect(parcels.map((p) => [p.carrier, p.trackingNo, p.lines.map((l) => [l.sku, l.quantity])])).toEqual([
      ['SF', 'SF1', [['FZ00103', 2]]],
      ['YTO', 'YT2', [['SP1', 1]]],
      [null, null, [['SP1', 2]]],
    ]);
    expect(pieces).toBe(5);
  });
});
