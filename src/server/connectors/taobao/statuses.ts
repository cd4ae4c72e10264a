import type { OrderStatus, PaymentStatus, RefundStatus } from '../../../shared/domain/vocabulary';
import type { LineRefund } from '../../../shared/external/order';

/**
 * Every TOP trade status → our order status and payment status; every sub-order refund status →
 * whether a refund is open, done or over. Values from the TOP-SDK Trade/Order docs
 * (docs/connectors.md "Status values").
 */
export const TOP_TRADE_STATUS: Record<string, { status: OrderStatus; payment: PaymentStatus }> = {
  TRADE_NO_CREATE_PAY: { status: 'PENDING_PAYMENT', payment: 'UNPAID' },
  WAIT_BUYER_PAY: { status: 'PENDING_PAYMENT', payment: 'UNPAID' },
  PAY_PENDING: { status: 'PENDING_PAYMENT', payment: 'UNPAID' },
  WAIT_PRE_AUTH_CONFIRM: { status: 'PENDING_PAYMENT', payment: 'UNPAID' },
  WAIT_SELLER_SEND_GOODS: { status: 'PENDING_SHIPMENT', payment: 'PAID' },
  SELLER_CONSIGNED_PART: { status: 'PENDING_SHIPMENT', payment: 'PAID' },
  // 拼团中 or held by the platform: paid, not yet to be shipped; it waits like any paid order.
  PAID_FORBID_CONSIGN: { status: 'PENDING_SHIPMENT', payment: 'PAID' },
  WAIT_BUYER_CONFIRM_GOODS: { status: 'PENDING_RECEIPT', payment: 'PAID' },
  TRADE_BUYER_SIGNED: { status: 'PENDING_RECEIPT', payment: 'PAID' },
  TRADE_FINISHED: { status: 'COMPLETED', payment: 'PAID' },
  TRADE_CLOSED: { status: 'CLOSED', payment: 'REFUNDED' },
  TRADE_CLOSED_BY_TAOBAO: { status: 'CANCELLED', payment: 'UNPAID' },
};

/** A refused or closed request is over: the line is back to no refund. */
export const TOP_REFUND_STATUS: Record<string, LineRefund> = {
  NO_REFUND: 'NONE',
  WAIT_SELLER_AGREE: 'OPEN',
  WAIT_BUYER_RETURN_GOODS: 'OPEN',
  WAIT_SELLER_CONFIRM_GOODS: 'OPEN',
  SELLER_REFUSE_BUYER: 'NONE',
  CLOSED: 'NONE',
  SUCCESS: 'REFUNDED',
};

/** The order's refund overlay from its lines: an open request wins (it intercepts shipping). */

export function refundOverlay(lines: readonly LineRefund[]): RefundStatus {
  if (lines.includes('OPEN')) return 'IN_PROGRESS';
  const refunded = lines.filter((l) => l === 'REFUNDED').length;
  if (refunded === 0) return 'NONE';
  return refunded === lines.length ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
}
