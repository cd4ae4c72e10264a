import { z } from 'zod';
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
  'labels.void': procedure({
    input: z.strictObject({ trackingNo: z.string().trim().min(1).max(40), reason: z.string().trim().min(1).max(200) }),
    output: labelBlock,
    right: 'orders.ship',
  }),
};
