/**
 * Exception orders (domain.md "Review and exceptions"): an order that failed automatic processing
 * waits for a person with one or more reasons. Each reason is a row here: which check raised it,
 * what a person does about it, and whether re-running the intake checks can clear it on its own
 * (the cause fixed: a SKU mapped, stock received, a corrected version from the shop). Renderer, desk and service read the
 * same table; the screens translate the code. Re-checking runs the checks on the order as it now
 * stands (a later version from the shop may have corrected the receiver or the amounts).
 */
export const EXCEPTION_REASONS = {
  /** The order names a SKU the catalogue does not have. */
  SKU_UNKNOWN: { check: 'catalogue', resolution: 'MAP_SKU', recheck: true },
  /** A platform item / SKU id with no mapping to our SKU for this shop. */
  SKU_UNMAPPED: { check: 'catalogue', resolution: 'MAP_SKU', recheck: true },
  /** The SKU exists but is off sale (下架). */
  OFF_SALE: { check: 'catalogue', resolution: 'PUT_ON_SALE', recheck: true },
  /** No warehouse can cover a line. */
  STOCK_SHORT: { check: 'stock', resolution: 'RESTOCK', recheck: true },
  /** What the platform charged does not add up (goods, freight, discounts, paid). */
  AMOUNTS_MISMATCH: { check: 'amounts', resolution: 'CONFIRM_AMOUNTS', recheck: true },
  /** The receiver cannot be delivered to (name, mobile, province, city, address). */
  RECEIVER_INCOMPLETE: { check: 'receiver', resolution: 'EDIT_RECEIVER', recheck: true },
  /** The source may not sell this (a dealer's shop and an item outside its price list, a shop turned off). */
  NOT_ENTITLED: { check: 'entitlement', resolution: 'GRANT_ENTITLEMENT', recheck: true },
  /** A code redeemed offline that had expired by then: the desk's word against the code's validity. */
  OFFLINE_REDEMPTION_EXPIRED: { check: 'redemption', resolution: 'DECIDE', recheck: false },
  /** Anything a person or another system flagged that no check above describes. */
  OTHER: { check: 'manual', resolution: 'DECIDE', recheck: false },
} as const satisfies Record<string, ExceptionReasonRule>;

export interface ExceptionReasonRule {
  /** The kind of check that raises it. */
  check: 'catalogue' | 'stock' | 'amounts' | 'receiver' | 'entitlement' | 'redemption' | 'manual';
  /** What a person does to resolve it (the screens name the action). */
  resolution: string;
  /** Re-running the intake checks clears it once its cause is fixed. */
  recheck: boolean;
}

export type ExceptionReasonCode = keyof typeof EXCEPTION_REASONS;
export const EXCEPTION_REASON_CODES = Object.keys(EXCEPTION_REASONS) as [ExceptionReasonCode, ...ExceptionReasonCode[]];

export interface ExceptionReason {
  code: ExceptionReasonCode;
  /** What exactly failed, for a person: "平台商品 5811/7732 未映射到本店 SKU". */
  detail: string;
  /** The order line it is about, when it is about one. */
  lineNo: number | null;
}

/** Whether re-running the checks may clear every open reason (or a person must act on some). */
export const recheckable = (reasons: readonly ExceptionReason[]): boolean =>
  reasons.every((reason) => EXCEPTION_REASONS[reason.code].recheck);
