import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { z } from 'zod';
import type { TimerConfig } from '../../shared/domain/timers';
import { orderListInput, type OrderListFilter, type OrderSort } from '../../shared/contract/orders';
import { FILTER_FIELDS, ORDER_FILTERS, type FilterKind, type OrderColumn } from '../../shared/query/order-filters';
import type { Caller } from '../auth/caller';
import type { Deps } from '../deps';
import { ApiError } from '../http/errors';
import { allOf, inList, likeContains, type Clause } from '../storage/sql';
import { scopeClause, sees } from './scope';

const list = z.string().max(2000).optional();

/**
 * The search area of the order list (orderListFilter) as flat query parameters: lists are comma
 * separated, the time range is timeField/timeFrom/timeTo, the sort is "field:direction".
 */
export const listQuery = z.strictObject({
  orderNo: z.string().optional(),
  statuses: list,
  paymentStatuses: list,
  refundStatuses: list,
  kinds: list,
  sources: list,
  platforms: list,
  paymentChannels: list,
  provinces: list,
  warehouseIds: list,
  storeIds: list,
  dealerIds: list,
  locked: z.enum(['true', 'false']).optional(),
  exception: z.enum(['true', 'false']).optional(),
  timeField: z.string().optional(),
  timeFrom: z.string().optional(),
  timeTo: z.string().optional(),
  text: z.string().optional(),
  externalOrderNo: z.string().max(64).optional().describe('the platform’s own order number (exact)'),
  dueBefore: z.string().optional().describe('epoch ms: orders whose next deadline is at or before it'),
  sort: z.string().max(40).optional().describe('field:direction, e.g. createdAt:desc (default)'),
  limit: z.string().optional().describe('1..500, default 200'),
  after: z.string().max(200).optional().describe('the `next` of the previous page'),
});
export type ListQuery = z.infer<typeof listQuery>;

const splitList = (text: string | undefined) =>
  text === undefined
    ? undefined
    : text
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part !== '');
const number = (text: string | undefined) => (text === undefined || text === '' ? undefined : Number(text));
const minusOne = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? value : value - 1);
const bool = (text: 'true' | 'false' | undefined) => (text === undefined ? undefined : text === 'true');

/** The flat query turned into the shared orderListInput, which then validates it. */
function toListInput(q: ListQuery): unknown {
  const [field, direction] = (q.sort ?? '').split(':');
  return {
    filter: {
      orderNo: q.orderNo,
      statuses: splitList(q.statuses),
      paymentStatuses: splitList(q.paymentStatuses),
      refundStatuses: splitList(q.refundStatuses),
      kinds: splitList(q.kinds),
      sources: splitList(q.sources),
      platforms: splitList(q.platforms),
      paymentChannels: splitList(q.paymentChannels),
      provinces: splitList(q.provinces),
      warehouseIds: splitList(q.warehouseIds),
      storeIds: splitList(q.storeIds),
      dealerIds: splitList(q.dealerIds),
      locked: bool(q.locked),
      exception: bool(q.exception),
      // The HTTP query's timeTo is exclusive (consecutive ranges never count an order twice); the
      // filter's `to` is inclusive, as everywhere else: one millisecond before.
      time:
        q.timeField === undefined
          ? undefined
          : { field: q.timeField, from: number(q.timeFrom), to: minusOne(number(q.timeTo)) },
      text: q.text,
      dueBefore: number(q.dueBefore),
    },
    sort: q.sort === undefined ? undefined : { field, direction },
    limit: number(q.limit),
    after: q.after,
  };
}

/** The service's name of each order column a filter narrows (src/shared/query/order-filters.ts). */
const SERVICE_COLUMNS: Record<OrderColumn, string> = {
  status: 'status',
  paymentStatus: 'payment_status',
  refundStatus: 'refund_status',
  kind: 'kind',
  source: 'source',
  platform: 'platform',
  paymentChannel: 'payment_channel',
  province: 'province',
  warehouse: 'warehouse_id',
  store: 'store_id',
  dealer: 'dealer_id',
  orderNo: 'order_no',
  locked: 'locked',
  exception: 'has_exception',
  createdAt: 'created_at',
  paidAt: 'paid_at',
  shippedAt: 'shipped_at',
};

/**
 * One clause per field present, built from the filter table both stores share. The number finds
 * an order or all children of a parent; free text searches the lower-cased search column.
 */
