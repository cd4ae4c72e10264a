import { z } from 'zod';
import { AFTER_SALE_STATUSES, AFTER_SALE_TYPES } from '../domain/vocabulary';
import { orderDetail } from './orders';
import { orderNo, procedure } from './procedure';
import { intentPayloads } from './sync';

/** One line of an order at the scanning station: what is owed and how much of it was scanned. */
export const verifyLineView = z.strictObject({
  /** The order the line is of: the opened one, or another order of its merge (合单). */
  orderNo: z.string(),
  lineNo: z.number().int().min(1),
  sku: z.string(),
  barcode: z.string().nullable(),
  name: z.string(),
  spec: z.string(),
  owed: z.number().int().min(0),
  verified: z.number().int().min(0),
});
export type VerifyLineView = z.infer<typeof verifyLineView>;

export const verifyState = z.strictObject({
  orderNo: z.string(),
  status: z.string(),
  warehouseId: z.string().nullable(),
  receiverName: z.string(),
  /** This order's warehouse ships a parcel only once every unit in it was scanned. */
  requireVerification: z.boolean(),
  complete: z.boolean(),
  /** Why the order cannot ship at all now (ORDER_LOCKED, SHIPPING_INTERCEPTED, …), or null. */
  blockedBy: z.string().nullable(),
  /** 拆单: this parcel is part `no` of `of`; its lines are what the part holds. */
  part: z.strictObject({ no: z.number().int().min(1), of: z.number().int().min(2) }).nullable(),
  /** 合单: the merge's other orders, whose lines are verified into the same parcel. */
  mergedWith: z.array(z.string()),
  lines: z.array(verifyLineView),
});
export type VerifyState = z.infer<typeof verifyState>;

export const SCAN_REFUSALS = ['WRONG_ITEM', 'EXTRA_UNIT'] as const;

export const scanResult = z.strictObject({
  accepted: z.boolean(),
  refusal: z.enum(SCAN_REFUSALS).nullable(),
  /** The scanned item as the desk knows it (a wrong item is named too), or null for an unknown code. */
  item: z.strictObject({ sku: z.string(), name: z.string(), spec: z.string() }).nullable(),
  lineNo: z.number().int().nullable(),
  state: verifyState,
});
export type ScanResult = z.infer<typeof scanResult>;

export const shiftCount = z.strictObject({
  since: z.number().int(),
  orders: z.number().int().min(0),
  parcels: z.number().int().min(0),
  units: z.number().int().min(0),
});
export type ShiftCount = z.infer<typeof shiftCount>;

export const labelBlock = z.strictObject({
  carrier: z.string(),
  warehouseId: z.string(),
  free: z.number().int().min(0),
  used: z.number().int().min(0),
  voided: z.number().int().min(0),
});
export type LabelBlock = z.infer<typeof labelBlock>;

const carrier = z.string().min(1).max(16);

/** Thermal label stock: 100×150 mm (the carriers' standard 一联单) or 76×130 mm. */
export const LABEL_SIZES = ['100x150', '76x130'] as const;
export type LabelSize = (typeof LABEL_SIZES)[number];

/** One 电子面单 to print: the order, the number its label carries, and who sends it. */
export const labelToPrint = z.strictObject({
  order: orderDetail,
  trackingNo: z.string(),
  carrier: z.string(),
  sender: z.strictObject({ name: z.string(), warehouse: z.string() }),
  /** 合单: the merge's other orders, whose goods travel in the same parcel under this one label. */
  mergedWith: z.array(
    z.strictObject({
      orderNo: z.string(),
      lines: z.array(z.strictObject({ name: z.string(), spec: z.string(), quantity: z.number().int() })),
    }),
  ),
});
export type LabelToPrint = z.infer<typeof labelToPrint>;
const warehouseId = z.string().min(1).max(64);

const itemCodeInput = z.string().trim().min(1).max(64);

/**
 * 扫描验货 at a warehouse desk: open an order by its number, scan its items (or type a count of
 * one), start over; the shift's running count. Shipping itself stays `orders.ship`, which checks
 * the scans against the warehouse's policy.
 */
