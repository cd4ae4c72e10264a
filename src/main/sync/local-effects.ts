import type { OrderRecord } from '../../shared/contract/records';
import type { Intent } from '../../shared/contract/sync';
import { applyOrderIntent, orderStateOf, type ApplyContext } from '../../shared/intents';

/**
 * Re-applies this device's unanswered intents, oldest first, on the service's latest record of an
 * order, with the very appliers the service runs. An intent that no longer applies (another desk
 * shipped first) is skipped here; the service will answer it with a rejection.
 */
export function replay(base: OrderRecord, pending: readonly Intent[], ctx: ApplyContext): OrderRecord {
  return pending.reduce((record, intent) => {
    const applied = applyOrderIntent(orderStateOf(record), intent, { ...ctx, now: intent.clientTime });
    return applied.ok ? applied.state.record : record;
  }, base);
}
