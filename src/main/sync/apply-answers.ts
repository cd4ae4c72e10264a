import type { Intent, IntentResult } from '../../shared/contract/sync';
import type { Db } from '../db/connection';
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
  const record = db.prepare(
    `UPDATE outbox SET state = ?, last_error_code = ?, last_error_message = ?, answer = ?, answered_at = ?
     WHERE id = ? AND state IN ('queued', 'sending')`,
  );
  const orderOf = db.prepare('SELECT order_no AS orderNo FROM outbox WHERE id = ?');
  // A provisional redemption at this counter becomes confirmed or rejected with its intent.
  const settleRedemption = db.prepare('UPDATE redemptions SET state = ? WHERE intent_id = ?');
  // Once the service has it, the typed code (kept sealed until then) has no use left here.
  const forgetCode = db.prepare(
    `UPDATE outbox SET payload = json_set(payload, '$.code', '') WHERE id = ? AND type = 'REDEEM'`,
  );
  db.transaction(() => {
    for (const result of results) {
      if (!byId.has(result.id)) continue;
      // A kept answer's order is sealed like every stored record.
      const keep =
        result.status === 'rejected'
          ? JSON.stringify(result.order ? { ...result, order: ctx.seal.sealRecord(result.order) } : result)
          : null;
      const changed = record.run(result.status, result.code ?? null, result.message ?? null, keep, ctx.now, result.id);
      if (changed.changes === 0) continue;
      answered += 1;
      settleRedemption.run(result.status === 'rejected' ? 'rejected' : 'confirmed', result.id);
      if (result.status !== 'rejected') forgetCode.run(result.id);
      const { orderNo } = (orderOf.get(result.id) as { orderNo: string | null } | undefined) ?? { orderNo: null };
      if (!orderNo) continue;
      orderNos.add(orderNo);
      reconcileOrder(db, orderNo, result.order ? ctx.seal.sealRecord(result.order) : null, ctx);
    }
  })();
  return { answered, orderNos: [...orderNos] };
}
