import { orderDetail } from './orders';
import { procedure } from './procedure';
import { intentPayloads } from './sync';

/**
 * Customer service acting on a buyer's word (a phone call): each takes its intent's payload, is
 * applied at once on this desk and queued for the order service, like every order action.
 */
export const customerServiceProcedures = {
  'orders.cancelPaid': procedure({
    input: intentPayloads.CANCEL_PAID,
    output: orderDetail,
    right: 'orders.cancelPaid',
  }),
  'orders.changeReceiver': procedure({
    input: intentPayloads.CHANGE_RECEIVER,
    output: orderDetail,
    right: 'orders.changeReceiver',
  }),
  'orders.confirmReceipt': procedure({
    input: intentPayloads.CONFIRM_RECEIPT,
    output: orderDetail,
    right: 'orders.receipt',
  }),
  'orders.extendReceipt': procedure({
    input: intentPayloads.EXTEND_RECEIPT,
    output: orderDetail,
    right: 'orders.receipt',
  }),
  'aftersales.open': procedure({
    input: intentPayloads.OPEN_AFTER_SALE,
    output: orderDetail,
    right: 'aftersales.open',
  }),
};
