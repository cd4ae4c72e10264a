import type { IntentPayload } from '../../shared/contract/sync';
import type { OrderIntentType } from '../../shared/intents';
import { upsertOrders } from '../db/ingest';
import { getOrderDetail } from '../db/orders-query';
import { sameMerge, trackingNumbersOf, waybillHolder } from '../db/query/tracking-holder';
import type { CallContext } from '../ipc/dispatcher';
import { ApiFailure } from '../ipc/failure';
import { keepBaseOnce } from '../sync/base';
import { applyLocally } from '../sync/local-effects';
import { outboxOf } from '../db/outbox';

export type LocalOrderIntent = Exclude<OrderIntentType, 'REDEEM' | 'UNDO_REDEMPTION'>;

/**
 * A desk's change to an order: judged by the same applier the service will run, shown at once,
 * and queued for the service, all in one durable transaction. A refusal changes nothing and says
 * why in the domain's own code (ORDER_LOCKED, SHIPPING_INTERCEPTED, …). Answers the intent's id.
 */
export function queueOrderIntent<T extends OrderIntentType>(
  ctx: CallContext,
  type: T,
  payload: IntentPayload<T>,
  orderNo: string,
): string {
  const { db, session } = ctx;
  const stamp = ctx.stamp();
  const id = db.transaction(() => {
    const current = getOrderDetail(db, session.scope, orderNo);
    if (!current) throw new ApiFailure('NOT_FOUND', `No order ${orderNo}`);
    refuseWaybillsOfOtherOrders(ctx, trackingNumbersOf(type, payload), orderNo);
    const { pendingSync: _pending, ...record } = current;
    const intent = outboxOf(db).enqueue(type, payload, { orderNo, now: stamp.now });
    const applied = applyLocally(record, intent, stamp);
    if (!applied.ok) throw new ApiFailure('ACTION_REFUSED', applied.message ?? applied.code, applied.code);
    keepBaseOnce(db, record);
    upsertOrders(db, [applied.record]);
    return intent.id;
  })();
  ctx.changed([orderNo]);
  return id;
}

export function actLocally<T extends LocalOrderIntent>(ctx: CallContext, type: T, payload: IntentPayload<T>) {
  const { orderNo } = payload as { orderNo: string };
  queueOrderIntent(ctx, type, payload, orderNo);
  return getOrderDetail(ctx.db, ctx.session.scope, orderNo)!;
}

/**
 * The service refuses a number already on another order (unless both are of one merge, 合单); the
 * desk says so before queueing anything.
 */
function refuseWaybillsOfOtherOrders(ctx: CallContext, trackingNos: string[], orderNo: string): void {
  for (const trackingNo of trackingNos) {
    const holder = waybillHolder(ctx.db, trackingNo);
    if (holder !== null && holder !== orderNo && !sameMerge(ctx.db, orderNo, holder))
      throw new ApiFailure(
        'ACTION_REFUSED',
        `Tracking number ${trackingNo} is already on order ${holder}`,
        'TRACKING_IN_USE',
        { trackingNo, orderNo: holder },
      );
  }
}

/**
 * Money out (a refund, a cancellation with its refund) waits until the service has confirmed every
 * earlier change of the order: the shared WAITS_FOR_SYNC rule the buttons show, kept here too for
 * any other caller.
 */
export function refuseWhileUnsynced(ctx: CallContext, orderNo: string): void {
  const pending = getOrderDetail(ctx.db, ctx.session.scope, orderNo)?.pendingSync ?? 0;
  if (pending > 0) {
    throw new ApiFailure('ACTION_REFUSED', `Order ${orderNo} has ${pending} change(s) waiting to sync`, 'WAITING_SYNC');
  }
}
