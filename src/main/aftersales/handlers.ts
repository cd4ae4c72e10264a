import type { Handlers } from '../ipc/dispatcher';
import { actLocally, refuseWhileUnsynced } from '../orders/act-locally';

type AfterSaleHandlers = Pick<
  Handlers,
  | 'aftersales.approve'
  | 'aftersales.reject'
  | 'aftersales.receiveReturn'
  | 'aftersales.refund'
  | 'aftersales.shipExchange'
>;

export const afterSaleHandlers = (): AfterSaleHandlers => ({
  'aftersales.approve': (ctx, payload) => actLocally(ctx, 'AFTER_SALE_APPROVE', payload),
  'aftersales.reject': (ctx, payload) => actLocally(ctx, 'AFTER_SALE_REJECT', payload),
  'aftersales.receiveReturn': (ctx, payload) => actLocally(ctx, 'AFTER_SALE_RECEIVE_RETURN', payload),
  'aftersales.refund': (ctx, payload) => {
    refuseWhileUnsynced(ctx, payload.orderNo);
    return actLocally(ctx, 'AFTER_SALE_REFUND', payload);
  },
  'aftersales.shipExchange': (ctx, payload) => actLocally(ctx, 'AFTER_SALE_SHIP_EXCHANGE', payload),
});
