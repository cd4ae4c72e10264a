import type { TimelineRecord } from '../contract/records';
import type { ApplyContext } from './result';
import type { OrderState } from './state';

/** The longest detail a timeline entry keeps (the record schema's limit). */
export const MAX_DETAIL = 1000;

/** Appends who did what, when and from where; every change to an order goes through here. */
export function logged(ctx: ApplyContext, state: OrderState, action: string, detail: string): OrderState {
  const entry: TimelineRecord = {
    at: ctx.now,
    actor: ctx.actor,
    device: ctx.device,
    action,
    detail: detail.slice(0, MAX_DETAIL),
  };
  return { ...state, record: { ...state.record, timeline: [...state.record.timeline, entry], updatedAt: ctx.now } };
}
