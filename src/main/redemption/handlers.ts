import type { Handlers } from '../ipc/dispatcher';
import { WrongCodeLimiter } from './attempts';
import { findByCode, previewOf } from './find-code';
import { redeem } from './redeem';

type RedemptionHandlers = Pick<Handlers, 'redemption.verify' | 'redemption.redeem'>;

export function redemptionHandlers(limiter = new WrongCodeLimiter()): RedemptionHandlers {
  return {
    'redemption.verify': (ctx, { code, storeId }) => previewOf(findByCode(ctx, limiter, code, storeId)),
    'redemption.redeem': (ctx, input) => redeem(ctx, limiter, input),
  };
}
