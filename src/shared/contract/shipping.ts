import { z } from 'zod';
import { ORDER_REFUSALS } from '../domain/order-actions';
import { procedure } from './procedure';

/** What a batch file's rows can be faulted for on their own (src/shared/shipping/batch-csv.ts). */
export const BATCH_ROW_ERRORS = [
  'MISSING_FIELD',
  'UNKNOWN_CARRIER',
  'TRACKING_EMPTY',
  'TRACKING_FORMAT',
  'DUPLICATE_ORDER_IN_FILE',
  'DUPLICATE_TRACKING_IN_FILE',
] as const;
export type BatchRowError = (typeof BATCH_ROW_ERRORS)[number];

/** What the desk's store adds to a row the file itself could not fault. */
export const BATCH_STORE_ERRORS = [
  'ORDER_NOT_FOUND',
  'TRACKING_IN_USE',
  'VERIFICATION_REQUIRED',
  ...ORDER_REFUSALS,
] as const;
export const BATCH_ERRORS = [...BATCH_ROW_ERRORS, ...BATCH_STORE_ERRORS] as const;
export type BatchError = (typeof BATCH_ERRORS)[number];

export const batchRowResult = z.strictObject({
  line: z.number().int(),
  orderNo: z.string(),
  carrier: z.string(),
  trackingNo: z.string(),
  error: z.enum(BATCH_ERRORS).nullable(),
  /** For TRACKING_IN_USE: the order of this desk's copy that already holds the number. */
  heldBy: z.string().max(40).optional(),
  /** After applying: the row was shipped (queued for the service). */
  shipped: z.boolean(),
});
export type BatchRowResult = z.infer<typeof batchRowResult>;

// Under the HTTP bridge's 1 MiB body cap even when every character is three UTF-8 bytes.
const batchInput = z.strictObject({ csv: z.string().min(1).max(300_000) });
const batchOutput = z.strictObject({ rows: z.array(batchRowResult).max(5_000) });

/**
 * Batch shipping from a CSV: the preview judges every row against this device's copy of the
 * orders; applying judges them again (the orders may have moved since) and ships only the good
 * rows, each as its own single-parcel shipment of everything the order still owes.
 */
export const shippingProcedures = {
  'shipping.previewBatch': procedure({ input: batchInput, output: batchOutput, right: 'orders.ship' }),
  'shipping.applyBatch': procedure({ input: batchInput, output: batchOutput, right: 'orders.ship' }),
};
