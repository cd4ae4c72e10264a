import { lineRequestRefusal, type LineQuantity } from './line-request';
import { anyShipped, type OrderFacts, type OrderLineFacts } from './order-facts';
import { ALLOWED, firstRefusal, refuse, type Decision } from './result';
import { DEFAULT_TIMERS } from './timers';
import type { AfterSaleType, OrderKind, OrderStatus } from './vocabulary';

/**
 * Which after-sale a buyer may ask for, by order kind and status. Refund only is for goods not yet
 * sent; return and exchange need goods in the buyer's hands. Virtual goods are delivered the moment
 * they are paid and cannot be given back, so they have no after-sales (a failed top-up is a staff
 * refund via the exception queue). A service order can be refunded while its code is unredeemed
 * (未核销随时退); a redeemed service has been consumed.
 */
export const REQUEST_RULES: Readonly<Record<OrderKind, Partial<Record<AfterSaleType, readonly OrderStatus[]>>>> = {
  PHYSICAL: {
    REFUND_ONLY: ['PENDING_SHIPMENT'],
    RETURN_REFUND: ['PENDING_RECEIPT', 'COMPLETED'],
    EXCHANGE: ['PENDING_RECEIPT', 'COMPLETED'],
  },
  VIRTUAL: {},
  SERVICE: { REFUND_ONLY: ['PENDING_REDEMPTION'] },
};

/** How many units of a line a request of this type could still cover. */
const ROOM: Record<AfterSaleType, (line: OrderLineFacts) => number> = {
  REFUND_ONLY: (line) => line.quantity - line.refundedQuantity,
  RETURN_REFUND: (line) => line.shippedQuantity - line.refundedQuantity,
  EXCHANGE: (line) => line.shippedQuantity - line.refundedQuantity,
};

export const AFTER_SALE_REQUEST_REFUSALS = [
  'WRONG_KIND',
  'WRONG_STATUS',
  'AFTER_SALE_OPEN',
  'ALREADY_SHIPPED',
  'AFTER_SALE_WINDOW_CLOSED',
  'NOTHING_ELIGIBLE',
  'QUANTITY_INVALID',
  'UNKNOWN_LINE',
  'QUANTITY_EXCEEDS_REMAINING',
] as const;
export type AfterSaleRequestRefusal = (typeof AFTER_SALE_REQUEST_REFUSALS)[number];

export interface AfterSaleRequestOptions {
  now: number;
  /** Needed for COMPLETED orders: the window runs from completion. */
  completedAt: number | null;
  windowMs?: number;
  /** The lines asked about; absent means the whole order. */
  lines?: readonly LineQuantity[];
}

/**
 * Whether a request may be opened now, checked in the order of AFTER_SALE_REQUEST_REFUSALS. Only
 * one request at a time: two open requests on the same goods could refund them twice. A lock does
 * not stop a buyer from asking; staff decide the request like any other.
 */
export function canRequestAfterSale(
  order: OrderFacts,
  type: AfterSaleType,
  options: AfterSaleRequestOptions,
): Decision<AfterSaleRequestRefusal> {
  const statuses = REQUEST_RULES[order.kind][type];
  const windowMs = options.windowMs ?? DEFAULT_TIMERS.afterSalesWindowMs;
  const room = ROOM[type];
  const code = firstRefusal<AfterSaleRequestRefusal>([
    () => (statuses ? null : 'WRONG_KIND'),
    () => (statuses?.includes(order.status) ? null : 'WRONG_STATUS'),
    () => (order.openAfterSaleType === null ? null : 'AFTER_SALE_OPEN'),
    () => (type === 'REFUND_ONLY' && anyShipped(order.lines) ? 'ALREADY_SHIPPED' : null),
    () =>
      order.status === 'COMPLETED' && (options.completedAt === null || options.now >= options.completedAt + windowMs)
        ? 'AFTER_SALE_WINDOW_CLOSED'
        : null,
    () => (order.lines.some((line) => room(line) > 0) ? null : 'NOTHING_ELIGIBLE'),
    () => (options.lines ? lineRequestRefusal(order.lines, options.lines, room) : null),
    () => (options.lines?.length === 0 ? 'NOTHING_ELIGIBLE' : null),
  ]);
  return code ? refuse(code) : ALLOWED;
}
