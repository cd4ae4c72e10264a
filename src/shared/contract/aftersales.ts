import { orderDetail } from './orders';
import { procedure } from './procedure';
import { intentPayloads } from './sync';

/**
 * After-sales work on the desk: each takes its intent's payload, is applied at once on this device
 * and queued for the order service, like the order actions.
 */
export const afterSalesProcedures = {
  'aftersales.approve': procedure({
    input: intentPayloads.AFTER_SALE_APPROVE,
    output: orderDetail,
    right: 'aftersales.review',
  }),
  'aftersales.reject': procedure({
    input: intentPayloads.AFTER_SALE_REJECT,
    output: orderDetail,
    right: 'aftersales.review',
  }),
  'aftersales.receiveReturn': procedure({
    input: intentPayloads.AFTER_SALE_RECEIVE_RETURN,
    output: orderDetail,
    right: 'aftersales.receiveReturn',
  }),
  /** The buyer's return parcel as staff were told it, so the return desk finds the request by scanning it. */
  'aftersales.returnParcel': procedure({
    input: intentPayloads.AFTER_SALE_RETURN_PARCEL,
    output: orderDetail,
    right: 'aftersales.receiveReturn',
  }),
  'aftersales.refund': procedure({
    input: intentPayloads.AFTER_SALE_REFUND,
    output: orderDetail,
    right: 'aftersales.refund',
  }),
  'aftersales.shipExchange': procedure({
    input: intentPayloads.AFTER_SALE_SHIP_EXCHANGE,
    output: orderDetail,
    right: 'aftersales.shipExchange',
  }),
};
