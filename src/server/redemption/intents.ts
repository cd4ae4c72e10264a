import { requireOrder } from '../orders/persist';
import type { IntentHandler } from '../sync/handler';
import { judgeClaimedTime } from './claimed-time';
import { countWrongCode, WrongCodeError } from './locate';
import { flagExpiredOffline, recordLosingRedemption, redeemCode, undoRedemption } from './redeem';

/**
 * An offline redemption arrives with the moment the desk says it happened, judged against the
 * desk's last sync (claimed-time.ts). The service decides in its own order of arrival: the first
 * desk to sync wins; the loser is answered ALREADY_REDEEMED with who, where and when, and its
 * attempt is kept as a rejected redemption. One that finds its code expired is not applied: the
 * order is flagged for a supervisor, who decides whether the customer was served in time.
 */
export const REDEEM: IntentHandler<'REDEEM'> = {
  right: 'redemption.redeem',
  orderNoOf: () => null,
  async run(ctx, p) {
    const done = await redeemCode(ctx, {
      code: p.code,
      storeId: p.storeId,
      at: judgeClaimedTime(p.redeemedAt, ctx.deviceLastSync, ctx.now),
      redemptionId: ctx.intentId,
    });
    return done.order;
  },
  async afterRefusal(ctx, p, error) {
    if (error instanceof WrongCodeError) await countWrongCode(ctx.deps, ctx.tx, error);
    const input = {
      code: p.code,
      storeId: p.storeId,
      at: judgeClaimedTime(p.redeemedAt, ctx.deviceLastSync, ctx.now),
      claimedAt: p.redeemedAt,
      redemptionId: ctx.intentId,
    };
    if (error.code === 'ALREADY_REDEEMED') return recordLosingRedemption(ctx, input);
    if (error.code === 'CODE_EXPIRED') return flagExpiredOffline(ctx, input);
    return null;
  },
};

export const UNDO_REDEMPTION: IntentHandler<'UNDO_REDEMPTION'> = {
  right: 'redemption.undo',
  orderNoOf: (p) => p.orderNo,
  run: async (ctx, p) => undoRedemption(ctx, p, await requireOrder(ctx.tx, p.orderNo, ctx.caller.scope)),
};
