import { reviewReasons } from '../../shared/domain/review';
import { holdForReview } from '../../shared/intents/review';
import type { OrderState } from '../../shared/intents/state';
import type { WorkContext } from '../orders/context';
import { readReviewConfig } from './config';

export interface ReviewFacts {
  /** The platform marked the order when it came in (intake passes it on). */
  platformFlagged?: boolean;
}

/**
 * 审单 at the moment an order is paid: a paid physical order that matches any of the admin's rules
 * goes on review hold before the warehouse ever sees it. Only the service can judge it: the rules
 * are its settings and "first order" asks its whole history. Every way in (mall payment, dealer
 * intake, the intake API) calls this once, right after payment.
 */
export async function reviewIfRuled(ctx: WorkContext, state: OrderState, facts: ReviewFacts = {}): Promise<OrderState> {
  const { record } = state;
  if (record.kind !== 'PHYSICAL' || record.status !== 'PENDING_SHIPMENT' || record.review !== null) return state;
  const config = await readReviewConfig(ctx.tx);
  const firstOrder = config.firstOrder && !(await ctx.tx.orders.buyerPaidBefore(record.buyer.id, record.parentNo));
  const reasons = reviewReasons(
    {
      payable: record.amounts.payable,
      remark: record.remark,
      source: record.source,
      kind: record.kind,
      receiver: record.receiver,
      firstOrder,
      platformFlagged: facts.platformFlagged ?? false,
    },
    config,
  );
  return reasons.length === 0 ? state : holdForReview(state, reasons, ctx);
}
