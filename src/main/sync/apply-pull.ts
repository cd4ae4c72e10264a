import type { OrderRecord } from '../../shared/contract/records';
import type { PullResponse } from '../../shared/contract/sync';
import type { Db } from '../db/connection';
import type { SyncContext } from './local-effects';
import { removeOrders, upsertOrders } from '../db/ingest';
import { dropBase, ordersWithPendingIntents } from './base';
import { upsertFloorData } from '../floor/item-codes';
import { upsertCatalogue } from './catalogue';
import { upsertPromotions } from './promotions';
import { reconcileOrder } from './reconcile';
import { writeSyncState } from './sync-state';

/**
 * One pulled page, applied in one transaction together with the cursor that follows it: a crash
 * mid-sync resumes after the last page that committed, never skipping or repeating one. Orders
 * with unanswered local edits get the service's record as their new base, edits re-applied on top.
 */
export function applyPullPage(db: Db, page: PullResponse, ctx: SyncContext): string[] {
  const touched: string[] = [];
  // A pulled page need not wait for the disk (synchronous=NORMAL: still atomic under WAL). Lost to
  // a power cut, it goes together with its cursor and is pulled again; the next FULL commit (an
  // outbox write) makes it durable anyway. Only what the user did must be on disk before "done".
  db.pragma('synchronous = NORMAL');
  try {
    applyInOneTransaction(db, page, ctx, touched);
  } finally {
    db.pragma('synchronous = FULL');
  }
  return touched;
}

function applyInOneTransaction(db: Db, page: PullResponse, ctx: SyncContext, touched: string[]): void {
  db.transaction(() => {
    const pending = ordersWithPendingIntents(db);
    const plain: OrderRecord[] = [];
    const removed: string[] = [];
    for (const change of page.changes) {
      if (change.type === 'order') change.order = ctx.seal.sealRecord(change.order);
      if (change.type === 'order') {
        touched.push(change.order.orderNo);
        if (pending.has(change.order.orderNo)) reconcileOrder(db, change.order.orderNo, change.order, ctx);
        else plain.push(change.order);
      } else if (change.type === 'order_removed') {
        touched.push(change.orderNo);
        removed.push(change.orderNo);
      }
    }
    upsertOrders(db, plain);
    if (removed.length) {
      removeOrders(db, removed);
      removed.forEach((orderNo) => dropBase(db, orderNo));
    }
    upsertCatalogue(
      db,
      page.changes.flatMap((c) => (c.type === 'catalogue' ? [c.item] : [])),
    );
    upsertPromotions(db, page.changes);
    upsertFloorData(
      db,
      page.changes.flatMap((c) => (c.type === 'item' ? [c.item] : [])),
      page.changes.flatMap((c) => (c.type === 'warehouse' ? [c.warehouse] : [])),
    );
    writeSyncState(db, 'cursor', page.cursor);
  })();
}
