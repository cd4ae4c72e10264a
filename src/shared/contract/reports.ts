import { z } from 'zod';
import { DAY_MS } from '../domain/business-day';
import { ORDER_SOURCES, PLATFORMS } from '../domain/vocabulary';
import { procedure } from './procedure';

/**
 * The reports a supervisor reads (issue "Reports"): per day or week, per platform, source,
 * warehouse and store, computed by the service over the caller's scope. Money in fen, times in
 * epoch ms; a day is a business day (domain/business-day.ts), a week starts on Monday.
 */
const count = z.number().int().min(0);
const fen = z.number().int();
const ms = z.number().int().min(0);

export const REPORT_BUCKETS = ['day', 'week'] as const;
export type ReportBucket = (typeof REPORT_BUCKETS)[number];

/** At most a year at a time: a report is read often, and a year of days is 366 rows. */
export const MAX_REPORT_RANGE_MS = 366 * DAY_MS;

export const reportQuery = z
  .strictObject({
    from: z.coerce.number().int().min(0),
    to: z.coerce.number().int().min(0),
    bucket: z.enum(REPORT_BUCKETS).default('day'),
  })
  .refine((q) => q.to > q.from && q.to - q.from <= MAX_REPORT_RANGE_MS, {
    message: 'to must be after from, at most 366 days later',
    path: ['to'],
  });
export type ReportQuery = z.infer<typeof reportQuery>;

/** What a slice of the orders came to: paid orders and their payable, shipments, refunds. */
export const reportFigures = z.strictObject({
  orders: count,
  gmv: fen,
  shipped: count,
  refunds: count,
  refundAmount: fen,
});
export type ReportFigures = z.infer<typeof reportFigures>;

export const leadTimes = z.strictObject({ p50: ms.nullable(), p90: ms.nullable() });

export const reportAnswer = z.strictObject({
  from: ms,
  to: ms,
  bucket: z.enum(REPORT_BUCKETS),
  generatedAt: ms,
  totals: reportFigures.extend({
    /** Refunds per paid order, in basis points (a refund rate of 3.25 % is 325). */
    refundRateBp: count,
    /** From payment to shipment. */
    leadTime: leadTimes,
  }),
  /** Each day or week of the range, the first one first; its start as a China date (2025-03-14). */
  periods: z.array(reportFigures.extend({ period: z.string() })),
  platforms: z.array(reportFigures.extend({ platform: z.enum(PLATFORMS) })),
  sources: z.array(reportFigures.extend({ source: z.enum(ORDER_SOURCES) })),
  warehouses: z.array(reportFigures.extend({ warehouseId: z.string(), name: z.string(), leadTime: leadTimes })),
  stores: z.array(z.strictObject({ storeId: z.string(), name: z.string(), redemptions: count })),
  /** Desk users who shipped: how many orders, in how many clock hours, and the busiest hour's count. */
  shippers: z.array(
    z.strictObject({
      actor: z.string(),
      name: z.string(),
      shipped: count,
      activeHours: count,
      perHour: z.number().min(0),
      busiestHour: count,
    }),
  ),
});
export type ReportAnswer = z.infer<typeof reportAnswer>;

/** A report on the desk: the service's answer, or the last one kept when the service cannot be reached. */
export const deskReport = z.strictObject({
  report: reportAnswer.nullable(),
  fetchedAt: z.number().int().nullable(),
  /** The service could not be asked now: `report` is the one kept from `fetchedAt` (or none). */
  offline: z.boolean(),
  failure: z.string().nullable(),
});
export type DeskReport = z.infer<typeof deskReport>;

export const reportProcedures = {
  'reports.summary': procedure({ input: reportQuery, output: deskReport, right: 'reports.read' }),
};
