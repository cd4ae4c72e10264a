import type { ShiftList, ShiftRow } from '../../shared/contract/api';
import { can } from '../../shared/domain/rights';
import { canUndoRedemption, undoRedemptionRefusal } from '../../shared/domain/timers';
import type { CallContext } from '../ipc/dispatcher';
import { ApiFailure } from '../ipc/failure';
import { queueOrderIntent } from '../orders/act-locally';

const DAY_MS = 86_400_000;

interface Row {
  redemptionId: string;
  orderNo: string;
  storeId: string;
  clerk: string;
  redeemedAt: number;
  state: ShiftRow['state'];
  items: string | null;
  payable: number;
  undone: number;
}

const rowsQuery = `
  SELECT r.intent_id AS redemptionId, o.order_no AS orderNo, r.store_id AS storeId, r.clerk AS clerk,
         r.redeemed_at AS redeemedAt, r.state AS state, o.payable AS payable,
         (SELECT group_concat(l.name || ' ×' || l.quantity, '；') FROM order_lines l WHERE l.order_id = o.id) AS items,
         EXISTS (SELECT 1 FROM outbox x WHERE x.type = 'UNDO_REDEMPTION' AND x.state <> 'dismissed'
                 AND json_extract(x.payload, '$.redemptionId') = r.intent_id) AS undone
  FROM redemptions r JOIN orders o ON o.id = r.order_id
  WHERE r.intent_id IS NOT NULL AND r.redeemed_at >= ? AND r.redeemed_at < ?
  ORDER BY r.redeemed_at DESC, r.id DESC`;

/** The redemptions made at this desk in a time range (default: the last 24 hours), within the user's stores. */
export function shiftList(ctx: CallContext, { from, to }: { from?: number; to?: number }): ShiftList {
  const { db, session } = ctx;
  const now = ctx.stamp().now;
  const end = to ?? now + 1;
  const start = from ?? end - DAY_MS;
  const mayUndo = can(session.role, 'redemption.undo');
  const rows = (db.prepare(rowsQuery).all(start, end) as Row[])
    .filter((r) => session.scope.all || session.scope.storeIds.includes(r.storeId))
    .map(({ undone, items, ...r }): ShiftRow => ({
      ...r,
      items: items ?? '',
      undoable: mayUndo && !undone && r.state !== 'rejected' && canUndoRedemption(r.redeemedAt, now),
    }));
  const counted = rows.filter((r) => r.state !== 'rejected');
  return { rows, totals: { count: counted.length, payable: counted.reduce((sum, r) => sum + r.payable, 0) } };
}

/** A supervisor takes a redemption back while its window is open: queued like any local change. */
export function undoRedemption(
  ctx: CallContext,
  input: { orderNo: string; redemptionId: string; reason: string },
): { id: string } {
  const row = ctx.db
    .prepare(
      `SELECT r.redeemed_at AS redeemedAt, r.state AS state FROM redemptions r JOIN orders o ON o.id = r.order_id
       WHERE r.intent_id = ? AND o.order_no = ?`,
    )
    .get(input.redemptionId, input.orderNo) as { redeemedAt: number; state: string } | undefined;
  if (row) {
    if (row.state === 'rejected') {
      throw new ApiFailure('ACTION_REFUSED', 'That redemption never took effect', 'REDEMPTION_NOT_FOUND');
    }
    const late = undoRedemptionRefusal(row.redeemedAt, ctx.stamp().now);
    if (late) throw new ApiFailure('ACTION_REFUSED', 'The undo window of this redemption has passed', late);
  }
  const id = queueOrderIntent(ctx, 'UNDO_REDEMPTION', input, input.orderNo);
  void ctx.sync().catch(() => undefined);
  return { id };
}

/** Who used a code last, where and when: this desk's own record first, else the order's timeline. */
export function lastUseOf(
  ctx: CallContext,
  orderNo: string,
  timeline: ReadonlyArray<{ at: number; actor: string; action: string; detail: string }>,
): { redeemedBy: string; storeId: string; redeemedAt: number } | null {
  const mine = ctx.db
    .prepare(
      `SELECT r.clerk AS redeemedBy, r.store_id AS storeId, r.redeemed_at AS redeemedAt
       FROM redemptions r JOIN orders o ON o.id = r.order_id
       WHERE o.order_no = ? AND r.state <> 'rejected' ORDER BY r.redeemed_at DESC LIMIT 1`,
    )
    .get(orderNo) as { redeemedBy: string; storeId: string; redeemedAt: number } | undefined;
  if (mine) return mine;
  const entry = [...timeline].reverse().find((t) => t.action === 'REDEEM');
  if (!entry) return null;
  return {
    redeemedBy: entry.actor.replace(/^[a-z]+:/, ''),
    storeId: entry.detail.split(' 核销')[0] ?? '',
    redeemedAt: entry.at,
  };
}
