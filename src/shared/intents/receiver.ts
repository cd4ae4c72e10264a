import type { ReceiverRecord } from '../contract/records';
import type { IntentPayload } from '../contract/sync';
import { actOn } from './act';
import { receiverErrors } from './dealer-checks';
import { trimmedReceiver } from './dealer-order';
import { accepted, refusal, type ApplyContext, type Applied } from './result';
import type { OrderState } from './state';
import { logged } from './timeline';

/** A receiver as one line of the timeline: who, how to reach them, where. */
export const receiverLine = (r: ReceiverRecord | null): string =>
  r
    ? `${r.name} ${r.phone} ${r.province}${r.city}${r.district}${r.address}${r.postcode ? `（${r.postcode}）` : ''}`
    : '无';

/**
 * CHANGE_RECEIVER: customer service changes where an order goes, before anything has left (the
 * machine decides: physical, unshipped, not locked). The old receiver stays in the timeline, so
 * the change can always be read back and undone by hand.
 */
export function applyChangeReceiver(
  state: OrderState,
  payload: IntentPayload<'CHANGE_RECEIVER'>,
  ctx: ApplyContext,
): Applied {
  const receiver = trimmedReceiver(payload.receiver);
  const errors = receiverErrors(receiver);
  if (Object.keys(errors).length > 0) return refusal('RECEIVER_INVALID', 'The new receiver is incomplete', errors);
  const changed = actOn(state, { type: 'CHANGE_RECEIVER' });
  if (!changed.ok) return changed;
  const before = state.record.receiver;
  const next = { ...changed.state, record: { ...changed.state.record, receiver } };
  const detail = `修改收货信息（${payload.reason}）：原 ${receiverLine(before)} → 新 ${receiverLine(receiver)}`;
  return accepted(logged(ctx, next, 'CHANGE_RECEIVER', detail));
}
