export interface ShipLine {
  lineNo: number;
  quantity: number;
}

/**
 * Everything that can happen to a child order. Issuing a redemption code is part of PAY for service
 * orders, and delivering virtual goods is part of PAY for virtual orders: neither can fail or wait
 * on its own, so separate actions would only add states nobody can act on.
 */
export type OrderAction =
  | { type: 'PAY' }
  | { type: 'SHIP'; lines: ShipLine[] }
  | { type: 'CONFIRM_RECEIPT' }
  | { type: 'EXTEND_RECEIPT' }
  | { type: 'CANCEL' }
  | { type: 'REDEEM'; usesLeftAfter: number }
  | { type: 'UNDO_REDEMPTION' }
  | { type: 'CLOSE' }
  | { type: 'LOCK'; reason: string }
  | { type: 'UNLOCK' }
  | { type: 'NOTE'; text: string }
  | { type: 'CHANGE_RECEIVER' };

export type OrderActionType = OrderAction['type'];
export type OrderActionOf<T extends OrderActionType> = Extract<OrderAction, { type: T }>;

export const ORDER_ACTION_TYPES = [
  'PAY',
  'SHIP',
  'CONFIRM_RECEIPT',
  'EXTEND_RECEIPT',
  'CANCEL',
  'REDEEM',
  'UNDO_REDEMPTION',
  'CLOSE',
  'LOCK',
  'UNLOCK',
  'NOTE',
  'CHANGE_RECEIVER',
] as const satisfies readonly OrderActionType[];

/**
 * Refusal codes, in the order decide() checks them:
 * kind → status → lock → review hold → open exception → interception → the order's own state → the action's parameters.
 */
export const ORDER_REFUSALS = [
  'WRONG_KIND',
  'WRONG_STATUS',
  'ORDER_LOCKED',
  'REVIEW_PENDING',
  'EXCEPTION_OPEN',
  'SHIPPING_INTERCEPTED',
  'REDEMPTION_INTERCEPTED',
  'ALREADY_LOCKED',
  'NOT_LOCKED',
  'RECEIPT_ALREADY_EXTENDED',
  'NOT_FULLY_REFUNDED',
  'NOTHING_TO_SHIP',
  'ALREADY_SHIPPED',
  'REASON_REQUIRED',
  'TEXT_REQUIRED',
  'USES_INVALID',
  'QUANTITY_INVALID',
  'UNKNOWN_LINE',
  'QUANTITY_EXCEEDS_REMAINING',
] as const;
export type OrderRefusal = (typeof ORDER_REFUSALS)[number];
