import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { LabelBlock, LabelToPrint } from '../../shared/contract/floor';
import type { Db } from '../db/connection';
import { getOrderDetail } from '../db/orders-query';
import type { CallContext } from '../ipc/dispatcher';
import { ApiFailure } from '../ipc/failure';
import { mergeMembers } from './merge-members';

/** A desk keeps about a shift's labels in hand; below half of it, the next chance online tops it up. */
export const BLOCK_SIZE = 50;

const reserveAnswer = z.object({ trackingNos: z.array(z.string()) });
const voidAnswer = z.object({ trackingNo: z.string() });

export function blockOf(db: Db, carrier: string, warehouseId: string): LabelBlock {
  const rows = db
    .prepare(`SELECT state, COUNT(*) AS n FROM label_block WHERE carrier = ? AND warehouse_id = ? GROUP BY state`)
    .all(carrier, warehouseId) as Array<{ state: 'FREE' | 'USED' | 'VOID'; n: number }>;
  const count = (state: string) => rows.find((r) => r.state === state)?.n ?? 0;
  return { carrier, warehouseId, free: count('FREE'), used: count('USED'), voided: count('VOID') };
}

/**
 * Tops the block up from the service's pool when it runs below half, and sends the voids the
 * service has not heard of. Offline it changes nothing and says so: printing goes on from the block.
 */
export async function topUp(
  ctx: CallContext,
  carrier: string,
  warehouseId: string,
): Promise<LabelBlock & { online: boolean }> {
  const { db } = ctx;
  let online = true;
  if (blockOf(db, carrier, warehouseId).free < BLOCK_SIZE / 2) {
    const pending = db
      .prepare('SELECT reservation FROM label_requests WHERE carrier = ? AND warehouse_id = ?')
      .get(carrier, warehouseId) as { reservation: string } | undefined;
    const reservation = pending?.reservation ?? randomUUID();
    // Written before asking: a lost answer is asked again under the same id and gets the same block.
    db.prepare('INSERT OR REPLACE INTO label_requests (carrier, warehouse_id, reservation) VALUES (?, ?, ?)').run(
      carrier,
      warehouseId,
      reservation,
    );
    const answer = await ctx.service.call('POST', '/v1/waybill-numbers/reserve', reserveAnswer, {
      deviceId: ctx.session.deviceId,
      carrier,
      warehouseId,
      count: BLOCK_SIZE,
      reservation,
    });
    if (answer.ok) {
      db.transaction(() => {
        const last = db.prepare('SELECT COALESCE(MAX(position), 0) AS p FROM label_block').get() as { p: number };
        const put = db.prepare(
          `INSERT OR IGNORE INTO label_block (tracking_no, carrier, warehouse_id, position, state) VALUES (?, ?, ?, ?, 'FREE')`,
        );
        answer.value.trackingNos.forEach((trackingNo, i) => put.run(trackingNo, carrier, warehouseId, last.p + i + 1));
        db.prepare('DELETE FROM label_requests WHERE carrier = ? AND warehouse_id = ?').run(carrier, warehouseId);
      })();
    } else online = false;
  }
  if (online) online = await sendVoids(ctx);
  return { ...blockOf(db, carrier, warehouseId), online };
}

async function sendVoids(ctx: CallContext): Promise<boolean> {
  const unsent = ctx.db
    .prepare(
      `SELECT tracking_no AS trackingNo, void_reason AS reason FROM label_block WHERE state = 'VOID' AND void_sent = 0`,
    )
    .all() as Array<{ trackingNo: string; reason: string }>;
  for (const { trackingNo, reason } of unsent) {
    const answer = await ctx.service.call('POST', '/v1/waybill-numbers/void', voidAnswer, { trackingNo, reason });
    if (!answer.ok && answer.failure.kind !== 'REJECTED') return false;
    // A refusal (the number shipped after all) is final: asking again would not change it.
    ctx.db.prepare('UPDATE label_block SET void_sent = 1 WHERE tracking_no = ?').run(trackingNo);
  }
  return true;
}

/**
 * The next number of this desk's block for an order's label, offline too. An order that already
 * took one and has not shipped with it gets the same one again (a reprint is not a new label).
 */
