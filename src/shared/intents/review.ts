import type { ReviewRecord } from '../contract/records';
import type { IntentPayload } from '../contract/sync';
import type { ExceptionReason } from '../domain/exception-reasons';
import type { ReviewReason } from '../domain/review';
import { cancelWithRefund } from './cancel-paid';
import { accepted, refusal, type ApplyContext, type Applied } from './result';
import type { OrderState } from './state';
import { logged } from './timeline';

/** The rules' reasons as the timeline says them (timelines are written for people, in Chinese). */
export const REVIEW_REASON_NAMES: Readonly<Record<ReviewReason, string>> = {
  AMOUNT_AT_LEAST: '金额达到审核线',
  BUYER_REMARK: '买家有留言',
  ADDRESS_INCOMPLETE: '收货地址不完整',
  ADDRESS_RISK_WORDS: '地址含风险词',
  FIRST_ORDER: '买家首单',
  DEALER_ORDER: '经销商订单',
  PLATFORM_FLAGGED: '平台标记的订单',
};

/** A paid order the admin's rules matched waits in 待审核: the warehouse may not ship it yet. */
export function holdForReview(state: OrderState, reasons: readonly ReviewReason[], ctx: ApplyContext): OrderState {
  const review: ReviewRecord = {
    status: 'PENDING',
    reasons: [...reasons],
    heldAt: ctx.now,
    decidedAt: null,
    decidedBy: null,
    note: null,
  };
  const held = { ...state, record: { ...state.record, review } };
  return logged(ctx, held, 'REVIEW_HOLD', `转入待审核：${reasons.map((r) => REVIEW_REASON_NAMES[r]).join('、')}`);
}

type Decided = { ok: true; state: OrderState } | ReturnType<typeof refusal>;

function decide(state: OrderState, status: 'APPROVED' | 'REJECTED', note: string | null, ctx: ApplyContext): Decided {
  const { review } = state.record;
  if (review?.status !== 'PENDING') {
    return refusal('NOT_UNDER_REVIEW', `Order ${state.record.orderNo} is not waiting for review`);
  }
  const decided: ReviewRecord = { ...review, status, decidedAt: ctx.now, decidedBy: ctx.actor, note };
  return { ok: true, state: { ...state, record: { ...state.record, review: decided } } };
}

/** Approved (by a supervisor, or by the timer): the order goes to the warehouse's 待发货. */
export function approveReview(state: OrderState, note: string | null, detail: string, ctx: ApplyContext): Applied {
  const approved = decide(state, 'APPROVED', note, ctx);
  return approved.ok ? accepted(logged(ctx, approved.state, 'REVIEW_APPROVE', detail)) : approved;
}

/** REVIEW_APPROVE: a supervisor lets the order go, with an optional note. */
export const applyReviewApprove = (
  state: OrderState,
  payload: IntentPayload<'REVIEW_APPROVE'>,
  ctx: ApplyContext,
): Applied => approveReview(state, payload.note ?? null, payload.note ? `审核通过：${payload.note}` : '审核通过', ctx);

/**
 * REVIEW_REJECT: the reason is required; the order is either cancelled with a full refund (a
 * suspected fraud, an address nobody can deliver to) or sent on to the exception queue for a
 * person to put right (the hold ends, the exception then holds it).
 */
export function applyReviewReject(
  state: OrderState,
  payload: IntentPayload<'REVIEW_REJECT'>,
  ctx: ApplyContext,
): Applied {
  const rejected = decide(state, 'REJECTED', payload.reason, ctx);
  if (!rejected.ok) return rejected;
  const logged_ = logged(ctx, rejected.state, 'REVIEW_REJECT', `审核驳回：${payload.reason}`);
  if (payload.then === 'CANCEL_REFUND')
    return cancelWithRefund(logged_, '审核驳回，取消订单并退款', payload.reason, ctx);
  const detail = `审核驳回：${payload.reason}`.slice(0, 300);
  const reason: ExceptionReason = { code: 'REVIEW_REJECTED', detail, lineNo: null };
  const open = logged_.record.exception;
  const exception = open
    ? { ...open, reasons: [...open.reasons, reason].slice(-50) }
    : { reasons: [reason], openedAt: ctx.now };
  return accepted(
    logged(ctx, { ...logged_, record: { ...logged_.record, exception } }, 'EXCEPTION', `转入异常队列：${detail}`),
  );
}
