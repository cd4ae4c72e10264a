import { describe, expect, it } from 'vitest';
import {
  applyCancelPaid,
  applyChangeReceiver,
  applyConfirmReceipt,
  applyExtendReceipt,
  applyLock,
  applyOpenAfterSale,
  applyShip,
  openedDetail,
} from '../../../src/shared/intents';
import { demoState, lastEntry, ok, untouchedToShip, desk } from './fixtures';

/** Customer service on their desk, an hour after the demo's "now". */
const cs = { ...desk, actor: 'service:service1', device: 'DEV-0007' };

const toShip = demoState(
  'paid physical order nobody touched, with freight',
  (o) => untouchedToShip(o) && o.amounts.freight > 0,
);
const orderNo = toShip.record.orderNo;
const shipped = ok(
  applyShip(
    toShip,
    {
      orderNo,
      parcels: [
        {
          carrier: 'SF',
          trackingNo: 'SF1234567890123',
          lines: toShip.record.lines.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity })),
        },
      ],
    },
    desk,
  ),
);
const newReceiver = {
  name: '李雷',
  phone: '13800138000',
  province: '浙江省',
  city: '杭州市',
  district: '西湖区',
  address: '文三路 90 号 5 楼',
  postcode: '310012',
};

describe('customer service cancels a paid order with its refund (out of stock)', () => {
  it('refunds everything paid, the freight too, and closes the order as 全额退款', () => {
    const cancelled = ok(applyCancelPaid(toShip, { orderNo, reason: '缺货' }, cs));
    const request = cancelled.record.afterSales.at(-1)!;
    expect(request).toMatchObject({ type: 'REFUND_ONLY', status: 'SUCCEEDED', amount: toShip.record.amounts.paid });
    expect(cancelled.record).toMatchObject({ status: 'CLOSED', paymentStatus: 'REFUNDED', refundStatus: 'REFUNDED' });
    expect(cancelled.record.timeline.slice(-2).map((e) => e.action)).toEqual(['CANCEL_REFUND', 'CLOSE']);
    expect(cancelled.record.timeline.at(-2)!.detail).toContain('缺货');
    expect(cancelled.record.timeline.at(-2)!.detail).not.toMatch(/[A-Z]{4,}_/);
  });

  it('is refused once anything has shipped, and while the order is locked', () => {
    expect(applyCancelPaid(shipped, { orderNo, reason: '缺货' }, cs)).toMatchObject({
      ok: false,
      code: 'WRONG_STATUS',
    });
    const locked = ok(applyLock(toShip, { orderNo, reason: '核实地址' }, cs));
    expect(applyCancelPaid(locked, { orderNo, reason: '缺货' }, cs)).toMatchObject({ ok: false, code: 'ORDER_LOCKED' });
  });
});

describe('customer service opens an after-sales request for a buyer who phoned in', () => {
  it('opens a return on a shipped order, priced by the shared money rule, and says who opened it', () => {
    const opened = ok(applyOpenAfterSale(shipped, { orderNo, type: 'RETURN_REFUND', reason: '尺码不合适' }, cs));
    const request = opened.record.afterSales.at(-1)!;
    const goods = toShip.record.lines.reduce((sum, l) => sum + l.payable, 0);
    expect(request).toMatchObject({ type: 'RETURN_REFUND', status: 'PENDING_REVIEW', amount: goods });
    expect(opened.record.refundStatus).toBe('IN_PROGRESS');
    expect(lastEntry(opened)).toMatchObject({ action: 'AFTER_SALE_APPLY', actor: 'service:service1' });
    expect(lastEntry(opened)!.detail).toContain('客服代买家申请退货退款');
  });

  it('names the return parcel’s carrier in words, as every timeline entry does', () => {
    const opened = ok(applyOpenAfterSale(shipped, { orderNo, type: 'RETURN_REFUND', reason: '尺码不合适' }, cs));
    const request = {
      ...opened.record.afterSales.at(-1)!,
      returnShipment: { carrier: 'YTO', trackingNo: 'YT4323881912798' },
    };
    expect(openedDetail(request)).toContain('退回快递 圆通速递 YT4323881912798');
  });

  it('is refused for a refund-only once goods shipped, and while another request is open', () => {
    expect(applyOpenAfterSale(shipped, { orderNo, type: 'REFUND_ONLY', reason: '不想要了' }, cs)).toMatchObject({
      ok: false,
      code: 'WRONG_STATUS',
    });
    const opened = ok(applyOpenAfterSale(toShip, { orderNo, type: 'REFUND_ONLY', reason: '不想要了' }, cs));
    expect(applyOpenAfterSale(opened, { orderNo, type: 'REFUND_ONLY', reason: '再来一次' }, cs)).toMatchObject({
      ok: false,
      code: 'AFTER_SALE_OPEN',
    });
  });
});

describe('customer service changes the receiver before shipping', () => {
  it('changes it and keeps the old one in the timeline', () => {
    const changed = ok(applyChangeReceiver(toShip, { orderNo, receiver: newReceiver, reason: '买家来电' }, cs));
    expect(changed.record.receiver).toEqual(newReceiver);
    const entry = lastEntry(changed)!;
    expect(entry.action).toBe('CHANGE_RECEIVER');
    expect(entry.detail).toContain(`原 ${toShip.record.receiver!.name} ${toShip.record.receiver!.phone}`);
    expect(entry.detail).toContain('新 李雷 13800138000 浙江省杭州市西湖区文三路 90 号 5 楼');
  });

  it('refuses once the goods have left, and refuses an incomplete receiver field by field', () => {
    expect(applyChangeReceiver(shipped, { orderNo, receiver: newReceiver, reason: '买家来电' }, cs)).toMatchObject({
      ok: false,
      code: 'WRONG_STATUS',
    });
    const bad = applyChangeReceiver(
      toShip,
      { orderNo, receiver: { ...newReceiver, phone: '123', address: ' ' }, reason: 'x' },
      cs,
    );
    expect(bad).toMatchObject({
      ok: false,
      code: 'RECEIVER_INVALID',
      fieldErrors: { 'receiver.phone': 'PHONE_FORMAT', 'receiver.address': 'REQUIRED' },
    });
  });
});

describe('customer service confirms or extends receipt on the buyer’s behalf', () => {
  it('confirms a shipped order: it completes now and says on whose word', () => {
    const confirmed = ok(applyConfirmReceipt(shipped, { orderNo, reason: '买家来电确认已收到' }, cs));
    expect(confirmed.record).toMatchObject({ status: 'COMPLETED', completedAt: cs.now });
    expect(lastEntry(confirmed)).toMatchObject({
      action: 'CONFIRM_RECEIPT',
      detail: '代买家确认收货：买家来电确认已收到',
    });
  });

  it('extends once, and refuses a second extension and an unshipped order', () => {
    const extended = ok(applyExtendReceipt(shipped, { orderNo, reason: '买家出差' }, cs));
    expect(extended.receiptExtended).toBe(true);
    expect(applyExtendReceipt(extended, { orderNo, reason: '再延' }, cs)).toMatchObject({
      ok: false,
      code: 'RECEIPT_ALREADY_EXTENDED',
    });
    expect(applyConfirmReceipt(toShip, { orderNo, reason: 'x' }, cs)).toMatchObject({
      ok: false,
      code: 'WRONG_STATUS',
    });
  });
});
