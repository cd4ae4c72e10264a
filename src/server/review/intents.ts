import { applyReviewApprove, applyReviewReject } from '../../shared/intents/review';
import { recordRefund } from '../aftersales/intents';
import { applied } from '../orders/act';
import { requireOrder, saveOrder } from '../orders/persist';
import type { IntentHandler } from '../sync/handler';

/** A supervisor approves a held order: it enters the warehouse's scope and its 待发货 queue. */
export const REVIEW_APPROVE: IntentHandler<'REVIEW_APPROVE'> = {
  right: 'orders.review',
  orderNoOf: (p) => p.orderNo,
  async run(ctx, p) {
    const { row, state } = await requireOrder(ctx.tx, p.orderNo, ctx.caller.scope);
    return saveOrder(ctx, applied(applyReviewApprove(state, p, ctx)), row);
  },
};

/** Rejected: cancelled with a full refund (recorded like any refund), or sent to the exception queue. */
export const REVIEW_REJECT: IntentHandler<'REVIEW_REJECT'> = {
  right: 'orders.review',
  orderNoOf: (p) => p.orderNo,
  async run(ctx, p) {
    const order = await requireOrder(ctx.tx, p.orderNo, ctx.caller.scope);
    const next = applied(applyReviewReject(order.state, p, ctx));
    const refund = next.record.afterSales.at(-1);
    if (p.then === 'CANCEL_REFUND' && refund) await recordRefund(ctx, order, next, refund);
    return saveOrder(ctx, next, order.row);
  },
};
