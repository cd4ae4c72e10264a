import { cancelRecord } from '../../shared/intents/cancel';
import type { Deps } from '../deps';
import { ApiError } from '../http/errors';
import { applied } from '../orders/act';
import { confirmReceiptRecord } from '../../shared/intents/receipt';
import { approveReview } from '../../shared/intents/review';
import { readReviewConfig } from '../review/config';
import { saveCancelled } from '../orders/cancel';
import { SYSTEM_ACTOR, type WorkContext } from '../orders/context';
import { saveOrder } from '../orders/persist';
import { stateOf } from '../orders/state';
import type { Tx } from '../storage/repositories';

export interface SweepResult {
  cancelled: number;
  confirmed: number;
  reviewsApproved: number;
  codesRetired: number;
}

/** Orders per unit: a sweep after a long outage never holds the store for long at a time. */
const BATCH = 200;

/**
 * Runs one order's due timer through the machine. An order the machine refuses right now (locked,
 * or an after-sale open on it) is skipped and picked up by a later sweep once that is resolved.
 */
async function due(
  deps: Deps,
  pick: (tx: Tx, now: number, limit: number) => Promise<string[]>,
  apply: (ctx: WorkContext, orderNo: string) => Promise<boolean>,
): Promise<number> {
  let done = 0;
  const skipped = new Set<string>();
  for (;;) {
    const now = deps.clock.now();
    const batch = await deps.store.unit(async (tx) => {
      const ctx: WorkContext = { tx, now, config: deps.config, ...SYSTEM_ACTOR };
      // Skipped orders come back first in the due order, so ask for that many more.
      const orderNos = (await pick(tx, now, BATCH + skipped.size)).filter((no) => !skipped.has(no));
      let applied = 0;
      for (const orderNo of orderNos) {
        try {
          if (await tx.attempt(() => apply(ctx, orderNo))) applied++;
          else skipped.add(orderNo);
        } catch (error) {
          if (!(error instanceof ApiError)) throw error;
          skipped.add(orderNo);
        }
      }
      return { seen: orderNos.length, applied };
    });
    done += batch.applied;
    if (batch.seen === 0) return done;
  }
}

/** 待付款 for longer than the unpaid window: cancelled by the system, stock released. */
const cancelUnpaid = (deps: Deps) =>
  due(
    deps,
    (tx, now, limit) => tx.orders.dueUnpaid(now - deps.config.timers.unpaidCancelMs, limit),
    async (ctx, orderNo) => {
      const row = await ctx.tx.orders.get(orderNo);
      if (!row) return false;
      await saveCancelled(ctx, row, cancelRecord(stateOf(row), '超时未支付，系统自动取消', ctx));
      return true;
    },
  );

/**
 * 待收货 past its deadline (10 days express, 30 surface mail, 24 h virtual, plus one extension):
 * receipt confirmed by the system. A buyer with an open after-sale keeps the order open: confirming
 * it under a pending return would start the after-sales window running against them.
 */
const confirmReceipt = (deps: Deps) =>
  due(
    deps,
    (tx, now, limit) => tx.orders.dueConfirm(now, limit),
    async (ctx, orderNo) => {
      const row = await ctx.tx.orders.get(orderNo);
      if (!row) return false;
      const state = stateOf(row);
      if (state.record.refundStatus === 'IN_PROGRESS') return false;
      const next = applied(confirmReceiptRecord(state, '超时未确认，系统自动确认收货', ctx));
      await saveOrder(ctx, next, row);
      return true;
    },
  );

/**
 * 审单 with an auto-approve delay: a hold nobody decided within it is approved by the system, by
 * the delay set now (a delay shortened later frees the older holds at once).
 */
const approveWaitingReviews = (deps: Deps) =>
  due(
    deps,
    async (tx, now, limit) => {
      const { autoApproveMinutes } = await readReviewConfig(tx);
      return autoApproveMinutes === null ? [] : tx.orders.dueReview(now - autoApproveMinutes * 60_000, limit);
    },
    async (ctx, orderNo) => {
      const row = await ctx.tx.orders.get(orderNo);
      if (!row) return false;
      const { autoApproveMinutes } = await readReviewConfig(ctx.tx);
      const detail = `超过 ${autoApproveMinutes ?? 0} 分钟无人审核，系统自动审核通过`;
      await saveOrder(ctx, applied(approveReview(stateOf(row), null, detail, ctx)), row);
      return true;
    },
  );

/**
 * One sweep of every timer of domain.md. The after-sales window and the undo window need no sweep:
 * they are checked when someone asks; a code's number becomes free again once its last use is past
 * the undo window or it has expired.
 */
export async function runDueTimers(deps: Deps): Promise<SweepResult> {
  const cancelled = await cancelUnpaid(deps);
  const confirmed = await confirmReceipt(deps);
  const reviewsApproved = await approveWaitingReviews(deps);
  const codesRetired = await deps.store.unit((tx) => tx.codes.retireDue(deps.clock.now()));
  return { cancelled, confirmed, reviewsApproved, codesRetired };
}
