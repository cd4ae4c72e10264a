import { z } from 'zod';
import { EXCEPTION_REASON_CODES } from '../domain/exception-reasons';
import { ORDER_SOURCES, PLATFORMS } from '../domain/vocabulary';
import { recheckAnswer } from './admin';
import { exceptionRecord, orderRecord } from './records';
import { procedure } from './procedure';
import { orderDetail } from './orders';

const orderNo = z.string().trim().min(6).max(40);

/** An order waiting in the 异常订单 queue, as the queue lists it. */
export const exceptionOrderRow = z.strictObject({
  orderNo: z.string(),
  source: z.enum(ORDER_SOURCES),
  platform: z.enum(PLATFORMS),
  shopName: z.string().nullable(),
  warehouseId: z.string().nullable(),
  buyerName: z.string(),
  itemSummary: z.string(),
  payable: z.number().int(),
  paidAt: z.number().int().nullable(),
  exception: exceptionRecord,
  /** Held at intake (heldAtIntake): released on the service, by a SKU mapping or an accepted reason. */
  heldAtIntake: z.boolean(),
  /** Decided on this desk, waiting to sync. */
  pendingSync: z.number().int(),
});
export type ExceptionOrderRow = z.infer<typeof exceptionOrderRow>;

/** Lines of a held order mapped to our SKUs: the service finds the platform's ids in the order it keeps. */
export const mapSkuInput = z.strictObject({
  lines: z
    .array(z.strictObject({ lineNo: z.number().int().min(1), sku: z.string().trim().min(1).max(64) }))
    .min(1)
    .max(200),
});

/** Reasons a supervisor accepts (ship as charged): the held order is checked again without them. */
export const releaseInput = z.strictObject({
  waive: z.array(z.enum(EXCEPTION_REASON_CODES)).max(EXCEPTION_REASON_CODES.length).default([]),
});

export const exceptionOrderProcedures = {
  'exceptionOrders.queue': procedure({
    input: z.strictObject({
      reason: z.enum(EXCEPTION_REASON_CODES).nullable().default(null),
      limit: z.number().int().min(1).max(2000).default(500),
    }),
    output: z.array(exceptionOrderRow),
    right: 'orders.resolveException',
  }),
  /** Decided with a note (offline too): the order may ship again. */
  'exceptionOrders.resolve': procedure({
    input: z.strictObject({ orderNo, note: z.string().trim().min(1).max(200) }),
    output: orderDetail,
    right: 'orders.resolveException',
  }),
  /** Online: the shop's platform items become our SKUs, and the orders they held are released. */
  'exceptionOrders.mapSku': procedure({
    input: mapSkuInput.extend({ orderNo }),
    output: recheckAnswer,
    right: 'orders.resolveException',
  }),
  /** Online: the order moves to another warehouse (转仓) with its stock held there. */
  'exceptionOrders.transfer': procedure({
    input: z.strictObject({ orderNo, warehouseId: z.string().trim().min(1).max(64) }),
    output: orderRecord,
    right: 'orders.resolveException',
  }),
  /** Online: checked again, the waived reasons accepted; released when nothing else is wrong. */
  'exceptionOrders.release': procedure({
    input: releaseInput.extend({ orderNo }),
    output: recheckAnswer,
    right: 'orders.resolveException',
  }),
};
