import type { IntentPayload } from '../contract/sync';
import { actOn } from './act';
import { accepted, type ApplyContext, type Applied } from './result';
import type { OrderState } from './state';
import { logged } from './timeline';

/** Staff, the buyer and the unpaid timer cancel the same way; only the timeline's words differ. */
export function cancelRecord(state: OrderState, detail: string, ctx: ApplyContext): Applied {
  const cancelled = actOn(state, { type: 'CANCEL' });
  return cancelled.ok ? accepted(logged(ctx, cancelled.state, 'CANCEL', detail)) : cancelled;
}

/** CANCEL: an unpaid order is called off (its stock coming back is the service's business). */
export const applyCancel = (state: OrderState, payload: IntentPayload<'CANCEL'>, ctx: ApplyContext): Applied =>
  cancelRecord(state, `取消订单：${payload.reason}`, ctx);
