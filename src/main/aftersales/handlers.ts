import type { Handlers } from '../ipc/dispatcher';
import { ApiFailure } from '../ipc/failure';
import { actLocally, queueOrderIntent, refuseWhileUnsynced } from '../orders/act-locally';
import { listAfterSales } from './workbench';

type AfterSaleHandlers = Pick<
  Handlers,
  | 'aftersales.list'
  | 'aftersales.batchApprove'
  | 'aftersales.approve'
  | 'aftersales.reject'
  | 'aftersales.receiveReturn'
  | 'aftersales.returnParcel'
  | 'aftersales.refund'
  | 'aftersales.shipExchange'
>;

export const afterSaleHandlers = (): AfterSaleHandlers => ({
  'aftersales.list': ({ db, session }, query) => listAfterSales(db, session.scope, query),
  'aftersales.batchApprove': (ctx, { requests }) => {
    const result: { decided: string[]; refused: Array<{ afterSaleId: string; code: string }> } = {
      decided: [],
      refused: [],
    };
    for (const { orderNo, afterSaleId } of requests) {
      try {
        queueOrderIntent(ctx, 'AFTER_SALE_APPROVE', { orderNo, afterSaleId }, orderNo);
        result.decided.push(afterSaleId);
      } catch (error) {
        if (!(error instanceof ApiFailure)) throw error;
        result.refused.push({ afterSaleId, code: error.reason ?? error.code });
      }
    }
    return result;
  },
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
