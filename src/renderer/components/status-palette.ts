import type { AfterSaleStatus, OrderStatus, PaymentStatus, RefundStatus } from '../../shared/domain/vocabulary';

/**
 * One colour per status, used wherever the status shows (list, detail, timeline, workbenches), so
 * a colour means the same thing on every screen. Ant's preset colours: orange = waits for us,
 * gold = waits for the buyer or for money, blue/cyan = on its way, purple = waits for a store visit,
 * green = done, red = refused or refunded, default (grey) = ended without effect.
 */
export type TagColor = 'default' | 'orange' | 'gold' | 'blue' | 'cyan' | 'purple' | 'green' | 'red' | 'volcano';

export const ORDER_STATUS_COLORS: Record<OrderStatus, TagColor> = {
  PENDING_PAYMENT: 'gold',
  PENDING_SHIPMENT: 'orange',
  PENDING_RECEIPT: 'blue',
  PENDING_REDEMPTION: 'purple',
  COMPLETED: 'green',
  CANCELLED: 'default',
  CLOSED: 'red',
};

export const PAYMENT_STATUS_COLORS: Record<PaymentStatus, TagColor> = {
  UNPAID: 'gold',
  PAID: 'green',
  PARTIALLY_REFUNDED: 'orange',
  REFUNDED: 'red',
};

export const REFUND_STATUS_COLORS: Record<RefundStatus, TagColor> = {
  NONE: 'default',
  IN_PROGRESS: 'orange',
  PARTIALLY_REFUNDED: 'gold',
  REFUNDED: 'red',
};

export const AFTER_SALE_STATUS_COLORS: Record<AfterSaleStatus, TagColor> = {
  PENDING_REVIEW: 'orange',
  PENDING_REFUND: 'gold',
  AWAITING_RETURN: 'blue',
  AWAITING_EXCHANGE_RETURN: 'blue',
  EXCHANGE_OUTBOUND: 'cyan',
  SUCCEEDED: 'green',
  REJECTED: 'red',
  WITHDRAWN: 'default',
};

/** A redemption at the counter, as the shift list shows it. */
export type RedemptionState = 'provisional' | 'confirmed' | 'rejected' | 'undone';
export const REDEMPTION_STATE_COLORS: Record<RedemptionState, TagColor> = {
  provisional: 'gold',
  confirmed: 'green',
  rejected: 'red',
  undone: 'default',
};

/** Marks over an order's status: locked, an open exception, local changes not yet synced. */
export type OrderFlag = 'locked' | 'exception' | 'pendingSync';
export const ORDER_FLAG_COLORS: Record<OrderFlag, TagColor> = {
  locked: 'red',
  exception: 'volcano',
  pendingSync: 'blue',
};
