import type { IntentPayload } from '../contract/sync';
import { actOn } from './act';
import { accepted, type ApplyContext, type Applied } from './result';
import type { OrderState } from './state';
import { logged } from './timeline';

/**
 * NOTE: a remark in the order's timeline, allowed in every status and on a locked order. Notes add
 * up: the same text noted twice is two entries (the outbox, not the record, knows an intent's id).
 */
export function applyNote(state: OrderState, payload: IntentPayload<'NOTE'>, ctx: ApplyContext): Applied {
  const noted = actOn(state, { type: 'NOTE', text: payload.text });
  return noted.ok ? accepted(logged(ctx, noted.state, 'NOTE', payload.text)) : noted;
}
