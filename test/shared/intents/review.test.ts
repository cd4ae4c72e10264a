import { describe, expect, it } from 'vitest';
import {
  applyReviewApprove,
  applyReviewReject,
  applyShip,
  holdForReview,
  orderStateOf,
} from '../../../src/shared/intents';
import { demoOrder, desk, lastEntry, ok, untouchedToShip } from './fixtures';

/** A supervisor on their desk, an hour after the demo's "now". */
const supervisor = { ...desk, actor: 'service:service1', device: 'DEV-0007' };
const paid = demoOrder('paid physical order nobody touched', untouchedToShip);
const orderNo = paid.orderNo;
const held = holdForReview(orderStateOf(paid), ['AMOUNT_AT_LEAST', 'BUYER_REMARK'], { ...desk, actor: 'system' });
const shipEverything = {
  orderNo,
  parcels: [
    {
      carrier: 'SF',
      trackingNo: 'SF1234567890123',
      lines: paid.lines.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity })),
    },
  ],
};

describe('审单: an order the admin’s rules held waits for a supervisor', () => {
  it('is held with its reasons in words, and may not ship while it waits', () => {
    expect(held.record.review).toMatchObject({ status: 'PENDING', reasons: ['AMOUNT_AT_LEAST', 'BUYER_REMARK'] });
    expect(lastEntry(held)).toMatchObject({ action: 'REVIEW_HOLD', detail: '转入待审核：金额达到审核线、买家有留言' });
    expect(applyShip(held, shipEverything, desk)).toMatchObject({ ok: false, code: 'REVIEW_PENDING' });
  });
});

describe('REVIEW_APPROVE', () => {
  it('lets the order go to the warehouse, saying who approved it and why', () => {
    const approved = ok(applyReviewApprove(held, { orderNo, note: '已电话核实' }, supervisor));
    expect(approved.record.review).toMatchObject({
      status: 'APPROVED',
      decidedBy: 'service:service1',
      decidedAt: supervisor.now,
      note: '已电话核实',
    });
    expect(lastEntry(approved)).toMatchObject({ action: 'REVIEW_APPROVE', detail: '审核通过：已电话核实' });
    expect(applyShip(approved, shipEverything, desk).ok).toBe(true);
  });

  it('is refused with NOT_UNDER_REVIEW for an order that is not waiting, or was decided already', () => {
    expect(applyReviewApprove(orderStateOf(paid), { orderNo }, supervisor)).toMatchObject({
      ok: false,
      code: 'NOT_UNDER_REVIEW',
    });
    const approved = ok(applyReviewApprove(held, { orderNo }, supervisor));
    expect(applyReviewApprove(approved, { orderNo }, supervisor)).toMatchObject({
      ok: false,
      code: 'NOT_UNDER_REVIEW',
    });
  });
});

describe('REVIEW_REJECT', () => {
  it('cancels with a full refund, the freight too, and closes the order', () => {
    const rejected = ok(applyReviewReject(held, { orderNo, reason: '疑似刷单', then: 'CANCEL_REFUND' }, supervisor));
    expect(rejected.record).toMatchObject({
      status: 'CLOSED',
      paymentStatus: 'REFUNDED',
      review: { status: 'REJECTED', note: '疑似刷单' },
    });
    expect(rejected.record.afterSales.at(-1)).toMatchObject({ status: 'SUCCEEDED', amount: paid.amounts.paid });
    expect(rejected.record.timeline.map((e) => e.action)).toContain('REVIEW_REJECT');
  });

  it('or sends it to the exception queue with the reason, where it still may not ship', () => {
    const rejected = ok(applyReviewReject(held, { orderNo, reason: '地址无法送达', then: 'EXCEPTION' }, supervisor));
    expect(rejected.record.review).toMatchObject({ status: 'REJECTED' });
    expect(rejected.record.exception).toEqual({
      reasons: [{ code: 'REVIEW_REJECTED', detail: '审核驳回：地址无法送达', lineNo: null }],
      openedAt: supervisor.now,
    });
    expect(lastEntry(rejected)).toMatchObject({ action: 'EXCEPTION', detail: '转入异常队列：审核驳回：地址无法送达' });
    expect(applyShip(rejected, shipEverything, desk)).toMatchObject({ ok: false, code: 'EXCEPTION_OPEN' });
  });

  it('is refused with NOT_UNDER_REVIEW for an order that is not waiting', () => {
    expect(
      applyReviewReject(orderStateOf(paid), { orderNo, reason: '疑似刷单', then: 'CANCEL_REFUND' }, supervisor),
    ).toMatchObject({ ok: false, code: 'NOT_UNDER_REVIEW' });
  });
});
