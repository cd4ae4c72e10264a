import { z } from 'zod';
import { AFTER_SALE_TAB_IDS, type AfterSaleTab } from '../domain/after-sale-workbench';
import { AFTER_SALE_STATUSES, AFTER_SALE_TYPES, ORDER_STATUSES } from '../domain/vocabulary';
import { orderDetail } from './orders';
import { orderNo, procedure } from './procedure';
import { intentPayloads } from './sync';

/**
 * After-sales work on the desk: each takes its intent's payload, is applied at once on this device
 * and queued for the order service, like the order actions.
 */
export const afterSalesProcedures = {
  'aftersales.approve': procedure({
    input: intentPayloads.AFTER_SALE_APPROVE,
    output: orderDetail,
    right: 'aftersales.review',
  }),
  'aftersales.reject': procedure({
    input: intentPayloads.AFTER_SALE_REJECT,
    output: orderDetail,
    right: 'aftersales.review',
  }),
  'aftersales.receiveReturn': procedure({
    input: intentPayloads.AFTER_SALE_RECEIVE_RETURN,
    output: orderDetail,
    right: 'aftersales.receiveReturn',
  }),
  /** The buyer's return parcel as staff were told it, so the return desk finds the request by scanning it. */
  'aftersales.returnParcel': procedure({
    input: intentPayloads.AFTER_SALE_RETURN_PARCEL,
    output: orderDetail,
    right: 'aftersales.receiveReturn',
  }),
  'aftersales.refund': procedure({
    input: intentPayloads.AFTER_SALE_REFUND,
    output: orderDetail,
    right: 'aftersales.refund',
  }),
  'aftersales.shipExchange': procedure({
    input: intentPayloads.AFTER_SALE_SHIP_EXCHANGE,
    output: orderDetail,
    right: 'aftersales.shipExchange',
  }),
};

/** One request in the after-sales workbench, with what its order says about it. */
export const afterSaleRow = z.strictObject({
  orderNo: z.string(),
  afterSaleId: z.string(),
  afterSaleNo: z.string(),
  type: z.enum(AFTER_SALE_TYPES),
  status: z.enum(AFTER_SALE_STATUSES),
  reason: z.string(),
  amount: z.number().int(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  /** When its current step is due (AFTER_SALE_TARGETS); null once it has ended. */
  deadlineAt: z.number().int().nullable(),
  orderStatus: z.enum(ORDER_STATUSES),
  buyerName: z.string(),
  receiverName: z.string().nullable(),
  itemSummary: z.string(),
  payable: z.number().int(),
  warehouseId: z.string().nullable(),
  /** This desk's changes of the order not yet confirmed by the service. */
  pendingSync: z.number().int(),
});
export type AfterSaleRow = z.infer<typeof afterSaleRow>;

export const afterSaleList = z.strictObject({
  rows: z.array(afterSaleRow),
  /** Requests per tab, under the same type filter and search. */
  counts: z.record(z.enum(AFTER_SALE_TAB_IDS as [AfterSaleTab, ...AfterSaleTab[]]), z.number().int()),
});
export type AfterSaleList = z.infer<typeof afterSaleList>;

const requestRef = z.strictObject({ orderNo, afterSaleId: z.string().min(1).max(64) });

export const afterSalesWorkbenchProcedures = {
  'aftersales.list': procedure({
    input: z.strictObject({
      tab: z.enum(AFTER_SALE_TAB_IDS as [AfterSaleTab, ...AfterSaleTab[]]),
      type: z.enum(AFTER_SALE_TYPES).nullable().default(null),
      /** An order or after-sale number, or the start of one. */
      text: z.string().trim().max(40).default(''),
      limit: z.number().int().min(1).max(2000).default(500),
    }),
    output: afterSaleList,
    right: 'orders.read',
  }),
  /** Approves each request on its own; one already decided elsewhere is named and the rest go on. */
  'aftersales.batchApprove': procedure({
    input: z.strictObject({ requests: z.array(requestRef).min(1).max(200) }),
    output: z.strictObject({
      decided: z.array(z.string()),
      refused: z.array(z.strictObject({ afterSaleId: z.string(), code: z.string() })),
    }),
    right: 'aftersales.review',
  }),
};
