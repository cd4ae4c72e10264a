import { applyCancel } from '../../shared/intents/cancel';
import { applyLock, applyUnlock } from '../../shared/intents/lock';
import { applyNote } from '../../shared/intents/note';
import { applyMerge, applyUnmerge, mergeCheck } from '../../shared/intents/merge';
import { applyShip } from '../../shared/intents/ship';
import { applySplit, applyUnsplit } from '../../shared/intents/split';
import { applyTrackingEntry } from '../../shared/intents/tracking';
import { usePoolNumbers } from '../floor/pool';
import { ApiError } from '../http/errors';
import type { IntentHandler } from '../sync/handler';
import { applied, refusalError } from './act';
import { saveCancelled } from './cancel';
import { requireOrder, saveOrder } from './persist';
import { consume } from './stock';

/**
 * Intents that work on one existing order through the order machine alone. The record transform
 * is the shared applier's (the one devices show before the service answers); the service adds the
 * lookup in the caller's scope, the stock and the save.
 */

/**
 * Whoever reaches the service first ships, in the service's own order, whatever the devices'
 * clocks said; the shipped units leave the warehouse's stock.
 */
export const SHIP: IntentHandler<'SHIP'> = {
  right: 'orders.ship',
  orderNoOf: (p) => p.orderNo,
  async run(ctx, p) {
    const { row, state } = await requireOrder(ctx.tx, p.orderNo, ctx.caller.scope);
    if (!p.verified && row.warehouseId !== null && (await ctx.tx.floor.requiresVerification(row.warehouseId)))
      throw new ApiError('VERIFICATION_REQUIRED', `Warehouse ${row.warehouseId} ships only units scanned at the desk`);
    const next = applied(applyShip(state, p, ctx));
    await usePoolNumbers(
      ctx.tx,
      row.orderNo,
      next.record.waybills.slice(state.record.waybills.length).map((w) => w.trackingNo),
      ctx.now,
    );
    await consume(
      ctx,
      row.orderNo,
      p.parcels.flatMap((parcel) => parcel.lines),
    );
    return saveOrder(ctx, next, row);
  },
};

export const CANCEL: IntentHandler<'CANCEL'> = {
  right: 'orders.cancel',
  orderNoOf: (p) => p.orderNo,
  async run(ctx, p) {
    const { row, state } = await requireOrder(ctx.tx, p.orderNo, ctx.caller.scope);
    return saveCancelled(ctx, row, applyCancel(state, p, ctx));
  },
};

export const LOCK: IntentHandler<'LOCK'> = {
  right: 'orders.lock',
  orderNoOf: (p) => p.orderNo,
  async run(ctx, p) {
    const { row, state } = await requireOrder(ctx.tx, p.orderNo, ctx.caller.scope);
    return saveOrder(ctx, applied(applyLock(state, p, ctx)), row);
  },
};

export const UNLOCK: IntentHandler<'UNLOCK'> = {
  right: 'orders.lock',
  orderNoOf: (p) => p.orderNo,
  async run(ctx, p) {
    const { row, state } = await requireOrder(ctx.tx, p.orderNo, ctx.caller.scope);
    return saveOrder(ctx, applied(applyUnlock(state, p, ctx)), row);
  },
};

export const NOTE: IntentHandler<'NOTE'> = {
  right: 'orders.note',
  orderNoOf: (p) => p.orderNo,
  async run(ctx, p) {
    const { row, state } = await requireOrder(ctx.tx, p.orderNo, ctx.caller.scope);
    return saveOrder(ctx, applied(applyNote(state, p, ctx)), row);
  },
};

export const TRACKING_EVENT: IntentHandler<'TRACKING_EVENT'> = {
  right: 'orders.ship',
  orderNoOf: (p) => p.orderNo,
  async run(ctx, p) {
    const { row, state } = await requireOrder(ctx.tx, p.orderNo, ctx.caller.scope);
    return saveOrder(ctx, applied(applyTrackingEntry(state, p, ctx)), row);
  },
};

/** 拆单 and its undoing touch one order: the shared transform decides. */
export const SPLIT: IntentHandler<'SPLIT'> = {
  right: 'orders.ship',
  orderNoOf: (p) => p.orderNo,
  async run(ctx, p) {
    const { row, state } = await requireOrder(ctx.tx, p.orderNo, ctx.caller.scope);
    return saveOrder(ctx, applied(applySplit(state, p, ctx)), row);
  },
};

export const UNSPLIT: IntentHandler<'UNSPLIT'> = {
  right: 'orders.ship',
  orderNoOf: (p) => p.orderNo,
  async run(ctx, p) {
    const { row, state } = await requireOrder(ctx.tx, p.orderNo, ctx.caller.scope);
    return saveOrder(ctx, applied(applyUnsplit(state, p, ctx)), row);
  },
};

/**
 * 合单: the order joins only if every order the merge names is in the caller's scope and all of
 * them could join it now (same buyer, receiver and warehouse, each shippable). The others are read,
 * not changed: each joins by its own intent, sent in the same push.
 */
export const MERGE: IntentHandler<'MERGE'> = {
  right: 'orders.ship',
  orderNoOf: (p) => p.orderNo,
  async run(ctx, p) {
    const orderNos = [...new Set(p.orderNos)];
    await ctx.tx.orders.lockAll(orderNos);
    const loaded = [];
    for (const orderNo of orderNos) loaded.push(await requireOrder(ctx.tx, orderNo, ctx.caller.scope));
    const refused = mergeCheck(
      loaded.map((o) => o.state.record),
      p,
    );
    if (refused) throw refusalError(refused);
    const { row, state } =
      loaded.find((o) => o.row.orderNo === p.orderNo) ?? (await requireOrder(ctx.tx, p.orderNo, ctx.caller.scope));
    return saveOrder(ctx, applied(applyMerge(state, p, ctx)), row);
  },
};

export const UNMERGE: IntentHandler<'UNMERGE'> = {
  right: 'orders.ship',
  orderNoOf: (p) => p.orderNo,
  async run(ctx, p) {
    const { row, state } = await requireOrder(ctx.tx, p.orderNo, ctx.caller.scope);
    return saveOrder(ctx, applied(applyUnmerge(state, p, ctx)), row);
  },
};
