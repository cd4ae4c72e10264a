import { z } from 'zod';
import { TRACKING_STATUSES } from '../intents/tracking-statuses';
import { AFTER_SALE_TYPES, PAYMENT_CHANNELS } from '../domain/vocabulary';
import { buyerRecord, invoiceRecord, orderRecord, receiverRecord } from './records';
import { UNSTORABLE_TEXT, unstorableTextAt } from './text';

/**
 * The sync wire: named intents the client pushes and the service re-executes against its own
 * state machine, and the pages of changes the client pulls after a server sequence cursor.
 */
const orderNo = z.string().trim().min(6).max(40);
const reason = z.string().trim().min(1).max(200);
const lineQty = z.strictObject({ lineNo: z.number().int().min(1), quantity: z.number().int().min(1) });
const fen = z.number().int().min(0);

export const parcelInput = z.strictObject({
  carrier: z.string().min(1).max(16),
  trackingNo: z.string().trim().min(1).max(40),
  lines: z.array(lineQty).min(1).max(200),
});
export type ParcelInput = z.infer<typeof parcelInput>;

export const dealerOrderInput = z.strictObject({
  orderNo,
  dealerId: z.string().min(1).max(64),
  buyer: buyerRecord,
  receiver: receiverRecord,
  lines: z
    .array(
      z.strictObject({
        sku: z.string().min(1).max(64),
        quantity: z.number().int().min(1).max(100_000),
        unitPrice: fen,
      }),
    )
    .min(1)
    .max(200),
  freight: fen,
  couponId: z.string().max(64).nullable(),
  /**
   * The coupon was chosen while the order met no campaign of its goods, so it stays even if the
   * order grew to meet one (domain.md "Amounts"). The device records when it was chosen.
   */
  couponChosenFirst: z.boolean().optional(),
  campaignId: z.string().max(64).nullable(),
  memberRateBp: z.number().int().min(0).max(10_000).nullable(),
  memberBenefit: fen,
  pointsUsed: z.number().int().min(0),
  invoice: invoiceRecord.nullable(),
  remark: z.string().max(500),
  /** Dealers enter orders their customer has already paid them for, so an accepted one is 待发货. */
  paymentChannel: z.enum(PAYMENT_CHANNELS),
  /** What the dealer saw; the service recomputes and rejects a disagreement rather than charging it. */
  expectedPayable: fen,
});
export type DealerOrderInput = z.infer<typeof dealerOrderInput>;

