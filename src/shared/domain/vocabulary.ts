/**
 * The order domain's vocabulary: every enumerated value the client, main process and order
 * service agree on. Kept as `as const` tuples so zod schemas, SQL CHECKs and UI pickers are all
 * derived from one list.
 */

export const ORDER_KINDS = ['PHYSICAL', 'VIRTUAL', 'SERVICE'] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];

/** Where an order came from; its marker letter is part of the order number. */
export const ORDER_SOURCES = ['MALL', 'DEALER', 'EXTERNAL'] as const;
export type OrderSource = (typeof ORDER_SOURCES)[number];

export const PLATFORMS = ['OWN_MALL', 'MINI_PROGRAM', 'APP', 'TMALL', 'JD', 'DOUYIN', 'PDD', 'OFFLINE'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const ORDER_STATUSES = [
  'PENDING_PAYMENT',
  'PENDING_SHIPMENT',
  'PENDING_RECEIPT',
  'PENDING_REDEMPTION',
  'COMPLETED',
  'CANCELLED',
  'CLOSED',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const PAYMENT_STATUSES = ['UNPAID', 'PAID', 'PARTIALLY_REFUNDED', 'REFUNDED'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** The after-sales overlay of an order: IN_PROGRESS is 售后中 (some request is open). */
export const REFUND_STATUSES = ['NONE', 'IN_PROGRESS', 'PARTIALLY_REFUNDED', 'REFUNDED'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

export const PAYMENT_CHANNELS = ['WECHAT_PAY', 'ALIPAY', 'UNIONPAY', 'BALANCE', 'BANK_TRANSFER', 'CASH'] as const;
export type PaymentChannel = (typeof PAYMENT_CHANNELS)[number];

export const AFTER_SALE_TYPES = ['REFUND_ONLY', 'RETURN_REFUND', 'EXCHANGE'] as const;
export type AfterSaleType = (typeof AFTER_SALE_TYPES)[number];

export const AFTER_SALE_STATUSES = [
  'PENDING_REVIEW',
  'PENDING_REFUND',
  'AWAITING_RETURN',
  'AWAITING_EXCHANGE_RETURN',
  'EXCHANGE_OUTBOUND',
  'SUCCEEDED',
  'REJECTED',
  'WITHDRAWN',
] as const;
export type AfterSaleStatus = (typeof AFTER_SALE_STATUSES)[number];

export const INVOICE_TYPES = ['NONE', 'ELECTRONIC_NORMAL', 'PAPER_NORMAL', 'VAT_SPECIAL'] as const;
export type InvoiceType = (typeof INVOICE_TYPES)[number];

export const INVOICE_TITLE_TYPES = ['PERSONAL', 'COMPANY'] as const;
export type InvoiceTitleType = (typeof INVOICE_TITLE_TYPES)[number];

export const PROMOTION_KINDS = ['COUPON', 'CAMPAIGN', 'MEMBER_DISCOUNT', 'MEMBER_BENEFIT', 'POINTS', 'COINS'] as const;
export type PromotionKind = (typeof PROMOTION_KINDS)[number];

/** `integration`: the service account of an ERP, a mall or a platform connector that feeds orders in. */
export const ROLES = ['admin', 'warehouse', 'clerk', 'dealer', 'service', 'integration'] as const;
export type Role = (typeof ROLES)[number];

/** Which orders a user may see. Empty lists mean "none of that kind", not "all"; admin is unscoped. */
export interface DataScope {
  all: boolean;
  warehouseIds: string[];
  storeIds: string[];
  dealerIds: string[];
  /** The shops whose orders it sees (an integration account's scope); absent: none. */
  shopIds?: string[];
}

export const LIST_TIME_FIELDS = ['createdAt', 'paidAt', 'shippedAt'] as const;
export type ListTimeField = (typeof LIST_TIME_FIELDS)[number];