export const floorProcedures = {
  'floor.open': procedure({ input: z.strictObject({ orderNo }), output: verifyState, right: 'orders.ship' }),
  'floor.scan': procedure({
    input: z.strictObject({ orderNo, code: itemCodeInput, quantity: z.number().int().min(1).max(9999).default(1) }),
    output: scanResult,
    right: 'orders.ship',
  }),
  'floor.reset': procedure({ input: z.strictObject({ orderNo }), output: verifyState, right: 'orders.ship' }),
  'floor.shift': procedure({ input: z.strictObject({}), output: shiftCount, right: 'orders.ship' }),
  /** This desk's reserved 电子面单 numbers; topped up from the service's pool when online and low. */
  'labels.topUp': procedure({
    input: z.strictObject({ carrier, warehouseId }),
    output: labelBlock.extend({ online: z.boolean() }),
    right: 'orders.ship',
  }),
  /** The number for an order's label, from this desk's block (offline too); a reprint gets the same one. */
  'labels.take': procedure({
    input: z.strictObject({ orderNo, carrier }),
    output: z.strictObject({ trackingNo: z.string(), carrier: z.string() }),
    right: 'orders.ship',
  }),
  /**
   * Labels for orders in the order given (the batch queue sends them in pick order): each takes its
   * number from the block (a reprint keeps its number). Stops at the first order it cannot label and
   * names it in `refused`, so a roll never prints half a batch with gaps.
   */
  'labels.prepare': procedure({
    input: z.strictObject({ orderNos: z.array(orderNo).min(1).max(200), carrier }),
    output: z.strictObject({
      labels: z.array(labelToPrint),
      refused: z.strictObject({ orderNo: z.string(), reason: z.string() }).nullable(),
    }),
    right: 'orders.ship',
  }),
  /**
   * Prints the label view silently to a chosen thermal printer at the label's page size (Electron,
   * webContents.print with deviceName). Browser mode answers NOT_SUPPORTED: the renderer opens the
   * print dialog, where "Save as PDF" gives the same pages.
   */
  'labels.printSilently': procedure({
    input: z.strictObject({ deviceName: z.string().trim().min(1).max(200), size: z.enum(LABEL_SIZES) }),
    output: z.strictObject({ printed: z.boolean() }),
    right: 'orders.ship',
  }),
  'labels.void': procedure({
    input: z.strictObject({ trackingNo: z.string().trim().min(1).max(40), reason: z.string().trim().min(1).max(200) }),
    output: labelBlock,
    right: 'orders.ship',
  }),
};

/** 退货扫描: the request a buyer's return parcel belongs to, found by the number on the parcel. */
export const returnParcel = z.strictObject({
  orderNo: z.string(),
  afterSaleId: z.string(),
  afterSaleNo: z.string(),
  type: z.enum(AFTER_SALE_TYPES),
  status: z.enum(AFTER_SALE_STATUSES),
});
export type ReturnParcel = z.infer<typeof returnParcel>;

export const returnProcedures = {
  'returns.find': procedure({
    input: z.strictObject({ trackingNo: z.string().trim().min(1).max(40) }),
    output: returnParcel,
    right: 'aftersales.receiveReturn',
  }),
};

const orderNos = z.strictObject({ orderNos: z.array(z.string()) });

/**
 * 拆单 and 合单 before shipping, as intents the service re-runs. A merge is one intent per order,
 * queued together; its shipment is one parcel per order under one tracking number.
 */
export const shipmentProcedures = {
  'orders.split': procedure({ input: intentPayloads.SPLIT, output: orderDetail, right: 'orders.ship' }),
  'orders.unsplit': procedure({ input: intentPayloads.UNSPLIT, output: orderDetail, right: 'orders.ship' }),
  /** Orders this desk holds that could join one order in a merge (same buyer, receiver, warehouse; shippable). */
  'orders.mergeCandidates': procedure({ input: z.strictObject({ orderNo }), output: orderNos, right: 'orders.ship' }),
  'orders.merge': procedure({
    input: z.strictObject({ orderNos: z.array(orderNo).min(2).max(20) }),
    output: orderNos.extend({ mergeId: z.string() }),
    right: 'orders.ship',
  }),
  /** Undoes the merge of an order for every order of it this desk holds. */
  'orders.unmerge': procedure({ input: z.strictObject({ orderNo }), output: orderNos, right: 'orders.ship' }),
  /** Ships every order of a merge at once: everything each still owes, in one parcel under one number. */
  'orders.shipMerge': procedure({
    input: z.strictObject({
      orderNo,
      carrier: z.string().min(1).max(16),
      trackingNo: z.string().trim().min(1).max(40),
    }),
    output: orderNos,
    right: 'orders.ship',
  }),
};
