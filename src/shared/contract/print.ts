import { z } from 'zod';
import { orderDetail } from './orders';
import { orderNo, procedure } from './procedure';

/**
 * A print run's orders are read in one call: 200 packing slips one by one would be 200 round
 * trips through the HTTP bridge. The cap keeps one answer a few MB at most; a longer selection
 * is refused as a whole (VALIDATION_FAILED) and the renderer says to print it in parts.
 */
export const PRINT_MAX_ORDERS = 500;

/** What a saved PDF may be called: a plain file name, so it can never point outside the chosen folder. */
const pdfFileName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[\w\-. ]+\.pdf$/);

export const printProcedures = {
  'print.orders': procedure({
    input: z.strictObject({ orderNos: z.array(orderNo).min(1).max(PRINT_MAX_ORDERS) }),
    output: z.strictObject({
      /** In the order asked, each once. */
      orders: z.array(orderDetail),
      /** Asked for but not on this device or out of the user's scope (the two answer alike). */
      missing: z.array(z.string()),
    }),
    right: 'orders.read',
  }),
  /**
   * Saves the print view as a PDF where the user chooses. Electron renders the window with print
   * media (webContents.printToPDF); browser mode answers NOT_SUPPORTED and the renderer opens the
   * browser's print dialog instead, whose "Save as PDF" produces the same file.
   */
  'print.toPdf': procedure({
    input: z.strictObject({ fileName: pdfFileName }),
    /** null: the user closed the save dialog. */
    output: z.strictObject({ path: z.string().nullable() }),
    right: 'orders.read',
  }),
};
