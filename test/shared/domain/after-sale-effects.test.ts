import { describe, it, expect } from 'vitest';
import { orderEffectOfAfterSale } from '../../../src/shared/domain/after-sale-machine';
import type { OrderFacts } from '../../../src/shared/domain/order-machine';

const order = (over: Partial<OrderFacts> = {}): OrderFacts => ({
  kind: 'PHYSICAL',
  status: 'PENDING_RECEIPT',
  paymentStatus: 'PAID',
  refundStatus: 'NONE',
  locked: false,
  receiptExtended: false,
  openAfterSaleType: null,
  lines: [
    { lineNo: 1, quantity: 2, shippedQuantity: 2, refundedQuantity: 0 },
    { lineNo: 2, quantity: 1, shippedQuantity: 1, refundedQuantity: 0 },
  ],
  ...over,
});
const all = [
  { lineNo: 1, quantity: 2 },
  { lineNo: 2, quantity: 1 },
];
const inProgress = (over: Partial<OrderFacts> = {}) =>
  order({ openAfterSaleType: 'RETURN_REFUND', refundStatus: 'IN_PROGRESS', ...over });

describe('orderEffectOfAfterSale', () => {
  it('puts the order in 售后中 when a request opens', () => {
    const r = orderEffectOfAfterSale(order(), { type: 'RETURN_REFUND', status: 'PENDING_REVIEW', lines: all });
    expect(r).toEqual({ ok: true, facts: inProgress() });
  });

  it('refuses to open a second request', () => {
    expect(orderEffectOfAfterSale(inProgress(), { type: 'EXCHANGE', status: 'PENDING_REVIEW', lines: all })).toEqual({
      ok: false,
      code: 'AFTER_SALE_OPEN',
    });
  });

  it.each(['PENDING_REFUND', 'AWAITING_RETURN', 'AWAITING_EXCHANGE_RETURN', 'EXCHANGE_OUTBOUND'] as const)(
    'leaves the order alone when the request moves on to %s',
    (status) => {
      expect(orderEffectOfAfterSale(inProgress(), { type: 'RETURN_REFUND', status, lines: all })).toEqual({
        ok: true,
        facts: inProgress(),
      });
    },
  );

  it.each(['REJECTED', 'WITHDRAWN'] as const)(
    'returns the order to its normal flow when the request is %s',
    (status) => {
      expect(orderEffectOfAfterSale(inProgress(), { type: 'RETURN_REFUND', status, lines: all })).toEqual({
        ok: true,
        facts: order(),
      });
    },
  );

  it('restores the earlier partial refund status when a later request is rejected', () => {
    const lines = [
      { lineNo: 1, quantity: 2, shippedQuantity: 2, refundedQuantity: 1 },
      { lineNo: 2, quantity: 1, shippedQuantity: 1, refundedQuantity: 0 },
    ];
    const r = orderEffectOfAfterSale(inProgress({ lines }), { type: 'EXCHANGE', status: 'REJECTED', lines: all });
    expect(r.ok && r.facts.refundStatus).toBe('PARTIALLY_REFUNDED');
  });

  it('ends an exchange without touching the money', () => {
    const r = orderEffectOfAfterSale(inProgress({ openAfterSaleType: 'EXCHANGE' }), {
      type: 'EXCHANGE',
      status: 'SUCCEEDED',
      lines: all,
    });
    expect(r).toEqual({ ok: true, facts: order() });
  });

  it('closes the order as refunded when every line is refunded', () => {
    const r = orderEffectOfAfterSale(inProgress(), { type: 'RETURN_REFUND', status: 'SUCCEEDED', lines: all });
    expect(r.ok && r.facts).toMatchObject({
      status: 'CLOSED',
      paymentStatus: 'REFUNDED',
      refundStatus: 'REFUNDED',
      openAfterSaleType: null,
    });
    expect(r.ok && r.facts.lines.map((l) => l.refundedQuantity)).toEqual([2, 1]);
  });

  it('closes a completed order whose later return refunds everything', () => {
    const r = orderEffectOfAfterSale(inProgress({ status: 'COMPLETED' }), {
      type: 'RETURN_REFUND',
      status: 'SUCCEEDED',
      lines: all,
    });
    expect(r.ok && r.facts.status).toBe('CLOSED');
  });

  it('marks a partial refund and keeps the order where it was', () => {
    const r = orderEffectOfAfterSale(inProgress(), {
      type: 'RETURN_REFUND',
      status: 'SUCCEEDED',
      lines: [{ lineNo: 1, quantity: 1 }],
    });
    expect(r.ok && r.facts).toMatchObject({
      status: 'PENDING_RECEIPT',
      paymentStatus: 'PARTIALLY_REFUNDED',
      refundStatus: 'PARTIALLY_REFUNDED',
      openAfterSaleType: null,
    });
  });

  it('lets a refund before shipping shrink what the warehouse still has to ship', () => {
    const waiting = order({
      status: 'PENDING_SHIPMENT',
      openAfterSaleType: 'REFUND_ONLY',
      refundStatus: 'IN_PROGRESS',
      lines: [
        { lineNo: 1, quantity: 2, shippedQuantity: 0, refundedQuantity: 0 },
        { lineNo: 2, quantity: 1, shippedQuantity: 0, refundedQuantity: 0 },
      ],
    });
    const r = orderEffectOfAfterSale(waiting, {
      type: 'REFUND_ONLY',
      status: 'SUCCEEDED',
      lines: [{ lineNo: 2, quantity: 1 }],
    });
    expect(r.ok && r.facts).toMatchObject({
      status: 'PENDING_SHIPMENT',
      refundStatus: 'PARTIALLY_REFUNDED',
      openAfterSaleType: null,
    });
  });

  it('closes a locked order whose refund went out', () => {
    const r = orderEffectOfAfterSale(inProgress({ locked: true }), {
      type: 'RETURN_REFUND',
      status: 'SUCCEEDED',
      lines: all,
    });
    expect(r.ok && r.facts.status).toBe('CLOSED');
  });

  it('refunds an unredeemed service order in full and closes it', () => {
    const service = order({
      kind: 'SERVICE',
      status: 'PENDING_REDEMPTION',
      openAfterSaleType: 'REFUND_ONLY',
      refundStatus: 'IN_PROGRESS',
      lines: [{ lineNo: 1, quantity: 1, shippedQuantity: 0, refundedQuantity: 0 }],
    });
    const r = orderEffectOfAfterSale(service, {
      type: 'REFUND_ONLY',
      status: 'SUCCEEDED',
      lines: [{ lineNo: 1, quantity: 1 }],
    });
    expect(r.ok && r.facts.status).toBe('CLOSED');
  });

  it('refuses to refund more than was bought, or lines that do not exist', () => {
    expect(
      orderEffectOfAfterSale(inProgress(), {
        type: 'RETURN_REFUND',
        status: 'SUCCEEDED',
        lines: [{ lineNo: 2, quantity: 2 }],
      }),
    ).toEqual({
      ok: false,
      code: 'QUANTITY_EXCEEDS_REMAINING',
    });
    expect(
      orderEffectOfAfterSale(inProgress(), {
        type: 'RETURN_REFUND',
        status: 'SUCCEEDED',
        lines: [{ lineNo: 3, quantity: 1 }],
      }),
    ).toEqual({
      ok: false,
      code: 'UNKNOWN_LINE',
    });
    expect(orderEffectOfAfterSale(inProgress(), { type: 'RETURN_REFUND', status: 'SUCCEEDED', lines: [] })).toEqual({
      ok: false,
      code: 'NOTHING_ELIGIBLE',
    });
  });

  it('refuses to end or settle a request the order does not have open', () => {
    expect(orderEffectOfAfterSale(order(), { type: 'RETURN_REFUND', status: 'REJECTED', lines: all })).toEqual({
      ok: false,
      code: 'NO_OPEN_AFTER_SALE',
    });
    expect(orderEffectOfAfterSale(order(), { type: 'RETURN_REFUND', status: 'SUCCEEDED', lines: all })).toEqual({
      ok: false,
      code: 'NO_OPEN_AFTER_SALE',
    });
  });
});
