import type { AfterSaleType, OrderKind, OrderStatus, PaymentStatus, RefundStatus } from './vocabulary';

export interface OrderLineFacts {
  lineNo: number;
  quantity: number;
  shippedQuantity: number;
  refundedQuantity: number;
}

/** What the machines need to know about a child order; everything else is irrelevant to a decision. */
export interface OrderFacts {
  kind: OrderKind;
  status: OrderStatus;
  paymentStatus: PaymentStatus;
  refundStatus: RefundStatus;
  locked: boolean;
  receiptExtended: boolean;
  /** The after-sale request currently open on the order, if any (at most one at a time). */
  openAfterSaleType: AfterSaleType | null;
  lines: OrderLineFacts[];
  /**
   * Money in and back out, in fen: what the buyer paid and what refunds have given back. An order
   * is 全额退款 only when everything paid is back (a return of every item that keeps the freight is
   * 部分退款). Absent: judged by the lines alone.
   */
  money?: { paid: number; refunded: number };
}

/** Refunded units are never shipped: a refund before shipping shrinks what the warehouse owes. */
export function remainingToShip(line: OrderLineFacts): number {
  return Math.max(0, line.quantity - line.refundedQuantity - line.shippedQuantity);
}

export function allShipped(lines: readonly OrderLineFacts[]): boolean {
  return lines.every((line) => remainingToShip(line) === 0);
}

export function anyShipped(lines: readonly OrderLineFacts[]): boolean {
  return lines.some((line) => line.shippedQuantity > 0);
}

export function fullyRefunded(lines: readonly OrderLineFacts[]): boolean {
  return lines.every((line) => line.refundedQuantity >= line.quantity);
}

/** Everything paid has come back: no fen of the buyer's money is left with the merchant. */
export function allMoneyBack(facts: Pick<OrderFacts, 'money'>): boolean {
  return !facts.money || facts.money.refunded >= facts.money.paid;
}

/** The refund overlay when no request is open, derived from what was actually refunded. */
export function settledRefundStatus(facts: Pick<OrderFacts, 'lines' | 'money'>): RefundStatus {
  const { lines } = facts;
  if (lines.length > 0 && fullyRefunded(lines) && allMoneyBack(facts)) return 'REFUNDED';
  const someBack = lines.some((line) => line.refundedQuantity > 0) || (facts.money?.refunded ?? 0) > 0;
  return someBack ? 'PARTIALLY_REFUNDED' : 'NONE';
}
