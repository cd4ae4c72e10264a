import { z } from 'zod';
import { DEFAULT_SORT, orderListFilter, orderListWindow, orderListWindowInput, orderSort } from './orders';
import { LIST_COLUMNS } from './list-columns';
import { procedure } from './procedure';

export { DEFAULT_COLUMNS, LIST_COLUMNS, type ListColumn } from './list-columns';

export const listColumns = z.array(z.enum(LIST_COLUMNS)).min(1).max(LIST_COLUMNS.length);

/** An IANA zone the runtime knows ("Asia/Shanghai"): CSV times are written in it. */
export const timeZone = z
  .string()
  .min(1)
  .max(64)
  .refine(
    (zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    },
    { message: 'unknown time zone' },
  );

export const orderExportInput = z.strictObject({
  filter: orderListFilter.default({}),
  sort: orderSort.default(DEFAULT_SORT),
  columns: listColumns,
  /** Column titles in the user's language, by column. */
  headers: z.record(z.enum(LIST_COLUMNS), z.string().max(40)),
  /** Words for coded values in the user's language ("status.PENDING_SHIPMENT" → "待发货"); codes are written otherwise. */
  labels: z.record(z.string().max(60), z.string().max(40)).refine((l) => Object.keys(l).length <= 300, {
    message: 'at most 300 labels',
  }),
  timeZone,
  /** CSV (UTF-8 with BOM) or an Excel workbook. */
  format: z.enum(['csv', 'xlsx']).default('csv'),
});
export type OrderExportInput = z.input<typeof orderExportInput>;

export const orderExportStarted = z.strictObject({ exportId: z.string(), total: z.number().int().min(0) });

/** Progress of a running export; the last one has `done` (with the file) or `error`. */
export const orderExportProgress = z.strictObject({
  exportId: z.string(),
  written: z.number().int().min(0),
  total: z.number().int().min(0),
  done: z.boolean(),
  path: z.string().nullable(),
  error: z.string().nullable(),
});
export type OrderExportProgress = z.infer<typeof orderExportProgress>;

export const listProcedures = {
  'orders.window': procedure({ input: orderListWindowInput, output: orderListWindow, right: 'orders.read' }),
  // Starts writing the file and answers at once; progress arrives as orders.exportProgress events.
  'orders.export': procedure({ input: orderExportInput, output: orderExportStarted, right: 'orders.export' }),
} as const;
