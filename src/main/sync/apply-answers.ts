import type { Intent, IntentResult } from '../../shared/contract/sync';
import type { Db } from '../db/connection';
import { outboxOf } from '../db/outbox';
import type { SyncContext } from './local-effects';
import { reconcileOrder } from './reconcile';

/**
 * The service's answers to one pushed batch, recorded in one transaction. Applied and duplicate
 * clear the intent; a rejection keeps it, with the whole answer, for the exceptions inbox, and
 * its local effect is undone by re-deriving the order from the service's truth.
 */
export function applyPushAnswers(
  db: Db,
  sent: readonly Intent[],
  results: readonly IntentResult[],
  ctx: SyncContext,
): { answered: number; orderNos: string[] } {
  const byId = new Map(sent.map((intent) => [intent.id, intent]));
  const orderNos = new Set<string>();
  let answered = 0;
  const outbox = outboxOf(db);
  // A provisional redemption at this counter becomes confirmed or rejected with its intent.
  const settleRedemption = db.prepare('UPDATE redemptions SET state = ? WHERE intent_id = ?');
  db.transaction(() => {
    for (const result of results) {
      if (!byId.has(result.id)) continue;
      // A kept answer's order is sealed like every stored record.
      const keep =
        result.status === 'rejected'
          ? JSON.stringify(result.order ? { ...result, order: ctx.seal.sealRecord(result.order) } : result)
          : null;
      if (!outbox.answer(result, keep, ctx.now)) continue;
      answered += 1;
      settleRedemption.run(result.status === 'rejected' ? 'rejected' : 'confirmed', result.id);
      // Once the service has it, the typed code (kept sealed until then) has no use left here.
      if (result.status !== 'rejected') outbox.forgetRedeemCode(result.id);
      const orderNo = outbox.orderOf(result.id);
      if (!orderNo) continue;
      orderNos.add(orderNo);
      reconcileOrder(db, orderNo, result.order ? ctx.seal.sealRecord(result.order) : null, ctx);
    }
  })();
  return { answered, orderNos: [...orderNos] };
}
