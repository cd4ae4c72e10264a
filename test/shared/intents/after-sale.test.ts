import { describe, expect, it } from 'vitest';
import type { AfterSaleRecord, OrderRecord } from '../../../src/shared/contract/records';
import {
  applyAfterSaleApprove,
  applyAfterSaleReceiveReturn,
  applyAfterSaleRefund,
  applyAfterSaleReject,
  applyAfterSaleShipExchange,
  applyLock,
  applyShip,
  CHANNEL_NAMES,
  openAfterSale,
  orderStateOf,
  type OrderState,
} from '../../../src/shared/intents';
import { formatFen } from '../../../src/shared/domain/money';
import { demoOrder, demoState, desk, lastEntry, later, ok } from './fixtures';

const reviewer = { ...desk, actor: 'cs:li.na', device: 'DEV-0007' };
const openRequest = (order: OrderRecord, type: AfterSaleRecord['type']) =>
  order.afterSales.find((a) => a.type === type && a.status === 'PENDING_REVIEW');
const requestOf = (state: OrderState, id: string) => state.record.afterSales.find((a) => a.id === id)!;
const coversEverything = (order: OrderRecord, request: AfterSaleRecord) =>
  order.lines.every((l) => request.lines.some((r) => r.lineNo === l.lineNo && r.quantity === l.quantity));

/** A buyer who wants their money back for everything they bought, without sending anything back. */
const refundBeforeShipping = demoState('refund-only request for a whole order', (o) => {
  const request = openRequest(o, 'REFUND_ONLY');
  return !o.locked && !!request && coversEverything(o, request);
});
const refundRequest = openRequest(refundBeforeShipping.record, 'REFUND_ONLY')!;
const refundIds = { orderNo: refundBeforeShipping.record.orderNo, afterSaleId: refundRequest.id };

/** A buyer who asked for a refund before the goods left: the request holds the shipment. */
const heldForRefund = demoState(
  'refund-only request on an unshipped order',
  (o) => o.status === 'PENDING_SHIPMENT' && !o.locked && !!openRequest(o, 'REFUND_ONLY'),
);
const heldRequest = openRequest(heldForRefund.record, 'REFUND_ONLY')!;
const heldIds = { orderNo: heldForRefund.record.orderNo, afterSaleId: heldRequest.id };

describe('a refund-only request', () => {
  it('is approved, then refunded by the way the buyer paid, which closes the order', () => {
    const approved = ok(applyAfterSaleApprove(refundBeforeShipping, refundIds, reviewer));
    expect(requestOf(approved, refundRequest.id)).toMatchObject({ status: 'PENDING_REFUND', updatedAt: reviewer.now });
    expect(approved.record.refundStatus).toBe('IN_PROGRESS');
    expect(lastEntry(approved)).toMatchObject({
      action: 'AFTER_SALE_APPROVE',
      detail: `${refundRequest.afterSaleNo} 审核通过`,
    });

    const finance = { ...later(reviewer, 600_000), actor: 'finance:chen.yu' };
    const refunded = ok(applyAfterSaleRefund(approved, refundIds, finance));
    const { channel, serialNo } = refundBeforeShipping.record.payment;
    expect(requestOf(refunded, refundRequest.id).status).toBe('SUCCEEDED');
    expect(refunded.record).toMatchObject({ status: 'CLOSED', paymentStatus: 'REFUNDED', refundStatus: 'REFUNDED' });
    expect(refunded.record.lines.every((l) => l.refundedQuantity === l.quantity)).toBe(true);
    expect(refunded.record.timeline.slice(-2)).toEqual([
      {
        at: finance.now,
        actor: 'finance:chen.yu',
        device: finance.device,
        action: 'REFUND',
        detail: `${refundRequest.afterSaleNo} 退款 ${formatFen(refundRequest.amount, { symbol: true })} 原路退回（${CHANNEL_NAMES[channel!]}${serialNo ? `，原支付流水号 ${serialNo}` : ''}）`,
      },
      {
        at: finance.now,
        actor: 'finance:chen.yu',
        device: finance.device,
        action: 'CLOSE',
        detail: '已全额退款，交易关闭',
      },
    ]);
  });

  it('holds the shipment until it is rejected with a reason; then the order ships', () => {
    const all = heldForRefund.record.lines.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity }));
    const ship = { orderNo: heldIds.orderNo, parcels: [{ carrier: 'SF', trackingNo: 'SF1234567890123', lines: all }] };
    expect(applyShip(heldForRefund, ship, desk)).toMatchObject({ ok: false, code: 'SHIPPING_INTERCEPTED' });

    const rejected = ok(applyAfterSaleReject(heldForRefund, { ...heldIds, reason: '商品已打包出库' }, reviewer));
    expect(requestOf(rejected, heldRequest.id)).toMatchObject({ status: 'REJECTED', rejectReason: '商品已打包出库' });
    expect(rejected.record.refundStatus).toBe('NONE');
    expect(lastEntry(rejected)?.detail).toBe(`${heldRequest.afterSaleNo} 审核拒绝：商品已打包出库`);
    expect(applyShip(rejected, ship, desk).ok).toBe(true);
  });

  it('is not refunded while the order is locked, though it may still be approved', () => {
    const locked = ok(applyLock(refundBeforeShipping, { orderNo: refundIds.orderNo, reason: '核实退款账户' }, desk));
    const approved = ok(applyAfterSaleApprove(locked, refundIds, reviewer));
    expect(applyAfterSaleRefund(approved, refundIds, reviewer)).toMatchObject({ ok: false, code: 'ORDER_LOCKED' });
  });

  it('replaying the same approval on the approved record refuses the second (no double effect)', () => {
    const approved = ok(applyAfterSaleApprove(refundBeforeShipping, refundIds, reviewer));
    expect(applyAfterSaleApprove(approved, refundIds, reviewer)).toEqual({
      ok: false,
      code: 'WRONG_STATUS',
      message: `After-sale ${refundRequest.afterSaleNo} (PENDING_REFUND) refuses APPROVE`,
    });
    const refunded = ok(applyAfterSaleRefund(approved, refundIds, reviewer));
    expect(applyAfterSaleRefund(refunded, refundIds, reviewer)).toMatchObject({ ok: false, code: 'WRONG_STATUS' });
  });

  it('refuses a request the order does not have', () => {
    expect(applyAfterSaleApprove(refundBeforeShipping, { ...refundIds, afterSaleId: 'AS-NOPE' }, reviewer)).toEqual({
      ok: false,
      code: 'AFTER_SALE_NOT_FOUND',
      message: `No after-sale AS-NOPE on order ${refundIds.orderNo}`,
    });
  });
});

