import { z } from 'zod';
import {
  LIST_TIME_FIELDS,
  ORDER_KINDS,
  ORDER_SOURCES,
  ORDER_STATUSES,
  PAYMENT_CHANNELS,
  PAYMENT_STATUSES,
  PLATFORMS,
  REFUND_STATUSES,
} from '../domain/vocabulary';
import { DEADLINE_KINDS } from '../domain/deadlines';
import { DEFAULT_SORT, ORDER_SORT_FIELDS, SORT_DIRECTIONS } from './order-sort';
import { orderRecord } from './records';

export { DEFAULT_SORT, ORDER_SORT_FIELDS } from './order-sort';

const epochMs = z.number().int().min(0);
const someOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.array(z.enum(values)).max(values.length).optional();
const ids = z.array(z.string().min(1).max(64)).max(200).optional();

/** The search area of the order list (domain.md "Order list"). Every field narrows; absent means any. */
export const orderListFilter = z.strictObject({
  orderNo: z.string().trim().min(1).max(40).optional(),
  statuses: someOf(ORDER_STATUSES),
  paymentStatuses: someOf(PAYMENT_STATUSES),
  refundStatuses: someOf(REFUND_STATUSES),
  kinds: someOf(ORDER_KINDS),
  sources: someOf(ORDER_SOURCES),
  platforms: someOf(PLATFORMS),
  paymentChannels: someOf(PAYMENT_CHANNELS),
  provinces: z.array(z.string().min(1).max(20)).max(40).optional(),
  warehouseIds: ids,
  storeIds: ids,
  dealerIds: ids,
  locked: z.boolean().optional(),
  exception: z.boolean().optional(),
  /** 物流异常: a parcel returned or refused, or one in transit with no news for `quietDays`. */
  logisticsAnomaly: z.strictObject({ quietDays: z.number().int().min(1).max(30) }).optional(),
  time: z
    .strictObject({ field: z.enum(LIST_TIME_FIELDS), from: epochMs.optional(), to: epochMs.optional() })
    .refine((t) => t.from === undefined || t.to === undefined || t.from <= t.to, {
      message: 'from must not be after to',
    })
    .optional(),
  /** Due soon: orders whose next deadline is at or before this (overdue ones included). */
  dueBefore: epochMs.optional(),
  /** Free text over order no., receiver name, phone and tracking numbers. */
  text: z.string().trim().min(1).max(60).optional(),
  /** Exactly these orders (a selection made in the list, exported or acted on as a batch). */
  orderNos: z.array(z.string().trim().min(6).max(40)).min(1).max(10_000).optional(),
});
export type OrderListFilter = z.infer<typeof orderListFilter>;

export const orderSort = z.strictObject({
  field: z.enum(ORDER_SORT_FIELDS),
  direction: z.enum(SORT_DIRECTIONS),
});
export type OrderSort = z.infer<typeof orderSort>;

export const orderListInput = z.strictObject({
  filter: orderListFilter.default({}),
  sort: orderSort.default(DEFAULT_SORT),
  limit: z.number().int().min(1).max(500).default(200),
  /** Opaque keyset cursor from the previous page; absent for the first page. */
  after: z.string().max(200).optional(),
});
export type OrderListInput = z.input<typeof orderListInput>;

export const orderListRow = z.strictObject({
  orderNo: z.string(),
  parentNo: z.string(),
  kind: z.enum(ORDER_KINDS),
  source: z.enum(ORDER_SOURCES),
  platform: z.enum(PLATFORMS),
  status: z.enum(ORDER_STATUSES),
  paymentStatus: z.enum(PAYMENT_STATUSES),
  refundStatus: z.enum(REFUND_STATUSES),
  locked: z.boolean(),
  exception: z.string().nullable(),
  paymentChannel: z.enum(PAYMENT_CHANNELS).nullable(),
  paymentSerialNo: z.string().nullable(),
  merchantName: z.string(),
  warehouseId: z.string().nullable(),
  storeId: z.string().nullable(),
  dealerId: z.string().nullable(),
  buyerAccount: z.string(),
  receiverName: z.string().nullable(),
  receiverPhone: z.string().nullable(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  itemSummary: z.string(),
  itemCount: z.number().int(),
  payable: z.number().int(),
  trackingNos: z.string(),
  createdAt: epochMs,
  paidAt: epochMs.nullable(),
  shippedAt: epochMs.nullable(),
  /** The next deadline (auto-cancel, auto-confirm, end of the after-sales window), if any. */
  dueAt: epochMs.nullable(),
  dueKind: z.enum(DEADLINE_KINDS).nullable(),
  /** Local intents not yet answered by the order service. */
  pendingSync: z.number().int().min(0),
});
export type OrderListRow = z.infer<typeof orderListRow>;

export const orderListPage = z.strictObject({
  rows: z.array(orderListRow),
  /** Cursor for the next page, null on the last page. */
  next: z.string().nullable(),
});
export type OrderListPage = z.infer<typeof orderListPage>;

export const statusCounts = z.strictObject({
  all: z.number().int(),
  byStatus: z.record(z.enum(ORDER_STATUSES), z.number().int()),
});
export type StatusCounts = z.infer<typeof statusCounts>;

export const orderDetail = orderRecord.extend({ pendingSync: z.number().int().min(0) });
export type OrderDetail = z.infer<typeof orderDetail>;

/** A window at a position of a filtered, sorted result: what a virtual scroller needs at any depth. */
export const orderListWindowInput = z.strictObject({
  filter: orderListFilter.default({}),
  sort: orderSort.default(DEFAULT_SORT),
  offset: z.number().int().min(0).max(100_000_000),
  limit: z.number().int().min(1).max(500).default(200),
});
export type OrderListWindowInput = z.input<typeof orderListWindowInput>;

export const orderListWindow = z.strictObject({
  /** Every order matching the filter, in the caller's scope. */
  total: z.number().int().min(0),
  /** Where `rows` start, as asked; no rows when it is at or past the end. */
  offset: z.number().int().min(0),
  rows: z.array(orderListRow),
});
export type OrderListWindow = z.infer<typeof orderListWindow>;
