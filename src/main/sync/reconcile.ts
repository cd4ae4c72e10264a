import type { OrderRecord } from '../../shared/contract/records';
import type { Db } from '../db/connection';
import { upsertOrders } from '../db/ingest';
import { dropBase, readBase, writeBase } from './base';
import { replay, type SyncContext } from './local-effects';
import { outboxOf } from '../db/outbox';

/**
 * Makes the visible order what the service holds plus this device's unanswered edits. Called
 * whenever either side moves: a pulled record, an answer to a push. `serviceRecord` null means no
 * news of the order itself: the last record the service sent stands in for it. With nothing
 * pending, the service's record is shown as it is (a local copy of an effect, such as a note the
 * service had already applied before its answer was lost, must not linger) and the base is forgotten.
 */
export function reconcileOrder(db: Db, orderNo: string, serviceRecord: OrderRecord | null, ctx: SyncContext): void {
  const pending = outboxOf(db).pendingForOrder(orderNo);
  if (pending.length === 0) {
    const truth = serviceRecord ?? readBase(db, orderNo);
    if (truth) upsertOrders(db, [truth]);
    dropBase(db, orderNo);
    return;
  }
  if (serviceRecord) writeBase(db, serviceRecord);
  const base = serviceRecord ?? readBase(db, orderNo);
  if (base) upsertOrders(db, [replay(base, pending, ctx)]);
}
