import { allShipped, anyShipped, fullyRefunded, remainingToShip, type OrderFacts } from './order-facts';
import { lineRequestRefusal } from './line-request';
import type { OrderAction, OrderActionOf, OrderActionType, OrderRefusal } from './order-actions';

type StateGuard = (facts: OrderFacts) => OrderRefusal | null;
type ParamGuards = { [T in OrderActionType]?: (facts: OrderFacts, action: OrderActionOf<T>) => OrderRefusal | null };

/**
 * Checks that need only the order: they decide whether a button is enabled before anyone has typed
 * a reason or picked quantities (availableActions).
 */
export const STATE_GUARDS: Partial<Record<OrderActionType, StateGuard>> = {
  SHIP: (f) => (allShipped(f.lines) ? 'NOTHING_TO_SHIP' : null),
  EXTEND_RECEIPT: (f) => (f.receiptExtended ? 'RECEIPT_ALREADY_EXTENDED' : null),
  CLOSE: (f) => (fullyRefunded(f.lines) ? null : 'NOT_FULLY_REFUNDED'),
  LOCK: (f) => (f.locked ? 'ALREADY_LOCKED' : null),
  UNLOCK: (f) => (f.locked ? null : 'NOT_LOCKED'),
  CHANGE_RECEIVER: (f) => (anyShipped(f.lines) ? 'ALREADY_SHIPPED' : null),
};

const blank = (text: string): boolean => text.trim() === '';

export const PARAM_GUARDS: ParamGuards = {
  SHIP: (f, a) => (a.lines.length === 0 ? 'NOTHING_TO_SHIP' : lineRequestRefusal(f.lines, a.lines, remainingToShip)),
  REDEEM: (_f, a) => (Number.isSafeInteger(a.usesLeftAfter) && a.usesLeftAfter >= 0 ? null : 'USES_INVALID'),
  LOCK: (_f, a) => (blank(a.reason) ? 'REASON_REQUIRED' : null),
  NOTE: (_f, a) => (blank(a.text) ? 'TEXT_REQUIRED' : null),
};

/** TypeScript cannot correlate a mapped record's key with its value, so the lookup narrows here once. */
export function paramGuardFor(
  action: OrderAction,
): ((facts: OrderFacts, action: OrderAction) => OrderRefusal | null) | undefined {
  return PARAM_GUARDS[action.type] as ((facts: OrderFacts, action: OrderAction) => OrderRefusal | null) | undefined;
}
