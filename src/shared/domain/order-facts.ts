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

/** The refund overlay when no request is open, derived from what was actually refunded. */
export function settledRefundStatus(lines: readonly OrderLineFacts[]): RefundStatus {
  if (lines.length > 0 && fullyRefunded(lines)) return 'REFUNDED';
  return lines.some((line) => line.refundedQuantity > 0) ? 'PARTIALLY_REFUNDED' : 'NONE';
}
