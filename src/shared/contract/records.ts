import { z } from 'zod';
import {
  AFTER_SALE_STATUSES,
  AFTER_SALE_TYPES,
  INVOICE_TITLE_TYPES,
  INVOICE_TYPES,
  ORDER_KINDS,
  ORDER_SOURCES,
  ORDER_STATUSES,
  PAYMENT_CHANNELS,
  PAYMENT_STATUSES,
  PLATFORMS,
  PROMOTION_KINDS,
  REFUND_STATUSES,
} from '../domain/vocabulary';
import { EXCEPTION_REASON_CODES } from '../domain/exception-reasons';
import { SHOP_CHANNELS } from '../domain/shops';
import { REVIEW_REASONS, REVIEW_STATUSES } from '../domain/review';

/**
 * A child order as it travels: from the order service in a pull, from the demo fixtures into the
 * local store, and back out as the detail view. Money is integer fen, times are UTC epoch ms.
 * One schema, so a malformed network answer is caught at the same gate as a malformed IPC call.
 */
const fen = z.number().int().min(0);
const epochMs = z.number().int().min(0);
const id = z.string().min(1).max(64);

export const lineRecord = z.strictObject({
  lineNo: z.number().int().min(1),
  merchantId: id,
  sku: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  spec: z.string().max(200),
  image: z.string().max(500),
  unitPrice: fen,
  quantity: z.number().int().min(1),
  /** Discount allocated to this line pro rata, so the line can be refunded on its own. */
  discount: fen,
  payable: fen,
  shippedQuantity: z.number().int().min(0),
  refundedQuantity: z.number().int().min(0),
});
export type LineRecord = z.infer<typeof lineRecord>;

export const receiverRecord = z.strictObject({
  name: z.string().min(1).max(50),
  phone: z.string().min(1).max(20),
  province: z.string().min(1).max(20),
  city: z.string().min(1).max(30),
  district: z.string().max(30),
  address: z.string().min(1).max(200),
  postcode: z.string().max(10),
});
export type ReceiverRecord = z.infer<typeof receiverRecord>;

export const buyerRecord = z.strictObject({
  id,
  account: z.string().min(1).max(64),
  level: z.string().max(32),
  name: z.string().max(50),
});
export type BuyerRecord = z.infer<typeof buyerRecord>;

/** The amount breakdown of domain.md "Amounts", stored as computed, never recomputed on read. */
export const amountsRecord = z.strictObject({
  goodsTotal: fen,
  freight: fen,
  freightInsurance: fen,
  couponDiscount: fen,
  campaignDiscount: fen,
  memberDiscount: fen,
  memberBenefit: fen,
  pointsDeduction: fen,
  pointsUsed: z.number().int().min(0),
  coinDeduction: fen,
  payable: fen,
  paid: fen,
});
export type AmountsRecord = z.infer<typeof amountsRecord>;

export const paymentRecord = z.strictObject({
  channel: z.enum(PAYMENT_CHANNELS).nullable(),
  serialNo: z.string().max(64).nullable(),
});

export const promotionRecord = z.strictObject({
  kind: z.enum(PROMOTION_KINDS),
  refId: z.string().max(64),
  name: z.string().max(100),
  amount: fen,
});
export type PromotionRecord = z.infer<typeof promotionRecord>;

export const invoiceRecord = z.strictObject({
  type: z.enum(INVOICE_TYPES),
  titleType: z.enum(INVOICE_TITLE_TYPES),
  title: z.string().max(100),
  taxNo: z.string().max(30),
  content: z.string().max(100),
});
export type InvoiceRecord = z.infer<typeof invoiceRecord>;

export const trackingEventRecord = z.strictObject({
  at: epochMs,
  text: z.string().max(300),
});

export const waybillRecord = z.strictObject({
  id,
  carrier: z.string().min(1).max(16),
  trackingNo: z.string().min(1).max(40),
  shippedAt: epochMs,
  status: z.enum(['IN_TRANSIT', 'DELIVERED', 'RETURNED']),
  signedAt: epochMs.nullable(),
  courier: z.string().max(50),
  lines: z.array(z.strictObject({ lineNo: z.number().int().min(1), quantity: z.number().int().min(1) })).min(1),
  events: z.array(trackingEventRecord),
});
export type WaybillRecord = z.infer<typeof waybillRecord>;

export const afterSaleRecord = z.strictObject({
  id,
  afterSaleNo: z.string().min(1).max(40),
  type: z.enum(AFTER_SALE_TYPES),
  status: z.enum(AFTER_SALE_STATUSES),
  reason: z.string().max(300),
  amount: fen,
  createdAt: epochMs,
  updatedAt: epochMs,
  lines: z.array(z.strictObject({ lineNo: z.number().int().min(1), quantity: z.number().int().min(1) })),
  rejectReason: z.string().max(300).nullable(),
  /** The parcel the buyer sends goods back in (a return or an exchange), when they said. */
  returnShipment: z
    .strictObject({ carrier: z.string().min(1).max(16), trackingNo: z.string().min(1).max(40) })
    .optional(),
});
export type AfterSaleRecord = z.infer<typeof afterSaleRecord>;

/**
 * A service order's code as everyone but the service and the buyer sees it: never the code itself,
 * only its verifier (shared/domain/code-verifier.ts), null for the moment between payment and the
 * service hashing it. A desk keeps even that only sealed under its own key.
 */
