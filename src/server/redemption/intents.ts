import { requireOrder } from '../orders/persist';
import type { IntentHandler } from '../sync/handler';
import { countWrongCode, WrongCodeError } from './locate';
import { recordLosingRedemption, redeemCode, undoRedemption } from './redeem';

/**
 * An offline redemption arrives with the moment it really happened. The service decides in its
 * own order of arrival: the first desk to sync wins; the loser is answered ALREADY_REDEEMED with
 * who, where and when, and its attempt is kept as a rejected redemption.
 */
export const REDEEM: IntentHandler<'REDEEM'> = {
  right: 'redemption.redeem',
  orderNoOf: () => null,
  async run(ctx, p) {
    const done = await redeemCode(ctx, {
      code: p.code,
      storeId: p.storeId,
      at: p.redeemedAt,
      redemptionId: ctx.intentId,
    });
    return done.order;
  },
  async afterRefusal(ctx, p, error) {
    if (error instanceof WrongCodeError) await countWrongCode(ctx.deps, ctx.tx, error);
    if (error.code !== 'ALREADY_REDEEMED') return null;
    return recordLosingRedemption(ctx, {
      code: p.code,
      storeId: p.storeId,
      at: p.redeemedAt,
      redemptionId: ctx.intentId,
    });
  },
};

export const UNDO_REDEMPTION: IntentHandler<'UNDO_REDEMPTION'> = {
  right: 'redemption.undo',
  orderNoOf: (p) => p.orderNo,
  run: async (ctx, p) => undoRedemption(ctx, p, await requireOrder(ctx.tx, p.orderNo, ctx.caller.scope)),
};
