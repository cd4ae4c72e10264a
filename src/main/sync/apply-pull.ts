import type { Change, PullResponse } from '../../shared/contract/sync';
import type { Db } from '../db/connection';
import { bulkWriting } from '../db/bulk-load';
import { removeOrders, upsertPrepared } from '../db/ingest';
import { getOrderDetail } from '../db/orders-query';
import { CODE_COLUMNS, prepareOrders, type PreparedOrders } from '../db/prepare';
import type { SyncContext } from './local-effects';
import { upsertFloorData } from '../floor/item-codes';
import { dropBase, ordersWithPendingIntents } from './base';
import { upsertCatalogue } from './catalogue';
import { upsertPromotions } from './promotions';
import { reconcileOrder } from './reconcile';
import { writeSyncState } from './sync-state';

/** A pulled page with its orders laid out as rows (db/prepare.ts): what the writer applies. */
export interface PreparedPage {
  cursor: string;
  hasMore: boolean;
  /** When asked for: the orders left from the cursor the page was asked with. */
  remaining: number | null;
  orders: PreparedOrders;
  removed: string[];
  /** Everything else (catalogue items, coupons, campaigns, item codes, warehouse policies), as it came. */
  others: Change[];
}

/** Splits a page into rows to write; pure, so a first sync does it on the thread that downloads. */
export function preparePage(page: PullResponse): PreparedPage {
  return {
    cursor: page.cursor,
    hasMore: page.hasMore,
    remaining: page.remaining ?? null,
    orders: prepareOrders(page.changes.flatMap((c) => (c.type === 'order' ? [c.order] : []))),
    removed: page.changes.flatMap((c) => (c.type === 'order_removed' ? [c.orderNo] : [])),
    others: page.changes.filter((c) => c.type !== 'order' && c.type !== 'order_removed'),
  };
}

/** A pulled page, applied as applyPreparedPage says. */
export function applyPullPage(db: Db, page: PullResponse, ctx: SyncContext): string[] {
  return applyPreparedPage(db, preparePage(page), ctx);
}

const EVERYTHING = { all: true, warehouseIds: [], storeIds: [], dealerIds: [] };

/**
 * One pulled page, applied in one transaction together with the cursor that follows it: a crash
 * mid-sync resumes after the last page that committed, never skipping or repeating one. Codes are
 * sealed as they arrive. Orders with unanswered local edits get the service's record as their new
 * base, edits re-applied on top. Answers the order numbers it touched. Code verifiers are sealed as
 * they arrive (redemption/code-seal.ts), as sealRecord would have sealed the records.
 */
export function applyPreparedPage(db: Db, page: PreparedPage, ctx: SyncContext): string[] {
  const { orders } = page;
  for (let k = 0; k < orders.codes.length; k += CODE_COLUMNS.length) {
    const verifier = orders.codes[k] as string;
    if (verifier) orders.codes[k] = ctx.seal.sealVerifier(verifier);
  }
  // A pulled page need not wait for the disk (synchronous=NORMAL: still atomic under WAL). Lost to
  // a power cut, it goes together with its cursor and is pulled again; the next FULL commit (an
  // outbox write) makes it durable anyway. Only what the user did must be on disk before "done".
  db.pragma('synchronous = NORMAL');
  // Removed orders take their rows with them by ON DELETE CASCADE, which a bulk load's writing turns off.
  if (page.removed.length) db.pragma('foreign_keys = ON');
  try {
    db.transaction(() => {
      const pending = ordersWithPendingIntents(db);
      upsertPrepared(db, orders);
      for (const orderNo of orders.orderNos) {
        if (!pending.has(orderNo)) continue;
        // The service's record, as just stored, becomes the base the local edits replay on.
        const { pendingSync: _pending, ...record } = getOrderDetail(db, EVERYTHING, orderNo)!;
        reconcileOrder(db, orderNo, record, ctx);
      }
      if (page.removed.length) {
        removeOrders(db, page.removed);
        page.removed.forEach((orderNo) => dropBase(db, orderNo));
      }
      upsertCatalogue(
        db,
        page.others.flatMap((c) => (c.type === 'catalogue' ? [c.item] : [])),
      );
      upsertPromotions(db, page.others);
      upsertFloorData(
        db,
        page.others.flatMap((c) => (c.type === 'item' ? [c.item] : [])),
        page.others.flatMap((c) => (c.type === 'warehouse' ? [c.warehouse] : [])),
      );
      writeSyncState(db, 'cursor', page.cursor);
    })();
  } finally {
    db.pragma('synchronous = FULL');
  }
  return [...orders.orderNos, ...page.removed];
}

/** A page of a bulk load (a first sync), applied with the connection set for bulk writing (db/bulk-load.ts). */
export function applyBulkPage(db: Db, page: PreparedPage, ctx: SyncContext): string[] {
  bulkWriting(db, true);
  try {
    return applyPreparedPage(db, page, ctx);
  } finally {
    bulkWriting(db, false);
  }
}