export function takeLabel(ctx: CallContext, asked: string, carrier: string): { trackingNo: string; carrier: string } {
  const { db } = ctx;
  return db.transaction(() => {
    const found = getOrderDetail(db, ctx.session.scope, asked);
    // A merge (合单) has one label: its first order takes the number for all of them.
    const order = found?.merge ? (mergeMembers(ctx, found.merge.id)[0] ?? found) : found;
    if (!order || order.warehouseId === null) throw new ApiFailure('NOT_FOUND', `No order ${asked}`);
    const { orderNo } = order;
    const shipped = new Set(order.waybills.map((w) => w.trackingNo));
    const taken = db
      .prepare(
        `SELECT tracking_no AS t FROM label_block WHERE order_no = ? AND state = 'USED' AND carrier = ? ORDER BY position`,
      )
      .all(orderNo, carrier) as Array<{ t: string }>;
    const unshipped = taken.find((row) => !shipped.has(row.t));
    if (unshipped) return { trackingNo: unshipped.t, carrier };
    const next = db
      .prepare(
        `SELECT tracking_no AS t FROM label_block WHERE carrier = ? AND warehouse_id = ? AND state = 'FREE' ORDER BY position LIMIT 1`,
      )
      .get(carrier, order.warehouseId) as { t: string } | undefined;
    if (!next) throw new ApiFailure('ACTION_REFUSED', 'No label numbers left on this desk', 'LABEL_BLOCK_EMPTY');
    db.prepare(`UPDATE label_block SET state = 'USED', order_no = ?, taken_at = ? WHERE tracking_no = ?`).run(
      orderNo,
      ctx.stamp().now,
      next.t,
    );
    return { trackingNo: next.t, carrier };
  })();
}

/** A spoiled label: its number goes on the void list here at once, and to the service when it can be reached. */
export async function voidLabel(ctx: CallContext, trackingNo: string, reason: string): Promise<LabelBlock> {
  const row = ctx.db
    .prepare(
      'SELECT carrier, warehouse_id AS warehouseId, state, order_no AS orderNo FROM label_block WHERE tracking_no = ?',
    )
    .get(trackingNo) as { carrier: string; warehouseId: string; state: string; orderNo: string | null } | undefined;
  if (!row) throw new ApiFailure('NOT_FOUND', `${trackingNo} is not in this desk's block`);
  const order = row.orderNo ? getOrderDetail(ctx.db, ctx.session.scope, row.orderNo) : null;
  if (order?.waybills.some((w) => w.trackingNo === trackingNo))
    throw new ApiFailure('ACTION_REFUSED', `${trackingNo} has shipped on ${row.orderNo}`, 'TRACKING_IN_USE', {
      trackingNo,
      orderNo: row.orderNo!,
    });
  ctx.db
    .prepare(`UPDATE label_block SET state = 'VOID', void_reason = ?, void_sent = 0 WHERE tracking_no = ?`)
    .run(reason, trackingNo);
  await sendVoids(ctx);
  return blockOf(ctx.db, row.carrier, row.warehouseId);
}

/**
 * Labels in the order asked; the first order that cannot get one ends the batch and is named. The
 * orders of a merge get one label between them, listing every order's goods.
 */
export function prepareLabels(ctx: CallContext, orderNos: readonly string[], carrier: string) {
  const labels: LabelToPrint[] = [];
  const merges = new Set<string>();
  for (const orderNo of orderNos) {
    const order = getOrderDetail(ctx.db, ctx.session.scope, orderNo);
    if (!order) return { labels, refused: { orderNo, reason: 'ORDER_NOT_FOUND' } };
    if (order.merge && merges.has(order.merge.id)) continue;
    try {
      const { trackingNo } = takeLabel(ctx, orderNo, carrier);
      const warehouse = ctx.db.prepare('SELECT name FROM warehouse_policies WHERE id = ?').get(order.warehouseId) as
        { name: string } | undefined;
      const members = order.merge ? mergeMembers(ctx, order.merge.id) : [order];
      if (order.merge) merges.add(order.merge.id);
      const [first, ...others] = members.length > 0 ? members : [order];
      labels.push({
        order: first!,
        trackingNo,
        carrier,
        sender: { name: order.merchantName, warehouse: warehouse?.name ?? order.warehouseId ?? '' },
        mergedWith: others.map((o) => ({
          orderNo: o.orderNo,
          lines: o.lines.map(({ name, spec, quantity }) => ({ name, spec, quantity })),
        })),
      });
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      return { labels, refused: { orderNo, reason: error.reason ?? error.code } };
    }
  }
  return { labels, refused: null };
}
