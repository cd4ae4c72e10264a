import type { OrderListFilter } from '../contract/orders';
import type { ListTimeField } from '../domain/vocabulary';

/**
 * The order columns a filter may narrow, by their meaning; each store names them its own way
 * (the desk's receiver_province is the service's province) in a map the compiler holds complete.
 */
export type OrderColumn =
  | 'status'
  | 'paymentStatus'
  | 'refundStatus'
  | 'kind'
  | 'source'
  | 'platform'
  | 'paymentChannel'
  | 'province'
  | 'warehouse'
  | 'store'
  | 'dealer'
  | 'orderNo'
  | 'locked'
  | 'exception'
  | ListTimeField;

/**
 * How one field of the filter narrows the orders:
 * - `oneOf`: the column is one of the values; an empty list, like an absent field, narrows nothing;
 * - `flag`: a yes/no column equals the value;
 * - `present`: the column (an exception's text) is there, or is not;
 * - `timeRange`: the field's time column lies from `from` to `to`, both inclusive; an order
 *   without that time (unpaid, unshipped) never matches;
 * - `orderNo`: an order number, or the start of one (a parent number finds its children);
 * - `text`: free text over order no., receiver name and phone, tracking numbers (each store
 *   searches with what it has: the desk a trigram index, the service a search column);
 * - `logisticsAnomaly`: 物流异常, a parcel returned or refused, or one in transit quiet for that many
 *   days (src/shared/domain/logistics-watch.ts). Only the desk keeps the columns it needs; the
 *   service's list does not narrow by it.
 * - `dueBefore`: the order's next deadline (src/shared/domain/deadlines.ts) is at or before the
 *   time: the desk keeps it as a column, the service works it out with its own timers.
 */
export type FilterKind =
  | { kind: 'oneOf'; column: OrderColumn }
  | { kind: 'flag'; column: OrderColumn }
  | { kind: 'present'; column: OrderColumn }
  | { kind: 'timeRange' }
  | { kind: 'orderNo' }
  | { kind: 'text' }
  | { kind: 'logisticsAnomaly' }
  | { kind: 'dueBefore' };

/**
 * Every field of the order list's filter (orderListFilter), once: the desk's SQL
 * (src/main/db/query/predicates.ts) and the service's query builder (src/server/orders/list.ts)
 * are both built from this table, so a new field is declared here and the compiler then asks each
 * store for its column. The order of the fields is the order their clauses are written in.
 */
export const ORDER_FILTERS = {
  orderNo: { kind: 'orderNo' },
  statuses: { kind: 'oneOf', column: 'status' },
  paymentStatuses: { kind: 'oneOf', column: 'paymentStatus' },
  refundStatuses: { kind: 'oneOf', column: 'refundStatus' },
  kinds: { kind: 'oneOf', column: 'kind' },
  sources: { kind: 'oneOf', column: 'source' },
  platforms: { kind: 'oneOf', column: 'platform' },
  paymentChannels: { kind: 'oneOf', column: 'paymentChannel' },
  provinces: { kind: 'oneOf', column: 'province' },
  warehouseIds: { kind: 'oneOf', column: 'warehouse' },
  storeIds: { kind: 'oneOf', column: 'store' },
  dealerIds: { kind: 'oneOf', column: 'dealer' },
  locked: { kind: 'flag', column: 'locked' },
  exception: { kind: 'present', column: 'exception' },
  time: { kind: 'timeRange' },
  text: { kind: 'text' },
  orderNos: { kind: 'oneOf', column: 'orderNo' },
  logisticsAnomaly: { kind: 'logisticsAnomaly' },
  dueBefore: { kind: 'dueBefore' },
} as const satisfies { [K in keyof Required<OrderListFilter>]: FilterKind };

export type FilterField = keyof typeof ORDER_FILTERS;
export const FILTER_FIELDS = Object.keys(ORDER_FILTERS) as FilterField[];
