import { describe, it, expect } from 'vitest';
import { canRequestAfterSale } from '../../../src/shared/domain/after-sale-machine';
import type { OrderFacts } from '../../../src/shared/domain/order-machine';
import {
  AFTER_SALE_TYPES,
  ORDER_KINDS,
  ORDER_STATUSES,
  type AfterSaleType,
  type OrderKind,
  type OrderStatus,
} from '../../../src/shared/domain/vocabulary';

const DAY = 86_400_000;
const completedAt = Date.UTC(2024, 2, 1);
const inWindow = { now: completedAt + DAY, completedAt };

const order = (over: Partial<OrderFacts> = {}): OrderFacts => ({
  kind: 'PHYSICAL',
  status: 'PENDING_SHIPMENT',
  paymentStatus: 'PAID',
  refundStatus: 'NONE',
  locked: false,
  receiptExtended: false,
  openAfterSaleType: null,
  lines: [{ lineNo: 1, quantity: 2, shippedQuantity: 0, refundedQuantity: 0 }],
  ...over,
});

/** Lines as they stand in each status: shipped once the order has left 待发货. */
const linesFor = (status: OrderStatus) =>
  ['PENDING_RECEIPT', 'COMPLETED'].includes(status)
    ? [{ lineNo: 1, quantity: 2, shippedQuantity: 2, refundedQuantity: 0 }]
    : [{ lineNo: 1, quantity: 2, shippedQuantity: 0, refundedQuantity: 0 }];

const ALLOWED: Record<OrderKind, Partial<Record<AfterSaleType, OrderStatus[]>>> = {
  PHYSICAL: {
    REFUND_ONLY: ['PENDING_SHIPMENT'],
    RETURN_REFUND: ['PENDING_RECEIPT', 'COMPLETED'],
    EXCHANGE: ['PENDING_RECEIPT', 'COMPLETED'],
  },
  VIRTUAL: {},
  SERVICE: { REFUND_ONLY: ['PENDING_REDEMPTION'] },
};

const combos = ORDER_KINDS.flatMap((kind) =>
  ORDER_STATUSES.flatMap((status) => AFTER_SALE_TYPES.map((type) => [kind, status, type] as const)),
);

describe('canRequestAfterSale, every (kind, status, type)', () => {
  it.each(combos)('%s order in %s: %s', (kind, status, type) => {
    const statuses = ALLOWED[kind][type];
    const decision = canRequestAfterSale(order({ kind, status, lines: linesFor(status) }), type, inWindow);
    if (!statuses) expect(decision).toEqual({ ok: false, code: 'WRONG_KIND' });
    else if (!statuses.includes(status)) expect(decision).toEqual({ ok: false, code: 'WRONG_STATUS' });
    else expect(decision).toEqual({ ok: true });
  });
});

