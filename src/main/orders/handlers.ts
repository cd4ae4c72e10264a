import { countByStatus, getOrderDetail, listOrders } from '../db/orders-query';
import type { Handlers } from '../ipc/dispatcher';
import { ApiFailure } from '../ipc/failure';
import { actLocally } from './act-locally';

type OrderHandlers = Pick<
  Handlers,
  | 'orders.list'
  | 'orders.counts'
  | 'orders.detail'
  | 'orders.lock'
  | 'orders.unlock'
  | 'orders.note'
  | 'orders.trackingEvent'
  | 'orders.cancel'
>;

export const orderHandlers = (): OrderHandlers => ({
  'orders.list': ({ session, db }, input) => listOrders(db, session.scope, input),
  'orders.counts': ({ session, db }, { filter }) => countByStatus(db, session.scope, filter),
  'orders.detail': ({ session, db }, { orderNo }) => {
    const detail = getOrderDetail(db, session.scope, orderNo);
    // Out of scope answers the same as missing, so a scope cannot be probed for order numbers.
    if (!detail) throw new ApiFailure('NOT_FOUND', `No order ${orderNo}`);
    return detail;
  },
  'orders.lock': (ctx, payload) => actLocally(ctx, 'LOCK', payload),
  'orders.unlock': (ctx, payload) => actLocally(ctx, 'UNLOCK', payload),
  'orders.note': (ctx, payload) => actLocally(ctx, 'NOTE', payload),
  'orders.trackingEvent': (ctx, payload) => actLocally(ctx, 'TRACKING_EVENT', payload),
  'orders.cancel': (ctx, payload) => actLocally(ctx, 'CANCEL', payload),
});
