import type { z } from 'zod';
import { recheckAnswer, type RecheckAnswer } from '../../shared/contract/admin';
import type { Handlers, CallContext } from '../ipc/dispatcher';
import { ApiFailure } from '../ipc/failure';
import { actLocally } from '../orders/act-locally';
import { exceptionQueue } from './queue';

type ExceptionOrderHandlers = Pick<
  Handlers,
  'exceptionOrders.queue' | 'exceptionOrders.resolve' | 'exceptionOrders.mapSku' | 'exceptionOrders.release'
>;

/**
 * Releasing an order held at intake is the service's (it places the order again, with stock and a
 * warehouse): asked online, refusals keep the service's code; the released order arrives with the
 * next pull, which is made before answering (the queue then shows it gone, the list shippable).
 */
async function release(ctx: CallContext, url: string, body: unknown): Promise<RecheckAnswer> {
  const answer = await ctx.service.call('POST', url, recheckAnswer as z.ZodType, body);
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
  return answer.value as RecheckAnswer;
}

const path = (orderNo: string, action: string) => `/v1/exception-orders/${encodeURIComponent(orderNo)}/${action}`;

/** 异常订单 on the desk: the queue from the local copy; decided offline, released online. */
export const exceptionOrderHandlers = (): ExceptionOrderHandlers => ({
  'exceptionOrders.queue': ({ db, session }, { reason, limit }) => exceptionQueue(db, session.scope, reason, limit),
  'exceptionOrders.resolve': (ctx, payload) => actLocally(ctx, 'EXCEPTION_RESOLVE', payload),
  'exceptionOrders.mapSku': (ctx, { orderNo, lines }) => release(ctx, path(orderNo, 'map-sku'), { lines }),
  'exceptionOrders.release': (ctx, { orderNo, waive }) => release(ctx, path(orderNo, 'release'), { waive }),
});
