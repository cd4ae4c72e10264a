import type { AmountsRecord, OrderRecord } from '../contract/records';

/** What a new child order is made of; everything else starts as the machine's initial state. */
export type ChildDraft = Pick<
  OrderRecord,
  | 'orderNo'
  | 'parentNo'
  | 'kind'
  | 'source'
  | 'platform'
  | 'merchantId'
  | 'merchantName'
  | 'warehouseId'
  | 'storeId'
  | 'dealerId'
  | 'buyer'
  | 'receiver'
  | 'lines'
  | 'promotions'
  | 'invoice'
  | 'remark'
  | 'createdAt'
> & { amounts: Omit<AmountsRecord, 'paid'>; external?: OrderRecord['external'] };

/** A new order is 待付款 and untouched; payment, if any, is applied through the machine afterwards. */
export const draftRecord = (draft: ChildDraft): OrderRecord => ({
  ...draft,
  status: 'PENDING_PAYMENT',
  paymentStatus: 'UNPAID',
  refundStatus: 'NONE',
  locked: false,
  lockReason: null,
  exception: null,
  external: draft.external ?? null,
  amounts: { ...draft.amounts, paid: 0 },
  payment: { channel: null, serialNo: null },
  waybills: [],
  afterSales: [],
  redemptionCode: null,
  timeline: [],
  paidAt: null,
  shippedAt: null,
  completedAt: null,
  updatedAt: draft.createdAt,
});