describe('canRequestAfterSale: the rules around the table', () => {
  it('refuses refund only once part of the order has shipped', () => {
    const partly = order({ lines: [{ lineNo: 1, quantity: 2, shippedQuantity: 1, refundedQuantity: 0 }] });
    expect(canRequestAfterSale(partly, 'REFUND_ONLY', inWindow)).toEqual({ ok: false, code: 'ALREADY_SHIPPED' });
  });

  it('refuses a second request while one is open', () => {
    const open = order({ openAfterSaleType: 'REFUND_ONLY', refundStatus: 'IN_PROGRESS' });
    expect(canRequestAfterSale(open, 'REFUND_ONLY', inWindow)).toEqual({ ok: false, code: 'AFTER_SALE_OPEN' });
  });

  it('allows a new request after an earlier one ended', () => {
    const shipped = order({
      status: 'COMPLETED',
      refundStatus: 'PARTIALLY_REFUNDED',
      lines: [{ lineNo: 1, quantity: 2, shippedQuantity: 2, refundedQuantity: 1 }],
    });
    expect(canRequestAfterSale(shipped, 'RETURN_REFUND', inWindow)).toEqual({ ok: true });
  });

  it('closes the after-sales window 10 days after completion', () => {
    const done = order({ status: 'COMPLETED', lines: linesFor('COMPLETED') });
    expect(canRequestAfterSale(done, 'EXCHANGE', { now: completedAt + 10 * DAY - 1, completedAt })).toEqual({
      ok: true,
    });
    expect(canRequestAfterSale(done, 'EXCHANGE', { now: completedAt + 10 * DAY, completedAt })).toEqual({
      ok: false,
      code: 'AFTER_SALE_WINDOW_CLOSED',
    });
  });

  it('follows a configured window, and treats an unknown completion time as closed', () => {
    const done = order({ status: 'COMPLETED', lines: linesFor('COMPLETED') });
    expect(
      canRequestAfterSale(done, 'RETURN_REFUND', { now: completedAt + 12 * DAY, completedAt, windowMs: 15 * DAY }).ok,
    ).toBe(true);
    expect(canRequestAfterSale(done, 'RETURN_REFUND', { now: completedAt, completedAt: null })).toEqual({
      ok: false,
      code: 'AFTER_SALE_WINDOW_CLOSED',
    });
  });

  it('has no window while the goods are still on their way', () => {
    const onTheWay = order({ status: 'PENDING_RECEIPT', lines: linesFor('PENDING_RECEIPT') });
    expect(canRequestAfterSale(onTheWay, 'RETURN_REFUND', { now: completedAt + 99 * DAY, completedAt: null })).toEqual({
      ok: true,
    });
  });

  it('refuses when everything was already refunded', () => {
    const refunded = order({
      status: 'COMPLETED',
      lines: [{ lineNo: 1, quantity: 2, shippedQuantity: 2, refundedQuantity: 2 }],
    });
    expect(canRequestAfterSale(refunded, 'EXCHANGE', inWindow)).toEqual({ ok: false, code: 'NOTHING_ELIGIBLE' });
  });

  it('checks the lines asked about', () => {
    const shipped = order({
      status: 'PENDING_RECEIPT',
      lines: [{ lineNo: 1, quantity: 2, shippedQuantity: 2, refundedQuantity: 1 }],
    });
    const ask = (lines: { lineNo: number; quantity: number }[]) =>
      canRequestAfterSale(shipped, 'RETURN_REFUND', { ...inWindow, lines });
    expect(ask([{ lineNo: 1, quantity: 1 }])).toEqual({ ok: true });
    expect(ask([{ lineNo: 1, quantity: 2 }])).toEqual({ ok: false, code: 'QUANTITY_EXCEEDS_REMAINING' });
    expect(ask([{ lineNo: 7, quantity: 1 }])).toEqual({ ok: false, code: 'UNKNOWN_LINE' });
    expect(ask([{ lineNo: 1, quantity: 0 }])).toEqual({ ok: false, code: 'QUANTITY_INVALID' });
    expect(ask([])).toEqual({ ok: false, code: 'NOTHING_ELIGIBLE' });
  });

  it('lets a buyer ask even when staff locked the order', () => {
    expect(canRequestAfterSale(order({ locked: true }), 'REFUND_ONLY', inWindow)).toEqual({ ok: true });
  });

  it('refuses any after-sale on virtual goods', () => {
    for (const type of AFTER_SALE_TYPES) {
      expect(canRequestAfterSale(order({ kind: 'VIRTUAL', status: 'PENDING_RECEIPT' }), type, inWindow)).toEqual({
        ok: false,
        code: 'WRONG_KIND',
      });
    }
  });

  it('refunds an unredeemed service order but not a redeemed one', () => {
    const service = order({ kind: 'SERVICE', status: 'PENDING_REDEMPTION' });
    expect(canRequestAfterSale(service, 'REFUND_ONLY', inWindow)).toEqual({ ok: true });
    expect(canRequestAfterSale({ ...service, status: 'COMPLETED' }, 'REFUND_ONLY', inWindow)).toEqual({
      ok: false,
      code: 'WRONG_STATUS',
    });
    expect(canRequestAfterSale(service, 'RETURN_REFUND', inWindow)).toEqual({ ok: false, code: 'WRONG_KIND' });
  });
});
