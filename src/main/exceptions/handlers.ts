import type { ExceptionItem } from '../../shared/contract/api';
import type { Intent } from '../../shared/contract/sync';
import type { Handlers } from '../ipc/dispatcher';
import { ApiFailure } from '../ipc/failure';
import { queueOrderIntent } from '../orders/act-locally';
import { outboxOf } from '../db/outbox';

type ExceptionHandlers = Pick<Handlers, 'exceptions.list' | 'exceptions.dismiss' | 'exceptions.retry'>;

/**
 * The exceptions inbox: every intent the service rejected, with what was tried, why it failed and
 * the order as the service holds it. Nothing leaves it without a person's decision: dismissed with
 * a reason, or retried as a new intent (the service remembers the old one's rejection for good).
 */
export const exceptionHandlers = (): ExceptionHandlers => ({
  'exceptions.list': ({ db }) =>
    outboxOf(db)
      .rejected()
      .map((row): ExceptionItem => ({
        id: row.id,
        type: row.type,
        orderNo: row.orderNo,
        payload: JSON.parse(row.payload),
        triedAt: row.clientTime,
        code: row.lastErrorCode,
        message: row.lastErrorMessage,
        answer: row.answer ? JSON.parse(row.answer) : null,
      })),
  'exceptions.dismiss': (ctx, { id, reason }) => {
    dismiss(ctx.db, id, reason);
    ctx.changed([]);
    return {};
  },
  'exceptions.retry': (ctx, { id }) => {
    const row = outboxOf(ctx.db)
      .rejected()
      .find((r) => r.id === id);
    if (!row) throw new ApiFailure('NOT_FOUND', `No rejected intent ${id}`);
    if (row.type === 'CREATE_DEALER_ORDER' || !row.orderNo) {
      throw new ApiFailure('ACTION_REFUSED', 'Fix and resubmit the order from its form', 'NOT_AN_ORDER_INTENT');
    }
    const payload = JSON.parse(row.payload) as Intent['payload'];
    const retried = queueOrderIntent(
      ctx,
      row.type as Exclude<Intent['type'], 'CREATE_DEALER_ORDER'>,
      payload as never,
      row.orderNo,
    );
    dismiss(ctx.db, id, `retried as ${retried}`);
    return { id: retried };
  },
});

function dismiss(db: Parameters<ExceptionHandlers['exceptions.list']>[0]['db'], id: string, reason: string): void {
  if (!outboxOf(db).dismiss(id, reason)) throw new ApiFailure('NOT_FOUND', `No rejected intent ${id}`);
}
