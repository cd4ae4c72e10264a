import type { Intent, IntentPayload, IntentType } from '../contract/sync';
import {
  applyAfterSaleApprove,
  applyAfterSaleReceiveReturn,
  applyAfterSaleReturnParcel,
  applyAfterSaleRefund,
  applyAfterSaleReject,
  applyAfterSaleShipExchange,
} from './after-sale';
import { applyCancel } from './cancel';
import { applyLock, applyUnlock } from './lock';
import { applyNote } from './note';
import { applyTrackingEntry } from './tracking';
import { redeemOrder, undoRedemptionOrder } from './redeem';
import { refusal, type ApplyContext, type Applied } from './result';
import { applyMerge, applyUnmerge } from './merge';
import { applyShip } from './ship';
import { applySplit, applyUnsplit } from './split';
import type { OrderState } from './state';

/**
 * What each intent does to an order's record, as pure functions: the service runs them inside its
 * executors (which keep lookups, stock, scope and idempotency), a device runs them to show an
 * intent's effect at once and to re-apply unanswered intents over newer records it pulls. Same
 * inputs, same record: no clock, no random ids.
 */

export * from './result';
export * from './state';
export * from './act';
export * from './timeline';
export * from './waybill';
export * from './ship';
export * from './split';
export * from './merge';
export * from './cancel';
export * from './lock';
export * from './note';
export * from './after-sale';
export * from './refund';
export * from './redeem';
export * from './pay';
export * from './draft';
export * from './split-amounts';
export * from './dealer-checks';
export * from './dealer-pricing';
export * from './dealer-order';

/** Intents that change one existing order (CREATE_DEALER_ORDER makes new ones instead). */
export type OrderIntentType = Exclude<IntentType, 'CREATE_DEALER_ORDER'>;
export type OrderIntent = Extract<Intent, { type: OrderIntentType }>;

export interface OrderIntentContext extends ApplyContext {
  /** The intent's id: a redemption is known by it (the timeline's 核销记录). */
  intentId: string;
  /** A store's name for the timeline, when known; its id otherwise. */
  storeName?: (storeId: string) => string | undefined;
}

export type OrderIntentApplier<T extends OrderIntentType> = (
  state: OrderState,
  payload: IntentPayload<T>,
  ctx: OrderIntentContext,
) => Applied;

/** Each order intent's record transform; the compiler checks none is missing. */
export const ORDER_INTENT_APPLIERS: { [T in OrderIntentType]: OrderIntentApplier<T> } = {
  SHIP: applyShip,
  CANCEL: applyCancel,
  LOCK: applyLock,
  UNLOCK: applyUnlock,
  NOTE: applyNote,
  TRACKING_EVENT: applyTrackingEntry,
  SPLIT: applySplit,
  UNSPLIT: applyUnsplit,
  MERGE: applyMerge,
  UNMERGE: applyUnmerge,
  AFTER_SALE_APPROVE: applyAfterSaleApprove,
  AFTER_SALE_REJECT: applyAfterSaleReject,
  AFTER_SALE_RECEIVE_RETURN: applyAfterSaleReceiveReturn,
  AFTER_SALE_RETURN_PARCEL: applyAfterSaleReturnParcel,
  AFTER_SALE_REFUND: applyAfterSaleRefund,
  AFTER_SALE_SHIP_EXCHANGE: applyAfterSaleShipExchange,
  REDEEM: (state, p, ctx) =>
    redeemOrder(
      state,
      { redemptionId: ctx.intentId, storeName: ctx.storeName?.(p.storeId) ?? p.storeId, redeemedAt: p.redeemedAt },
      ctx,
    ),
  UNDO_REDEMPTION: (state, p, ctx) =>
    undoRedemptionOrder(state, { redemptionId: p.redemptionId, reason: p.reason }, ctx),
};

/**
 * The order an intent names is not this one. A REDEEM names a code, which no record carries (only
 * its verifier): the service finds the order by the code, the desk files the intent under the order
 * its lookup found, so here it can only be the order it is applied to.
 */
function namesAnotherOrder(state: OrderState, intent: OrderIntent): boolean {
  if (intent.type === 'REDEEM') return false;
  return intent.payload.orderNo !== state.record.orderNo;
}

/**
 * Applies one intent to the order it is about. CREATE_DEALER_ORDER is refused here
 * (NOT_AN_ORDER_INTENT): it creates an order rather than changing one (buildDealerOrderRecord).
 */
export function applyOrderIntent(
  state: OrderState,
  intent: Intent,
  ctx: ApplyContext & Pick<OrderIntentContext, 'storeName'>,
): Applied {
  if (intent.type === 'CREATE_DEALER_ORDER') {
    return refusal('NOT_AN_ORDER_INTENT', 'CREATE_DEALER_ORDER creates an order; use buildDealerOrderRecord');
  }
  if (namesAnotherOrder(state, intent)) {
    return refusal('ORDER_MISMATCH', `${intent.type} ${intent.id} is not about order ${state.record.orderNo}`);
  }
  const applier = ORDER_INTENT_APPLIERS[intent.type] as OrderIntentApplier<OrderIntentType>;
  return applier(state, intent.payload as never, { ...ctx, intentId: intent.id });
}
