import { WAITS_FOR_SYNC } from '../../shared/domain/action-availability';
import { getOrderDetail } from '../db/orders-query';
import type { CallContext, Handlers } from '../ipc/dispatcher';
import { ApiFailure } from '../ipc/failure';
import { actLocally } from '../orders/act-locally';

type AfterSaleHandlers = Pick<
  Handlers,
  | 'aftersales.approve'
  | 'aftersales.reject'
  | 'aftersales.receiveReturn'
  | 'aftersales.returnParcel'
  | 'aftersales.refund'
  | 'aftersales.shipExchange'
>;

/** The shared rule the refund button shows (WAITS_FOR_SYNC), kept here too for any other caller. */
function refuseWhileUnsynced(ctx: CallContext, orderNo: string): void {
  const pending = getOrderDetail(ctx.db, ctx.session.scope, orderNo)?.pendingSync ?? 0;
  if (WAITS_FOR_SYNC.has('REFUND') && pending > 0) {
    throw new ApiFailure('ACTION_REFUSED', `Order ${orderNo} has ${pending} change(s) waiting to sync`, 'WAITING_SYNC');
  }
}

export const afterSaleHandlers = (): AfterSaleHandlers => ({
  'aftersales.approve': (ctx, payload) => actLocally(ctx, 'AFTER_SALE_APPROVE', payload),
  'aftersales.reject': (ctx, payload) => actLocally(ctx, 'AFTER_SALE_REJECT', payload),
  'aftersales.receiveReturn': (ctx, payload) => actLocally(ctx, 'AFTER_SALE_RECEIVE_RETURN', payload),
  'aftersales.returnParcel': (ctx, payload) => actLocally(ctx, 'AFTER_SALE_RETURN_PARCEL', payload),
  'aftersales.refund': (ctx, payload) => {
    refuseWhileUnsynced(ctx, payload.orderNo);
    return actLocally(ctx, 'AFTER_SALE_REFUND', payload);
  },
  'aftersales.shipExchange': (ctx, payload) => actLocally(ctx, 'AFTER_SALE_SHIP_EXCHANGE', payload),
});
