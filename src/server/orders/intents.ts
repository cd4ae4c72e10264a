import type { IntentHandler } from '../sync/handler';
import { act } from './act';
import { cancelOrder } from './cancel';
import { logged, requireOrder, saveOrder } from './persist';
import { ship } from './ship';

/** Intents that work on one existing order through the order machine alone. */

export const SHIP: IntentHandler<'SHIP'> = {
  right: 'orders.ship',
  orderNoOf: (p) => p.orderNo,
  run: async (ctx, p) => ship(ctx, await requireOrder(ctx.tx, p.orderNo, ctx.caller.scope), p.parcels),
};

export const CANCEL: IntentHandler<'CANCEL'> = {
  right: 'orders.cancel',
  orderNoOf: (p) => p.orderNo,
  run: async (ctx, p) =>
    cancelOrder(ctx, await requireOrder(ctx.tx, p.orderNo, ctx.caller.scope), `取消订单：${p.reason}`),
};

export const LOCK: IntentHandler<'LOCK'> = {
  right: 'orders.lock',
  orderNoOf: (p) => p.orderNo,
  async run(ctx, p) {
    const { row, state } = await requireOrder(ctx.tx, p.orderNo, ctx.caller.scope);
    const locked = act(state, { type: 'LOCK', reason: p.reason });
    const next = logged(
      ctx,
      { ...locked, record: { ...locked.record, lockReason: p.reason } },
      'LOCK',
      `锁单：${p.reason}`,
    );
    return saveOrder(ctx, next, row);
  },
};

export const UNLOCK: IntentHandler<'UNLOCK'> = {
  right: 'orders.lock',
  orderNoOf: (p) => p.orderNo,
  async run(ctx, p) {
    const { row, state } = await requireOrder(ctx.tx, p.orderNo, ctx.caller.scope);
    const unlocked = act(state, { type: 'UNLOCK' });
    const next = logged(ctx, { ...unlocked, record: { ...unlocked.record, lockReason: null } }, 'UNLOCK', '解除锁单');
    return saveOrder(ctx, next, row);
  },
};

export const NOTE: IntentHandler<'NOTE'> = {
  right: 'orders.note',
  orderNoOf: (p) => p.orderNo,
  async run(ctx, p) {
    const { row, state } = await requireOrder(ctx.tx, p.orderNo, ctx.caller.scope);
    return saveOrder(ctx, logged(ctx, act(state, { type: 'NOTE', text: p.text }), 'NOTE', p.text), row);
  },
};
