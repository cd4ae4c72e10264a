import { actOn } from './act';
import { accepted, refusal, type ApplyContext, type Applied } from './result';
import type { OrderState } from './state';
import { logged } from './timeline';

/** The order side of one redemption; finding the code, the store's checks and single use are the service's. */
export interface RedeemOrderInput {
  /** The redemption's id: the intent id (offline) or the request id (online). */
  redemptionId: string;
  /** As the timeline names the counter. */
  storeName: string;
  /** When the clerk really redeemed it; never later than now. */
  redeemedAt: number;
  /** Uses left before this one; the record's own code by default (the service passes its code row's). */
  usesLeft?: number;
}

/**
 * REDEEM, order side: one use of the code is taken; the last use completes the order (the
 * machine's REDEEM decides, so a locked order or an open refund-only request refuses), at the
 * moment the clerk redeemed it.
 */
export function redeemOrder(state: OrderState, input: RedeemOrderInput, ctx: ApplyContext): Applied {
  const before = input.usesLeft ?? state.record.redemptionCode?.usesLeft;
  if (before === undefined) return refusal('CODE_NOT_FOUND', `Order ${state.record.orderNo} has no redemption code`);
  const usesLeft = before - 1;
  const at = Math.min(input.redeemedAt, ctx.now);
  const redeemed = actOn(state, { type: 'REDEEM', usesLeftAfter: usesLeft });
  if (!redeemed.ok) return redeemed;
  const { record } = redeemed.state;
  const next = {
    ...redeemed.state,
    record: {
      ...record,
      redemptionCode: record.redemptionCode && { ...record.redemptionCode, usesLeft },
      completedAt: record.status === 'COMPLETED' ? at : record.completedAt,
    },
  };
  const detail = `${input.storeName} 核销 1 次，剩余 ${usesLeft} 次（核销记录 ${input.redemptionId}）`;
  return accepted(logged(ctx, next, 'REDEEM', detail));
}

export interface UndoRedemptionInput {
  redemptionId: string;
  reason: string;
  /** Where the undone redemption happened, when known (the timeline names it). */
  storeId?: string;
  /** Uses left before the undo; the record's own code by default. */
  usesLeft?: number;
}

/**
 * UNDO_REDEMPTION, order side: the use comes back and a completed order waits for redemption
 * again. Which redemption, and whether its undo window is still open, is the service's to check;
 * a code with all its uses left has nothing to give back.
 */
export function undoRedemptionOrder(state: OrderState, input: UndoRedemptionInput, ctx: ApplyContext): Applied {
  const code = state.record.redemptionCode;
  const before = input.usesLeft ?? code?.usesLeft;
  if (before === undefined) return refusal('CODE_NOT_FOUND', `Order ${state.record.orderNo} has no redemption code`);
  if (code && before >= code.usesTotal) {
    return refusal('NOTHING_TO_UNDO', `Order ${state.record.orderNo} has no redemption left to undo`);
  }
  const undone = actOn(state, { type: 'UNDO_REDEMPTION' });
  if (!undone.ok) return undone;
  const { record } = undone.state;
  const usesLeft = before + 1;
  const next = {
    ...undone.state,
    record: {
      ...record,
      redemptionCode: record.redemptionCode && { ...record.redemptionCode, usesLeft },
      completedAt: record.status === 'COMPLETED' ? record.completedAt : null,
    },
  };
  const where = input.storeId === undefined ? '' : `，${input.storeId}`;
  const detail = `撤销核销（核销记录 ${input.redemptionId}${where}）：${input.reason}`;
  return accepted(logged(ctx, next, 'UNDO_REDEMPTION', detail));
}
