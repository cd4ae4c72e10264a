import type { IntentPayload } from '../contract/sync';
import { actOn } from './act';
import { accepted, type ApplyContext, type Applied } from './result';
import type { OrderState } from './state';
import { logged } from './timeline';

/** LOCK: staff hold an order (shipping, redemption and after-sale steps wait) and say why. */
export function applyLock(state: OrderState, payload: IntentPayload<'LOCK'>, ctx: ApplyContext): Applied {
  const locked = actOn(state, { type: 'LOCK', reason: payload.reason });
  if (!locked.ok) return locked;
  const next = { ...locked.state, record: { ...locked.state.record, lockReason: payload.reason } };
  return accepted(logged(ctx, next, 'LOCK', `锁单：${payload.reason}`));
}

/** UNLOCK: the hold ends, and its reason with it. */
export function applyUnlock(state: OrderState, _payload: IntentPayload<'UNLOCK'>, ctx: ApplyContext): Applied {
  const unlocked = actOn(state, { type: 'UNLOCK' });
  if (!unlocked.ok) return unlocked;
  const next = { ...unlocked.state, record: { ...unlocked.state.record, lockReason: null } };
  return accepted(logged(ctx, next, 'UNLOCK', '解除锁单'));
}
