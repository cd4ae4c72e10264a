import { allMoneyBack, type OrderFacts } from './order-facts';
import { addToLines } from './line-request';
import type { OrderAction, OrderActionOf, OrderActionType } from './order-actions';

type Effects = { [T in OrderActionType]?: (facts: OrderFacts, action: OrderActionOf<T>) => OrderFacts };

/**
 * What an action changes besides the status (the status comes from ORDER_TRANSITIONS). Actions
 * missing here change nothing else: NOTE only adds to the timeline, which lives outside the facts.
 */
export const ORDER_EFFECTS: Effects = {
  PAY: (f) => ({ ...f, paymentStatus: 'PAID' }),
  SHIP: (f, a) => ({ ...f, lines: addToLines(f.lines, a.lines, 'shippedQuantity') }),
  EXTEND_RECEIPT: (f) => ({ ...f, receiptExtended: true }),
  // Every item is back; whether it is 全额退款 depends on the money (freight may have been kept).
  CLOSE: (f) => {
    const status = allMoneyBack(f) ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
    return { ...f, paymentStatus: status, refundStatus: status, openAfterSaleType: null };
  },
  LOCK: (f) => ({ ...f, locked: true }),
  UNLOCK: (f) => ({ ...f, locked: false }),
};

export function effectFor(action: OrderAction): ((facts: OrderFacts, action: OrderAction) => OrderFacts) | undefined {
  return ORDER_EFFECTS[action.type] as ((facts: OrderFacts, action: OrderAction) => OrderFacts) | undefined;
}
