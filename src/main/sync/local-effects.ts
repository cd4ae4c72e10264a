import type { OrderRecord } from '../../shared/contract/records';
import type { Intent } from '../../shared/contract/sync';
import { applyOrderIntent, orderStateOf, type ApplyContext } from '../../shared/intents';
import type { CodeSeal } from '../redemption/code-seal';

/** How this device stamps and stores what it applies: who, where, when, and its code seal. */
export interface SyncContext extends ApplyContext {
  seal: CodeSeal;
}

/**
 * Applies one of this device's intents to a stored record with the very applier the service
 * runs; the result is stored sealed like every record.
 */
export function applyLocally(record: OrderRecord, intent: Intent, ctx: SyncContext) {
  const applied = applyOrderIntent(orderStateOf(record), intent, ctx);
  return applied.ok ? { ...applied, record: ctx.seal.sealRecord(applied.state.record) } : applied;
}

/**
 * Re-applies this device's unanswered intents, oldest first, on the service's latest record of an
 * order. An intent that no longer applies (another desk shipped first) is skipped here; the
 * service will answer it with a rejection.
 */
export function replay(base: OrderRecord, pending: readonly Intent[], ctx: SyncContext): OrderRecord {
  return pending.reduce((record, intent) => {
    const applied = applyLocally(record, intent, { ...ctx, now: intent.clientTime });
    return applied.ok ? applied.record : record;
  }, base);
}
