import type { IntentPayload } from '../../shared/contract/sync';
import { applyOrderIntent, orderStateOf, type OrderIntentType } from '../../shared/intents';
import { upsertOrders } from '../db/ingest';
import { getOrderDetail } from '../db/orders-query';
import type { CallContext } from '../ipc/dispatcher';
import { ApiFailure } from '../ipc/failure';
import { keepBaseOnce } from '../sync/base';
import { enqueueIntent } from '../sync/outbox';

type OrderAction = Exclude<OrderIntentType, 'REDEEM' | 'UNDO_REDEMPTION'>;

/**
 * A desk's change to an order: judged by the same applier the service will run, shown at once,
 * and queued for the service, all in one durable transaction. A refusal changes nothing and says
 * why in the domain's own code (ORDER_LOCKED, SHIPPING_INTERCEPTED, …).
 */
export function actLocally<T extends OrderAction>(
  ctx: CallContext,
  type: T,
  payload: IntentPayload<T> & { orderNo: string },
) {
  const { db, session } = ctx;
  const stamp = ctx.stamp();
  db.transaction(() => {
    const current = getOrderDetail(db, session.scope, payload.orderNo);
    if (!current) throw new ApiFailure('NOT_FOUND', `No order ${payload.orderNo}`);
    const { pendingSync: _pending, ...record } = current;
    const intent = enqueueIntent(db, type, payload, { orderNo: record.orderNo, now: stamp.now });
    const applied = applyOrderIntent(orderStateOf(record), intent, stamp);
    if (!applied.ok) throw new ApiFailure('ACTION_REFUSED', applied.message ?? applied.code, applied.code);
    keepBaseOnce(db, record);
    upsertOrders(db, [applied.state.record]);
  })();
  ctx.changed([payload.orderNo]);
  return getOrderDetail(db, session.scope, payload.orderNo)!;
}
