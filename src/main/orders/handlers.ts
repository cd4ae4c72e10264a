import type { Db } from '../db/connection';
import { countByStatus, getOrderDetail, listOrders } from '../db/orders-query';
import type { Handlers } from '../ipc/dispatcher';
import { ApiFailure } from '../ipc/failure';

type OrderHandlers = Pick<Handlers, 'orders.list' | 'orders.counts' | 'orders.detail'>;

export const orderHandlers = (db: Db): OrderHandlers => ({
  'orders.list': ({ session }, input) => listOrders(db, session.scope, input),
  'orders.counts': ({ session }, { filter }) => countByStatus(db, session.scope, filter),
  'orders.detail': ({ session }, { orderNo }) => {
    const detail = getOrderDetail(db, session.scope, orderNo);
    // Out of scope answers the same as missing, so a scope cannot be probed for order numbers.
    if (!detail) throw new ApiFailure('NOT_FOUND', `No order ${orderNo}`);
    return detail;
  },
});
