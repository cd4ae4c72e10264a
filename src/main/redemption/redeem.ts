import type { RedemptionOutcome } from '../../shared/contract/api';
import { upsertOrders } from '../db/ingest';
import type { CallContext } from '../ipc/dispatcher';
import { ApiFailure } from '../ipc/failure';
import { keepBaseOnce } from '../sync/base';
import { applyLocally } from '../sync/local-effects';
import { outboxOf } from '../db/outbox';
import type { WrongCodeLimiter } from './attempts';
import { currentRecord, findByCode, redeemableOrRefuse } from './find-code';

/**
 * A clerk redeems a code: judged on the desk's copy, applied at once as a provisional redemption
 * queued for the service (one durable transaction), then sent straight away. Online, the clerk
 * gets the service's verdict in the same breath; offline, the redemption stays provisional and
 * the next sync confirms it or shows who took the code first, where and when.
 */
export async function redeem(
  ctx: CallContext,
  limiter: WrongCodeLimiter,
  { code, storeId }: { code: string; storeId: string },
): Promise<RedemptionOutcome> {
  const { db, session } = ctx;
  const found = await findByCode(ctx, limiter, code, storeId);
  const stamp = ctx.stamp();
  const intentId = db.transaction(() => {
    const record = redeemableOrRefuse(currentRecord(ctx, found.orderNo), stamp.now);
    // The outbox keeps the typed code encrypted; it is opened only to be sent.
    const intent = outboxOf(db).enqueue(
      'REDEEM',
      { code: stamp.seal.sealCode(code), storeId, redeemedAt: stamp.now },
      {
        orderNo: record.orderNo,
        now: stamp.now,
      },
    );
    const applied = applyLocally(record, intent, stamp);
    if (!applied.ok) throw new ApiFailure('ACTION_REFUSED', applied.message ?? applied.code, applied.code);
    keepBaseOnce(db, record);
    upsertOrders(db, [applied.record]);
    db.prepare(
      `INSERT INTO redemptions (order_id, code, store_id, clerk, device, redeemed_at, intent_id)
       SELECT id, ?, ?, ?, ?, ?, ? FROM orders WHERE order_no = ?`,
    ).run(
      record.redemptionCode?.verifier ?? '',
      storeId,
      session.username,
      stamp.device,
      stamp.now,
      intent.id,
      record.orderNo,
    );
    return intent.id;
  })();
  const orderNo = outboxOf(db).orderOf(intentId)!;
  ctx.changed([orderNo]);
  await ctx.sync();
  return outcomeOf(ctx, intentId, orderNo);
}

function outcomeOf(ctx: CallContext, intentId: string, orderNo: string): RedemptionOutcome {
  const row = outboxOf(ctx.db).outcome(intentId)!;
  const answer = row.answer ? (JSON.parse(row.answer) as { conflict?: RedemptionOutcome['conflict'] }) : null;
  const outcome =
    row.state === 'rejected'
      ? 'rejected'
      : row.state === 'queued' || row.state === 'sending'
        ? 'provisional'
        : 'confirmed';
  return { outcome, orderNo, redemptionId: intentId, reason: row.code, conflict: answer?.conflict ?? null };
}
