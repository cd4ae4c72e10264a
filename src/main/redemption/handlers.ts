import type { Handlers } from '../ipc/dispatcher';
import { WrongCodeLimiter } from './attempts';
import { findByCode, previewOf, redeemableOrRefuse } from './find-code';
import { redeem } from './redeem';
import { lastUseOf, shiftList, undoRedemption } from './shift';

type RedemptionHandlers = Pick<
  Handlers,
  'redemption.verify' | 'redemption.redeem' | 'redemption.lastUse' | 'redemption.shift' | 'redemption.undo'
>;

export function redemptionHandlers(limiter = new WrongCodeLimiter()): RedemptionHandlers {
  return {
    'redemption.verify': async (ctx, { code, storeId }) =>
      previewOf(redeemableOrRefuse(await findByCode(ctx, limiter, code, storeId), ctx.stamp().now)),
    'redemption.redeem': (ctx, input) => redeem(ctx, limiter, input),
    'redemption.lastUse': async (ctx, { code, storeId }) => {
      const record = await findByCode(ctx, limiter, code, storeId);
      return lastUseOf(ctx, record.orderNo, record.timeline);
    },
    'redemption.shift': (ctx, input) => shiftList(ctx, input),
    'redemption.undo': (ctx, input) => undoRedemption(ctx, input),
  };
}
