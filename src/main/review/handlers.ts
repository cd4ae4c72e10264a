import type { ReviewDecision } from '../../shared/contract/review';
import type { Handlers } from '../ipc/dispatcher';
import { ApiFailure } from '../ipc/failure';
import { queueOrderIntent, refuseWhileUnsynced } from '../orders/act-locally';
import { reviewQueue } from './queue';

type ReviewHandlers = Pick<Handlers, 'review.queue' | 'review.approve' | 'review.reject'>;

/**
 * Each order of a batch is decided on its own, as its own intent: one already decided elsewhere
 * (NOT_UNDER_REVIEW) is named and the rest go on.
 */
function decideEach(orderNos: readonly string[], decide: (orderNo: string) => void): ReviewDecision {
  const result: ReviewDecision = { decided: [], refused: [] };
  for (const orderNo of new Set(orderNos)) {
    try {
      decide(orderNo);
      result.decided.push(orderNo);
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      result.refused.push({ orderNo, code: error.reason ?? error.code });
    }
  }
  return result;
}

/** 审单 on the desk: the queue from the local copy, decisions applied at once and queued for the service. */
export const reviewHandlers = (): ReviewHandlers => ({
  'review.queue': ({ db, session }, { limit }) => reviewQueue(db, session.scope, limit),
  'review.approve': (ctx, { orderNos, note }) =>
    decideEach(orderNos, (orderNo) =>
      queueOrderIntent(ctx, 'REVIEW_APPROVE', { orderNo, ...(note ? { note } : {}) }, orderNo),
    ),
  'review.reject': (ctx, { orderNos, reason, then }) =>
    decideEach(orderNos, (orderNo) => {
      // Cancelling pays money out: like a refund it waits for the service to confirm earlier changes.
      if (then === 'CANCEL_REFUND') refuseWhileUnsynced(ctx, orderNo);
      queueOrderIntent(ctx, 'REVIEW_REJECT', { orderNo, reason, then }, orderNo);
    }),
});
