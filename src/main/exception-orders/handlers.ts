import type { z } from 'zod';
import { recheckAnswer, type RecheckAnswer } from '../../shared/contract/admin';
import { orderRecord, type OrderRecord } from '../../shared/contract/records';
import type { Handlers, CallContext } from '../ipc/dispatcher';
import { ApiFailure } from '../ipc/failure';
import { actLocally } from '../orders/act-locally';
import { exceptionQueue } from './queue';

type ExceptionOrderHandlers = Pick<
  Handlers,
  | 'exceptionOrders.queue'
  | 'exceptionOrders.resolve'
  | 'exceptionOrders.mapSku'
  | 'exceptionOrders.release'
  | 'exceptionOrders.transfer'
>;

/**
 * Releasing an order held at intake, or moving an order to another warehouse, is the service's (it
 * places the order, with stock and a warehouse): asked online, refusals keep the service's code.
 * The changed order arrives with the next pull, made before answering (the queue then shows it
 * gone, the list shippable).
 */
async function online<T>(ctx: CallContext, url: string, output: z.ZodType<T>, body: unknown): Promise<T> {
  const answer = await ctx.service.call('POST', url, output as z.ZodType, body);
  if (!answer.ok) {
    const { failure } = answer;
    if (failure.kind === 'REJECTED')
      throw new ApiFailure(
        failure.status === 401 ? 'UNAUTHENTICATED' : 'ACTION_REFUSED',
        failure.message,
        failure.code,
      );
    throw new ApiFailure('SERVICE_UNREACHABLE', failure.message);
  }
  await ctx.sync();
  return answer.value as T;
}

const path = (orderNo: string, action: string) => `/v1/exception-orders/${encodeURIComponent(orderNo)}/${action}`;

/** 异常订单 on the desk: the queue from the local copy; decided offline, released online. */
export const exceptionOrderHandlers = (): ExceptionOrderHandlers => ({
  'exceptionOrders.queue': ({ db, session }, { reason, limit }) => exceptionQueue(db, session.scope, reason, limit),
  'exceptionOrders.resolve': (ctx, payload) => actLocally(ctx, 'EXCEPTION_RESOLVE', payload),
  'exceptionOrders.mapSku': (ctx, { orderNo, lines }) =>
    online<RecheckAnswer>(ctx, path(orderNo, 'map-sku'), recheckAnswer, { lines }),
  'exceptionOrders.release': (ctx, { orderNo, waive }) =>
    online<RecheckAnswer>(ctx, path(orderNo, 'release'), recheckAnswer, { waive }),
  'exceptionOrders.transfer': (ctx, { orderNo, warehouseId }) =>
    online<OrderRecord>(ctx, path(orderNo, 'transfer'), orderRecord, { warehouseId }),
});