export const redemptionCodeRecord = z.strictObject({
  verifier: z.string().max(200).nullable(),
  validFrom: epochMs,
  validTo: epochMs,
  usesTotal: z.number().int().min(1),
  usesLeft: z.number().int().min(0),
});
export type RedemptionCodeRecord = z.infer<typeof redemptionCodeRecord>;

const lineQuantities = z
  .array(z.strictObject({ lineNo: z.number().int().min(1), quantity: z.number().int().min(1) }))
  .min(1);

/**
 * 拆单: the order's units in shipments of their own, each to leave under its own label. A part is
 * shipped once a waybill carries it (its id); until every part has, the split can be undone.
 */
export const splitRecord = z.strictObject({
  parts: z
    .array(z.strictObject({ lines: lineQuantities, waybillId: id.nullable() }))
    .min(2)
    .max(20),
});
export type SplitRecord = z.infer<typeof splitRecord>;

/**
 * 合单: this order leaves in one parcel, under one label, with the other orders of the merge (same
 * buyer, receiver and warehouse). `orderNos` lists every order asked into it, this one included.
 */
export const mergeRecord = z.strictObject({
  id,
  orderNos: z.array(z.string().min(6).max(40)).min(2).max(20),
});
export type MergeRecord = z.infer<typeof mergeRecord>;

export const timelineRecord = z.strictObject({
  at: epochMs,
  actor: z.string().max(64),
  device: z.string().max(64),
  action: z.string().min(1).max(40),
  detail: z.string().max(1000),
});
export type TimelineRecord = z.infer<typeof timelineRecord>;

/** One reason an order waits in the exception queue (exception-reasons.ts). */
export const exceptionReasonRecord = z.strictObject({
  code: z.enum(EXCEPTION_REASON_CODES),
  detail: z.string().max(300),
  lineNo: z.number().int().min(1).nullable(),
});
export type ExceptionReasonRecord = z.infer<typeof exceptionReasonRecord>;

/** An order's open exception: why it waits for a person, since when. Closed: the record holds null. */
export const exceptionRecord = z.strictObject({
  reasons: z.array(exceptionReasonRecord).min(1).max(50),
  openedAt: epochMs,
});
export type ExceptionRecord = z.infer<typeof exceptionRecord>;

/** Where an order from outside came from: its shop and the platform's own order number. */
export const externalRecord = z.strictObject({
  shopId: id,
  shopName: z.string().max(100),
  channel: z.enum(SHOP_CHANNELS),
  externalOrderNo: z.string().min(1).max(64),
  /** The platform's own word for the order's state when it last told us (WAIT_SELLER_SEND_GOODS), as is. */
  platformStatus: z.string().max(64),
});
export type ExternalRecord = z.infer<typeof externalRecord>;
/**
 * 审单: the review hold a paid order got from the admin's rules, and its decision. PENDING holds
 * shipping (REVIEW_PENDING) and keeps the order out of the warehouse's view until approved.
 */
export const reviewRecord = z.strictObject({
  status: z.enum(REVIEW_STATUSES),
  reasons: z.array(z.enum(REVIEW_REASONS)).max(REVIEW_REASONS.length),
  heldAt: epochMs,
  decidedAt: epochMs.nullable(),
  /** As the timeline names people ("service:service1"), or "system" for an auto-approval. */
  decidedBy: z.string().max(64).nullable(),
  /** The approval note or the rejection's reason. */
  note: z.string().max(200).nullable(),
});
export type ReviewRecord = z.infer<typeof reviewRecord>;

export const orderRecord = z.strictObject({
  orderNo: z.string().min(6).max(40),
  parentNo: z.string().min(6).max(40),
  kind: z.enum(ORDER_KINDS),
  source: z.enum(ORDER_SOURCES),
  platform: z.enum(PLATFORMS),
  status: z.enum(ORDER_STATUSES),
  paymentStatus: z.enum(PAYMENT_STATUSES),
  refundStatus: z.enum(REFUND_STATUSES),
  locked: z.boolean(),
  lockReason: z.string().max(200).nullable(),
  exception: exceptionRecord.nullable(),
  /** null for the company's own orders (mall checkout, dealer entry). */
  external: externalRecord.nullable(),
  /** Absent in records made before review existed (no hold); optional, not defaulted, so the compiled wire check agrees. */
  review: reviewRecord.nullable().optional(),
  merchantId: id,
  merchantName: z.string().max(100),
  warehouseId: id.nullable(),
  storeId: id.nullable(),
  dealerId: id.nullable(),
  buyer: buyerRecord,
  receiver: receiverRecord.nullable(),
  lines: z.array(lineRecord).min(1),
  amounts: amountsRecord,
  payment: paymentRecord,
  promotions: z.array(promotionRecord),
  invoice: invoiceRecord.nullable(),
  waybills: z.array(waybillRecord),
  /** Absent unless staff split the order into shipments (拆单) before it shipped. */
  split: splitRecord.optional(),
  /** Absent unless staff merged the order with others into one shipment (合单). */
  merge: mergeRecord.optional(),
  afterSales: z.array(afterSaleRecord),
  redemptionCode: redemptionCodeRecord.nullable(),
  timeline: z.array(timelineRecord),
  remark: z.string().max(500),
  createdAt: epochMs,
  paidAt: epochMs.nullable(),
  shippedAt: epochMs.nullable(),
  completedAt: epochMs.nullable(),
  updatedAt: epochMs,
});
export type OrderRecord = z.infer<typeof orderRecord>;
