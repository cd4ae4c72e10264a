import { z } from 'zod';
import { orderDetail } from './orders';
import { orderNo, procedure } from './procedure';

/** One line of an order at the scanning station: what is owed and how much of it was scanned. */
export const verifyLineView = z.strictObject({
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