/** Each intent type and its payload. Adding one here is the whole of its wire contract. */
export const intentPayloads = {
  SHIP: z.strictObject({
    orderNo,
    parcels: z.array(parcelInput).min(1).max(50),
    /** Every unit of these parcels was scanned at the desk (扫描验货); the desk sets it, never the user. */
    verified: z.boolean().optional(),
    /** The merge (合单) this parcel ships: every order of it gets the same waybill number. */
    merge: z.string().min(1).max(64).optional(),
  }),
  /** 拆单: the units still owed, put into parts that each leave as a parcel of their own. */
  SPLIT: z.strictObject({
    orderNo,
    parts: z.array(z.array(lineQty).min(1).max(200)).min(2).max(20),
  }),
  /** The split is undone: what is still owed leaves as one shipment again. */
  UNSPLIT: z.strictObject({ orderNo }),
  /**
   * 合单: this order joins the merge `mergeId` of `orderNos` (this one included). A desk sends one
   * per order of the merge, with the same id and list.
   */
  MERGE: z.strictObject({
    orderNo,
    mergeId: z.string().min(1).max(64),
    orderNos: z.array(orderNo).min(2).max(20),
  }),
  /** This order leaves the merge and ships on its own again. */
  UNMERGE: z.strictObject({ orderNo, mergeId: z.string().min(1).max(64) }),
  REDEEM: z.strictObject({
    code: z.string().regex(/^\d{4,12}$/),
    storeId: z.string().min(1).max(64),
    /** When the clerk really redeemed it, offline included; the service orders conflicts by its own sequence. */
    redeemedAt: z.number().int().min(0),
  }),
  UNDO_REDEMPTION: z.strictObject({ orderNo, redemptionId: z.string().min(1).max(64), reason }),
  CREATE_DEALER_ORDER: dealerOrderInput,
  CANCEL: z.strictObject({ orderNo, reason }),
  LOCK: z.strictObject({ orderNo, reason }),
  UNLOCK: z.strictObject({ orderNo }),
  NOTE: z.strictObject({ orderNo, text: z.string().trim().min(1).max(1000) }),
  /** A carrier event entered by staff (a phone call, the carrier's site): the same as a pushed one. */
  TRACKING_EVENT: z.strictObject({
    orderNo,
    trackingNo: z.string().trim().min(1).max(40),
    time: z.number().int().min(0),
    status: z.enum(TRACKING_STATUSES),
    description: z.string().trim().min(1).max(200),
    location: z.string().trim().max(60),
  }),
  AFTER_SALE_APPROVE: z.strictObject({ orderNo, afterSaleId: z.string().min(1).max(64) }),
  AFTER_SALE_REJECT: z.strictObject({ orderNo, afterSaleId: z.string().min(1).max(64), reason }),
  AFTER_SALE_RECEIVE_RETURN: z.strictObject({ orderNo, afterSaleId: z.string().min(1).max(64) }),
  /** The parcel a buyer sends a return or an exchange back in, as staff were told it. */
  AFTER_SALE_RETURN_PARCEL: z.strictObject({
    orderNo,
    afterSaleId: z.string().min(1).max(64),
    carrier: z.string().min(1).max(16),
    trackingNo: z.string().trim().min(1).max(40),
  }),
  AFTER_SALE_REFUND: z.strictObject({ orderNo, afterSaleId: z.string().min(1).max(64) }),
  AFTER_SALE_SHIP_EXCHANGE: z.strictObject({
    orderNo,
    afterSaleId: z.string().min(1).max(64),
    carrier: z.string().min(1).max(16),
    trackingNo: z.string().trim().min(1).max(40),
  }),
  // Staff acting for a buyer (customer service): each says why, and the timeline keeps it.
  /** A paid order nothing of which has shipped is called off and refunded in full (out of stock). */
  CANCEL_PAID: z.strictObject({ orderNo, reason }),
  /** A request opened for a buyer who phoned in: the whole order, or the given lines. */
  OPEN_AFTER_SALE: z.strictObject({
    orderNo,
    type: z.enum(AFTER_SALE_TYPES),
    reason,
    lines: z.array(lineQty).min(1).max(200).optional(),
  }),
  /** Where the goods go, changed before anything has left; the old receiver stays in the timeline. */
  CHANGE_RECEIVER: z.strictObject({ orderNo, receiver: receiverRecord, reason }),
  CONFIRM_RECEIPT: z.strictObject({ orderNo, reason }),
  EXTEND_RECEIPT: z.strictObject({ orderNo, reason }),
  // 审单: a supervisor decides an order on review hold (待审核).
  REVIEW_APPROVE: z.strictObject({ orderNo, note: z.string().trim().min(1).max(200).optional() }),
  /** The reason is required; the order is cancelled with a full refund or sent to the exception queue. */
  REVIEW_REJECT: z.strictObject({ orderNo, reason, then: z.enum(['CANCEL_REFUND', 'EXCEPTION']) }),
  /** An exception order decided by a supervisor, with how (the timeline keeps it); it may ship again. */
  EXCEPTION_RESOLVE: z.strictObject({ orderNo, note: reason }),
} as const;
export type IntentType = keyof typeof intentPayloads;
export const INTENT_TYPES = Object.keys(intentPayloads) as IntentType[];
export type IntentPayload<T extends IntentType> = z.infer<(typeof intentPayloads)[T]>;

/**
 * An intent is read in two steps: its envelope, then its payload by type. A malformed intent in a
 * batch is rejected on its own (with its id when it has one) and the rest of the batch still applies.
 */
export const intentEnvelope = z.strictObject({
  /** Client UUID: the service applies an id once, however often it is pushed. */
  id: z.uuid(),
  /** Per-device sequence: intents of one device apply in this order. */
  seq: z.number().int().min(1),
  clientTime: z.number().int().min(0),
  type: z.enum(INTENT_TYPES as [IntentType, ...IntentType[]]),
  payload: z.unknown(),
});

export type Intent = {
  [T in IntentType]: { id: string; seq: number; clientTime: number; type: T; payload: IntentPayload<T> };
}[IntentType];

export type ParsedIntent =
  | { ok: true; intent: Intent }
  | { ok: false; id: string | null; code: 'INVALID_INTENT' | 'UNKNOWN_INTENT_TYPE'; message: string };

export function parseIntent(raw: unknown): ParsedIntent {
  const rawId = (raw as { id?: unknown } | null)?.id;
  const id = typeof rawId === 'string' ? rawId : null;
  const envelope = intentEnvelope.safeParse(raw);
  if (!envelope.success) {
    const unknownType = envelope.error.issues.some((i) => i.path[0] === 'type' && i.code === 'invalid_value');
    return {
      ok: false,
      id,
      code: unknownType ? 'UNKNOWN_INTENT_TYPE' : 'INVALID_INTENT',
      message: envelope.error.message,
    };
  }
  const payload = intentPayloads[envelope.data.type].safeParse(envelope.data.payload);
  if (!payload.success) return { ok: false, id, code: 'INVALID_INTENT', message: payload.error.message };
  const unstorable = unstorableTextAt(envelope.data);
  if (unstorable)
    return { ok: false, id, code: 'INVALID_INTENT', message: `${unstorable.join('.')}: ${UNSTORABLE_TEXT}` };
  return { ok: true, intent: { ...envelope.data, payload: payload.data } as Intent };
}