describe('a return for a refund after delivery', () => {
  const order = demoState(
    'return-and-refund request on a shipped order',
    (o) => o.status === 'PENDING_RECEIPT' && !o.locked && !!openRequest(o, 'RETURN_REFUND'),
  );
  const request = openRequest(order.record, 'RETURN_REFUND')!;
  const ids = { orderNo: order.record.orderNo, afterSaleId: request.id };

  it('waits for the goods, takes them in, then refunds them', () => {
    const approved = ok(applyAfterSaleApprove(order, ids, reviewer));
    expect(requestOf(approved, request.id).status).toBe('AWAITING_RETURN');
    expect(applyAfterSaleRefund(approved, ids, reviewer)).toMatchObject({ ok: false, code: 'WRONG_STATUS' });

    const received = ok(applyAfterSaleReceiveReturn(approved, ids, desk));
    expect(requestOf(received, request.id).status).toBe('PENDING_REFUND');
    expect(lastEntry(received)).toMatchObject({
      action: 'RETURN_RECEIVED',
      detail: `${request.afterSaleNo} 退回商品已入库`,
      actor: desk.actor,
    });

    const refunded = ok(applyAfterSaleRefund(received, ids, reviewer));
    expect(requestOf(refunded, request.id).status).toBe('SUCCEEDED');
    const refundedUnits = refunded.record.lines.reduce((n, l) => n + l.refundedQuantity, 0);
    expect(refundedUnits).toBe(request.lines.reduce((n, l) => n + l.quantity, 0));
    expect(refunded.record.refundStatus).not.toBe('IN_PROGRESS');
  });
});

describe('an exchange', () => {
  const asked = demoState(
    'exchange request on a delivered order',
    (o) => !o.locked && o.waybills.length > 0 && !!openRequest(o, 'EXCHANGE'),
  );
  const request = openRequest(asked.record, 'EXCHANGE')!;
  const ids = { orderNo: asked.record.orderNo, afterSaleId: request.id };

  it('sends the replacement with a new waybill once the old goods are back', () => {
    const back = ok(applyAfterSaleReceiveReturn(ok(applyAfterSaleApprove(asked, ids, reviewer)), ids, desk));
    expect(requestOf(back, request.id).status).toBe('EXCHANGE_OUTBOUND');

    const sent = ok(
      applyAfterSaleShipExchange(back, { ...ids, carrier: 'JT', trackingNo: 'jt 0001234567890' }, later(desk, 60_000)),
    );
    expect(requestOf(sent, request.id).status).toBe('SUCCEEDED');
    expect(sent.record.refundStatus).toBe('NONE');
    expect(sent.record.status).toBe(asked.record.status);
    expect(sent.record.waybills.at(-1)).toEqual({
      id: `${ids.orderNo}-W${asked.record.waybills.length + 1}`,
      carrier: 'JT',
      trackingNo: 'JT0001234567890',
      shippedAt: desk.now + 60_000,
      status: 'IN_TRANSIT',
      signedAt: null,
      courier: '',
      lines: request.lines,
      events: [],
    });
    expect(lastEntry(sent)).toMatchObject({
      action: 'EXCHANGE_SHIP',
      detail: `${request.afterSaleNo} 换货商品已发出：极兔速递 JT0001234567890`,
    });
  });

  it('refuses a replacement whose tracking number is not the carrier’s', () => {
    const back = ok(applyAfterSaleReceiveReturn(ok(applyAfterSaleApprove(asked, ids, reviewer)), ids, desk));
    expect(
      applyAfterSaleShipExchange(back, { ...ids, carrier: 'JT', trackingNo: 'SF1234567890123' }, desk),
    ).toMatchObject({ ok: false, code: 'TRACKING_FORMAT' });
  });
});

describe('the request number', () => {
  // Each source counts its own seq, so the mall and an external platform both have a 0000-000001.
  const delivered = demoOrder(
    'shipped order with no request yet',
    (o) => o.kind === 'PHYSICAL' && o.status === 'PENDING_RECEIPT' && !o.locked && o.afterSales.length === 0,
  );
  const asking = (orderNo: string) => {
    const opened = openAfterSale(
      orderStateOf({ ...delivered, orderNo }),
      { type: 'RETURN_REFUND', reason: '尺码不合适' },
      desk,
    );
    if (!opened.ok) throw new Error(`refused ${opened.code}`);
    return opened.request.afterSaleNo;
  };

  it('differs for a mall order and an external order that share every digit, so a return scan finds one', () => {
    const mall = asking('M261203000000000101');
    const external = asking('E261203000000000101');
    expect(mall).toBe('ASM26120300000000010101');
    expect(external).toBe('ASE26120300000000010101');
  });
});
