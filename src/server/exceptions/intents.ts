import { applyExceptionResolve } from '../../shared/intents/exception';
import { applied } from '../orders/act';
import { requireOrder, saveOrder } from '../orders/persist';
import type { IntentHandler } from '../sync/handler';

/** A supervisor decides an exception order: it ships again (or a person's note says why it was let go). */
export const EXCEPTION_RESOLVE: IntentHandler<'EXCEPTION_RESOLVE'> = {
  right: 'orders.resolveException',
  orderNoOf: (p) => p.orderNo,
  async run(ctx, p) {
    const { row, state } = await requireOrder(ctx.tx, p.orderNo, ctx.caller.scope);
    return saveOrder(ctx, applied(applyExceptionResolve(state, p, ctx)), row);
  },
};
