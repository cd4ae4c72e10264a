import type { AfterSaleEffectRefusal, AfterSaleRefusal } from '../domain/after-sale-machine';
import type { OrderRefusal } from '../domain/order-machine';
import type { OrderState } from './state';

/** Who applies an intent, when and from where: exactly what its timeline entry records. */
export interface ApplyContext {
  /** Epoch ms; the service's clock on the service, the intent's clientTime on a device. */
  now: number;
  /** As the timeline shows it: "warehouse:warehouse1", "system". */
  actor: string;
  /** As the timeline shows it: "DEV-0042", "server". */
  device: string;
}

/** Refusals of the intent appliers beyond those of the order and after-sale machines. */
export const INTENT_REFUSALS = [
  'AFTER_SALE_NOT_FOUND',
  'CODE_NOT_FOUND',
  'NOTHING_TO_UNDO',
  'ORDER_MISMATCH',
  'NOT_AN_ORDER_INTENT',
  'DEALER_ORDER_REJECTED',
  /** A waybill number already on another order (the service's and the desk's own records know which). */
  'TRACKING_IN_USE',
  /** The order's warehouse ships only units scanned at the desk (扫描验货), and these were not. */
  'VERIFICATION_REQUIRED',
  /** A label number on the void list (spoiled or cancelled): it never ships. */
  'TRACKING_VOIDED',
  /** A tracking event for a number that is none of the order's parcels. */
  'TRACKING_NOT_ON_ORDER',
  /** 拆单 parts that do not hold every owed unit exactly once. */
  'SPLIT_INVALID',
  'ALREADY_SPLIT',
  'NOT_SPLIT',
  /** A parcel of a split order that is none of its unshipped parts. */
  'NOT_A_SPLIT_PART',
  /** 合单 of fewer than two orders, or of orders that differ in buyer, receiver or warehouse. */
  'MERGE_TOO_FEW',
  'MERGE_MISMATCH',
  'ALREADY_MERGED',
  'NOT_MERGED',
  /** A merged order ships only with its merge, in one parcel under one label. */
  'MERGED_ORDER',
] as const;

export type IntentRefusal = OrderRefusal | AfterSaleRefusal | AfterSaleEffectRefusal | (typeof INTENT_REFUSALS)[number];

/** A refusal as a stable code (what the service answers a rejected intent with), never an exception. */
export interface Refused {
  ok: false;
  code: IntentRefusal;
  message?: string;
  /** Per-field reasons, keyed by the payload's field path: "parcels.0.trackingNo". */
  fieldErrors?: Record<string, string>;
}

/** What an applier answers: the order as the intent leaves it, or why the intent does not apply. */
export type Applied = { ok: true; state: OrderState } | Refused;

export function refusal(code: IntentRefusal, message?: string, fieldErrors?: Record<string, string>): Refused {
  return {
    ok: false,
    code,
    ...(message === undefined ? {} : { message }),
    ...(fieldErrors === undefined ? {} : { fieldErrors }),
  };
}

export const accepted = (state: OrderState): Applied => ({ ok: true, state });
