import { addToLines, lineRequestRefusal, type LineQuantity } from './line-request';
import { apply, type OrderRefusal } from './order-machine';
import { fullyRefunded, settledRefundStatus, type OrderFacts } from './order-facts';
import { refuse, type Outcome } from './result';
import type { AfterSaleStatus, AfterSaleType } from './vocabulary';

type Effect = 'OPEN' | 'NONE' | 'END' | 'SETTLE';

/**
 * What reaching an after-sale status does to its order. OPEN puts the order in 售后中; END takes it
 * out again with the refund status it had (derived from what was refunded, so nothing needs to be
 * remembered); SETTLE is the success: money back for refund types, just END for an exchange.
 */
export const AFTER_SALE_ORDER_EFFECTS: Readonly<Record<AfterSaleStatus, Effect>> = {
  PENDING_REVIEW: 'OPEN',
  PENDING_REFUND: 'NONE',
  AWAITING_RETURN: 'NONE',
  AWAITING_EXCHANGE_RETURN: 'NONE',
  EXCHANGE_OUTBOUND: 'NONE',
  SUCCEEDED: 'SETTLE',
  REJECTED: 'END',
  WITHDRAWN: 'END',
};

const REFUNDS_MONEY: Readonly<Record<AfterSaleType, boolean>> = {
  REFUND_ONLY: true,
  RETURN_REFUND: true,
  EXCHANGE: false,
};

export interface AfterSaleChange {
  type: AfterSaleType;
  /** The status the request has just reached. */
  status: AfterSaleStatus;
  /** The units the request covers; refunded on success. */
  lines: readonly LineQuantity[];
  /** The money the request gives back on success (refund types), in fen. */
  amount?: number;
}

export type AfterSaleEffectRefusal =
  | 'AFTER_SALE_OPEN'
  | 'NO_OPEN_AFTER_SALE'
  | 'NOTHING_ELIGIBLE'
  | 'QUANTITY_INVALID'
  | 'UNKNOWN_LINE'
  | 'QUANTITY_EXCEEDS_REMAINING'
  | OrderRefusal;

type Result = Outcome<{ facts: OrderFacts }, AfterSaleEffectRefusal>;

function open(order: OrderFacts, type: AfterSaleType): Result {
  if (order.openAfterSaleType !== null) return refuse('AFTER_SALE_OPEN');
  return { ok: true, facts: { ...order, openAfterSaleType: type, refundStatus: 'IN_PROGRESS' } };
}

function end(order: OrderFacts): Result {
  if (order.openAfterSaleType === null) return refuse('NO_OPEN_AFTER_SALE');
  return { ok: true, facts: { ...order, openAfterSaleType: null, refundStatus: settledRefundStatus(order) } };
}

/** A full refund closes the order through the order machine, so CLOSE's own rules still hold. */
function refund(order: OrderFacts, lines: readonly LineQuantity[], amount: number): Result {
  if (order.openAfterSaleType === null) return refuse('NO_OPEN_AFTER_SALE');
  if (lines.length === 0) return refuse('NOTHING_ELIGIBLE');
  const code = lineRequestRefusal(order.lines, lines, (line) => line.quantity - line.refundedQuantity);
  if (code) return refuse(code);
  const refunded: OrderFacts = {
    ...order,
    openAfterSaleType: null,
    lines: addToLines(order.lines, lines, 'refundedQuantity'),
    ...(order.money ? { money: { ...order.money, refunded: order.money.refunded + amount } } : {}),
  };
  if (fullyRefunded(refunded.lines)) return apply(refunded, { type: 'CLOSE' });
  return { ok: true, facts: { ...refunded, refundStatus: 'PARTIALLY_REFUNDED', paymentStatus: 'PARTIALLY_REFUNDED' } };
}

export function orderEffectOfAfterSale(order: OrderFacts, change: AfterSaleChange): Result {
  const effect = AFTER_SALE_ORDER_EFFECTS[change.status];
  if (effect === 'OPEN') return open(order, change.type);
  if (effect === 'END') return end(order);
  if (effect === 'SETTLE')
    return REFUNDS_MONEY[change.type] ? refund(order, change.lines, change.amount ?? 0) : end(order);
  return { ok: true, facts: order };
}
