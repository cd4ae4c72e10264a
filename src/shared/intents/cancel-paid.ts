import type { IntentPayload } from '../contract/sync';
import { formatFen } from '../domain/money';
import { stepAfterSale } from './after-sale';
import { openAfterSale } from './open-after-sale';
import { accepted, type ApplyContext, type Applied } from './result';
import type { OrderState } from './state';
import { logged, refundRoute } from './timeline';

/**
 * A paid order nothing of which has shipped is called off and its money goes back by the original
 * route. It is the refund-only request the buyer could have made, opened, approved and paid at
 * once through the same machines, so every rule holds (nothing shipped, no other request open, a
 * lock holds the money), the freight comes back with the goods and the order ends 交易关闭 /
 * 全额退款. `why` opens the timeline entry: 取消订单并退款, 审单驳回…
 */
export function cancelWithRefund(state: OrderState, why: string, reason: string, ctx: ApplyContext): Applied {
  const opened = openAfterSale(state, { type: 'REFUND_ONLY', reason }, ctx);
  if (!opened.ok) return opened;
  const approved = stepAfterSale(opened.state, opened.request.id, { type: 'APPROVE' }, ctx);
  if (!approved.ok) return approved;
  const refunded = stepAfterSale(approved.state, opened.request.id, { type: 'REFUND' }, ctx);
  if (!refunded.ok) return refunded;
  const route = refundRoute(refunded.state.record.payment);
  const amount = formatFen(refunded.request.amount, { symbol: true });
  const detail = `${why}（${refunded.request.afterSaleNo}）：${reason}，退款 ${amount} ${route}`;
  const cancelled = logged(ctx, refunded.state, 'CANCEL_REFUND', detail);
  return accepted(logged(ctx, cancelled, 'CLOSE', '订单已取消，全额退款，交易关闭'));
}

/** CANCEL_PAID: customer service calls a paid order off (out of stock, the buyer phoned). */
export const applyCancelPaid = (state: OrderState, payload: IntentPayload<'CANCEL_PAID'>, ctx: ApplyContext): Applied =>
  cancelWithRefund(state, '取消订单并退款', payload.reason, ctx);