function filterClauses(filter: OrderListFilter): Clause[] {
  const clauses: Clause[] = [];
  for (const field of FILTER_FIELDS) {
    const value = filter[field];
    if (value === undefined) continue;
    const spec: FilterKind = ORDER_FILTERS[field];
    switch (spec.kind) {
      case 'oneOf': {
        const clause = inList(SERVICE_COLUMNS[spec.column], value as readonly string[]);
        if (clause) clauses.push(clause);
        break;
      }
      case 'flag':
      case 'present':
        clauses.push(sql<SqlBool>`${sql.ref(SERVICE_COLUMNS[spec.column])} = ${value as boolean}`);
        break;
      case 'timeRange': {
        const range = value as NonNullable<OrderListFilter['time']>;
        const column = sql.ref(SERVICE_COLUMNS[range.field]);
        if (range.from !== undefined) clauses.push(sql<SqlBool>`${column} >= ${range.from}`);
        if (range.to !== undefined) clauses.push(sql<SqlBool>`${column} <= ${range.to}`);
        break;
      }
      case 'orderNo':
        clauses.push(sql<SqlBool>`order_no = ${value as string} OR parent_no = ${value as string}`);
        break;
      case 'text':
        clauses.push(sql<SqlBool>`search_text LIKE ${likeContains((value as string).toLowerCase())} ESCAPE '\\'`);
        break;
      case 'logisticsAnomaly':
        // The desk's filter (its tracking columns); the service keeps no such columns.
        break;
      case 'dueBefore':
        // Worked out with the service's timers where the list is built (dueAt).
        break;
    }
  }
  return clauses;
}

/**
 * The next deadline (shared nextDeadline) in SQL: an unpaid order's auto-cancel, a shipped one's
 * stored auto-confirm date, a completed parcel order's end of the after-sales window.
 */
const dueAt = (timers: TimerConfig) => sql<number>`CASE
  WHEN status = 'PENDING_PAYMENT' THEN created_at + ${sql.lit(timers.unpaidCancelMs)}
  WHEN status = 'PENDING_RECEIPT' THEN confirm_due_at
  WHEN status = 'COMPLETED' AND kind = 'PHYSICAL' THEN completed_at + ${sql.lit(timers.afterSalesWindowMs)}
  END`;

/** Unset times sort as 0 (first ascending, last descending) in both SQLite and PostgreSQL. */
const sortExpressions = (timers: TimerConfig): Record<OrderSort['field'], RawBuilder<number>> => ({
  createdAt: sql<number>`created_at`,
  paidAt: sql<number>`COALESCE(paid_at, 0)`,
  shippedAt: sql<number>`COALESCE(shipped_at, 0)`,
  payable: sql<number>`payable`,
  dueAt: sql<number>`COALESCE(${dueAt(timers)}, 0)`,
});

/** The keyset cursor carries the sort it belongs to: reused with another sort it is refused. */
const cursorKey = (sort: OrderSort) => `${sort.field}:${sort.direction}`;
const encodeCursor = (sort: OrderSort, value: number, orderNo: string) =>
  Buffer.from(JSON.stringify([cursorKey(sort), value, orderNo])).toString('base64url');

function decodeCursor(sort: OrderSort, text: string): { value: number; orderNo: string } {
  try {
    const [key, value, orderNo] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    if (key === cursorKey(sort) && Number.isSafeInteger(value) && typeof orderNo === 'string') {
      return { value: value as number, orderNo };
    }
  } catch {
    // falls through to the refusal below
  }
  throw new ApiError('BAD_CURSOR', 'Unknown page cursor: start again from the first page');
}

/**
 * A page of the caller's orders, newest first by default, with a keyset cursor (any depth costs the
 * same). Records are joined from their stored JSON like a pull page.
 */
export async function listOrders(deps: Deps, caller: Caller, query: ListQuery): Promise<string> {
  const parsed = orderListInput.safeParse(toListInput(query));
  if (!parsed.success) {
    throw new ApiError('VALIDATION_FAILED', 'The list query is not valid', {
      issues: parsed.error.issues.map((i) => ({ path: `query.${i.path.join('.')}`, message: i.message })),
    });
  }
  const { filter, sort, limit, after } = parsed.data;
  const { timers } = deps.config;
  const due = filter.dueBefore === undefined ? null : sql<SqlBool>`${dueAt(timers)} <= ${filter.dueBefore}`;
  const where = allOf([
    scopeClause(caller.scope),
    ...filterClauses(filter),
    ...(query.externalOrderNo ? [sql<SqlBool>`external_order_no = ${query.externalOrderNo}`] : []),
    ...(due ? [due] : []),
  ]);
  const keyset = after === undefined ? null : decodeCursor(sort, after);
  const rows = await deps.store.unit((tx) =>
    tx.orders.list({
      where,
      sortExpr: sortExpressions(timers)[sort.field],
      direction: sort.direction,
      after: keyset,
      limit: limit + 1,
    }),
  );
  const page = rows.slice(0, limit).filter((row) => sees(caller.scope, row.scope));
  const last = rows.length > limit ? rows[limit - 1] : undefined;
  const next = last ? JSON.stringify(encodeCursor(sort, last.sortValue, last.orderNo)) : 'null';
  return `{"orders":[${page.map((row) => row.json).join(',')}],"next":${next}}`;
}

export async function getOrder(deps: Deps, caller: Caller, orderNo: string): Promise<string> {
  const row = await deps.store.unit((tx) => tx.orders.get(orderNo));
  if (!row || !sees(caller.scope, row)) throw new ApiError('ORDER_NOT_FOUND', `No order ${orderNo}`);
  return row.json;
}