export const MAX_PUSH_BATCH = 100;
export const pushRequest = z.strictObject({
  deviceId: z.uuid(),
  intents: z.array(z.unknown()).min(1).max(MAX_PUSH_BATCH),
});

/** Who took a redemption code first: shown to the clerk who lost the race. */
export const redemptionConflict = z.strictObject({
  redeemedBy: z.string(),
  storeId: z.string(),
  redeemedAt: z.number().int(),
});

export const intentResult = z.strictObject({
  id: z.string(),
  status: z.enum(['applied', 'duplicate', 'rejected']),
  code: z.string().optional(),
  message: z.string().optional(),
  /** Per-field reasons of a rejected dealer order, keyed by field path. */
  fieldErrors: z.record(z.string(), z.string()).optional(),
  conflict: redemptionConflict.optional(),
  /** The order as the service now holds it, so a rejection can be shown against the truth. */
  order: orderRecord.optional(),
});
export type IntentResult = z.infer<typeof intentResult>;
export const pushResponse = z.strictObject({ results: z.array(intentResult) });
export type PushResponse = z.infer<typeof pushResponse>;

export const catalogueItem = z.strictObject({
  sku: z.string(),
  merchantId: z.string(),
  name: z.string(),
  spec: z.string(),
  image: z.string(),
  listPrice: fen,
  dealerPrice: fen,
  onSale: z.boolean(),
  stock: z.number().int(),
  campaignId: z.string().nullable(),
});
export type CatalogueItem = z.infer<typeof catalogueItem>;

/** A coupon a dealer may apply (dealerId null: any dealer), as the service prices it. */
export const couponTerms = z.strictObject({
  id: z.string().max(64),
  name: z.string().max(100),
  amountOff: fen,
  thresholdFen: fen,
  dealerId: z.string().nullable(),
});
/** A campaign some catalogue items are in (CatalogueItem.campaignId), as the service prices it. */
export const campaignTerms = z.strictObject({
  id: z.string().max(64),
  name: z.string().max(100),
  thresholdFen: fen,
  rateBp: z.number().int().min(0).max(10_000).nullable(),
  amountOff: fen.nullable(),
});

/** A physical item as a warehouse desk's scanner finds it: by its EAN-13 or by its SKU code. */
export const itemCode = z.strictObject({
  sku: z.string().min(1).max(64),
  barcode: z.string().max(32).nullable(),
  name: z.string().max(200),
  spec: z.string().max(200),
});
export type ItemCode = z.infer<typeof itemCode>;

/** A warehouse's floor policy: whether a parcel may leave before every unit in it was scanned. */
export const warehousePolicy = z.strictObject({
  id: z.string().min(1).max(64),
  name: z.string().max(100),
  requireVerification: z.boolean(),
});
export type WarehousePolicy = z.infer<typeof warehousePolicy>;

export const change = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('order'), seq: z.number().int(), order: orderRecord }),
  /** Removed, or no longer in the caller's scope: either way the client forgets it. */
  z.strictObject({ type: z.literal('order_removed'), seq: z.number().int(), orderNo: z.string() }),
  z.strictObject({ type: z.literal('catalogue'), seq: z.number().int(), item: catalogueItem }),
  /** Promotion terms a dealer's desk prices drafts with offline; new terms or changed ones. */
  z.strictObject({ type: z.literal('coupon'), seq: z.number().int(), coupon: couponTerms }),
  z.strictObject({ type: z.literal('campaign'), seq: z.number().int(), campaign: campaignTerms }),
  /** Warehouse desks: the barcodes 扫描验货 checks against, and their warehouses' policies. */
  z.strictObject({ type: z.literal('item'), seq: z.number().int(), item: itemCode }),
  z.strictObject({ type: z.literal('warehouse'), seq: z.number().int(), warehouse: warehousePolicy }),
]);
export type Change = z.infer<typeof change>;

export const pullResponse = z.strictObject({
  changes: z.array(change),
  /** Opaque server sequence cursor: pass it back to continue after the last change. */
  cursor: z.string(),
  hasMore: z.boolean(),
  /** Asked for with `count`: the orders after the cursor asked with, this page's included (a first sync's progress). */
  remaining: z.number().int().min(0).optional(),
});
export type PullResponse = z.infer<typeof pullResponse>;
