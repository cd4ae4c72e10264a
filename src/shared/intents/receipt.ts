import type { IntentPayload } from '../contract/sync';
import { actOn } from './act';
import { accepted, type ApplyContext, type Applied } from './result';
import type { OrderState } from './state';
import { logged } from './timeline';

/**
 * Receipt is confirmed by the buyer, by the auto-confirm timer, or by customer service on the
 * buyer's word (a phone call): the same machine step, only the timeline's words differ. The order
 * completes and the after-sales window starts from now.
 */
export function confirmReceiptRecord(state: OrderState, detail: string, ctx: ApplyContext): Applied {
  const confirmed = actOn(state, { type: 'CONFIRM_RECEIPT' });
  if (!confirmed.ok) return confirmed;
  const next = { ...confirmed.state, record: { ...confirmed.state.record, completedAt: ctx.now } };
  return accepted(logged(ctx, next, 'CONFIRM_RECEIPT', detail));
}

/** Receipt is extended once (+3 days physical, +1 day virtual: the shared timer table). */
export function extendReceiptRecord(state: OrderState, detail: string, ctx: ApplyContext): Applied {
  const extended = actOn(state, { type: 'EXTEND_RECEIPT' });
  return extended.ok ? accepted(logged(ctx, extended.state, 'EXTEND_RECEIPT', detail)) : extended;
}

/** CONFIRM_RECEIPT: staff confirm on the buyer's behalf, saying why. */
export const applyConfirmReceipt = (
  state: OrderState,
  payload: IntentPayload<'CONFIRM_RECEIPT'>,
  ctx: ApplyContext,
): Applied => confirmReceiptRecord(state, `代买家确认收货：${payload.reason}`, ctx);

/** EXTEND_RECEIPT: staff extend once on the buyer's behalf, saying why. */
export const applyExtendReceipt = (
  state: OrderState,
  payload: IntentPayload<'EXTEND_RECEIPT'>,
  ctx: ApplyContext,
): Applied => extendReceiptRecord(state, `代买家延长收货：${payload.reason}`, ctx);
