import type { Handlers } from '../ipc/dispatcher';
import { actLocally, refuseWhileUnsynced } from '../orders/act-locally';

type CustomerServiceHandlers = Pick<
  Handlers,
  'orders.cancelPaid' | 'orders.changeReceiver' | 'orders.confirmReceipt' | 'orders.extendReceipt' | 'aftersales.open'
>;

/**
 * Customer service's actions for a buyer on the phone: applied here at once and queued like any
 * order action. Cancelling with a refund pays money out, so like a refund it waits until the
 * service has confirmed every earlier change of the order.
 */
export const customerServiceHandlers = (): CustomerServiceHandlers => ({
  'orders.cancelPaid': (ctx, payload) => {
    refuseWhileUnsynced(ctx, payload.orderNo);
    return actLocally(ctx, 'CANCEL_PAID', payload);
  },
  'orders.changeReceiver': (ctx, payload) => actLocally(ctx, 'CHANGE_RECEIVER', payload),
  'orders.confirmReceipt': (ctx, payload) => actLocally(ctx, 'CONFIRM_RECEIPT', payload),
  'orders.extendReceipt': (ctx, payload) => actLocally(ctx, 'EXTEND_RECEIPT', payload),
  'aftersales.open': (ctx, payload) => actLocally(ctx, 'OPEN_AFTER_SALE', payload),
});
