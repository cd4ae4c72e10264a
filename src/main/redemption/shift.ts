import type { ShiftList, ShiftRow } from '../../shared/contract/api';
import type { RedemptionList } from '../../shared/contract/service';
import { can } from '../../shared/domain/rights';
import { canUndoRedemption, undoRedemptionRefusal } from '../../shared/domain/timers';
import { outboxOf } from '../db/outbox';
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
  /** Where the undo window starts: when the service recorded it (its own rows), else the local time. */
  undoFrom?: number;
}

const rowsQuery = `
  SELECT r.intent_id AS redemptionId, o.order_no AS orderNo, r.store_id AS storeId, r.clerk AS clerk,
         r.redeemed_at AS redeemedAt, r.state AS state, o.payable AS payable,
         (SELECT group_concat(l.name || ' ×' || l.quantity, '；') FROM order_lines l WHERE l.order_id = o.id) AS items
  FROM redemptions r JOIN orders o ON o.id = r.order_id
  WHERE r.intent_id IS NOT NULL AND r.redeemed_at >= ? AND r.redeemed_at < ?
  ORDER BY r.redeemed_at DESC, r.id DESC`;

/** Redemptions this desk has asked to undo (sent or not): not offered for undo again. */
const undoAsked = (ctx: CallContext): Set<string> => outboxOf(ctx.db).undoneRedemptions();

const SERVICE_STATES: Readonly<Record<RedemptionList['redemptions'][number]['state'], ShiftRow['state']>> = {
  applied: 'confirmed',
  rejected: 'rejected',
  undone: 'undone',
};

/** Redemptions that count: not refused, not undone (a provisional one stands until the service says). */
const stands = (state: ShiftRow['state']): boolean => state === 'provisional' || state === 'confirmed';

/** A redemption as the service holds it, in the shift list's terms ("clerk:clerk1" → "clerk1"). */
const serviceRow = (r: RedemptionList['redemptions'][number]): Row => ({
  redemptionId: r.id,
  orderNo: r.orderNo,
  storeId: r.storeId,
  clerk: r.actor.replace(/^[a-z]+:/, ''),
  redeemedAt: r.redeemedAt,
  state: SERVICE_STATES[r.state],
  items: r.lines.map((l) => `${l.name} ×${l.quantity}`).join('；'),
  payable: r.payable,
  undoFrom: r.recordedAt,
});

/**
 * The redemptions of a time range (default: the last 24 hours) within the user's stores. A clerk
 * sees this desk's own. A supervisor, who may undo any of them, sees every redemption of their
 * stores as the service holds it (the service's word wins for one it knows), plus this desk's not
 * yet synced ones; offline, this desk's alone, saying so.
 */
export async function shiftList(ctx: CallContext, { from, to }: { from?: number; to?: number }): Promise<ShiftList> {
  const { db, session } = ctx;
  const now = ctx.stamp().now;
  const end = to ?? now + 1;
  const start = from ?? end - DAY_MS;
  const mayUndo = can(session.role, 'redemption.undo');
  const byId = new Map(
    (db.prepare(rowsQuery).all(start, end) as Row[])
      .filter((r) => session.scope.all || session.scope.storeIds.includes(r.storeId))
      .map((r) => [r.redemptionId, r]),
  );
  let unavailable: string | null = null;
  if (mayUndo) {
    const answer = await ctx.service.redemptions({ from: start, to: end });
    if (answer.ok) answer.value.redemptions.forEach((r) => byId.set(r.id, serviceRow(r)));
    else unavailable = answer.failure.kind === 'REJECTED' ? answer.failure.code : answer.failure.kind;
  }
  const asked = undoAsked(ctx);
  const rows = [...byId.values()]
    // Stable: ties keep this desk's own order (newest first), the service's rows after.
    .sort((a, b) => b.redeemedAt - a.redeemedAt)
    .map(({ items, undoFrom, ...r }): ShiftRow => ({
      ...r,
      items: items ?? '',
      undoable:
        mayUndo && stands(r.state) && !asked.has(r.redemptionId) && canUndoRedemption(undoFrom ?? r.redeemedAt, now),
    }));
  const standing = rows.filter((r) => stands(r.state));
  return {
    rows,
    totals: { count: standing.length, payable: standing.reduce((sum, r) => sum + r.payable, 0) },
    coverage: !mayUndo ? 'desk' : unavailable ? 'desk-only' : 'stores',
    unavailable,
  };
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
