import type { IntakeOrder } from '../../shared/contract/intake';
import type { ExceptionReason } from '../../shared/domain/exception-reasons';
import { stepAfterSale } from '../../shared/intents/after-sale';
import { cancelRecord } from '../../shared/intents/cancel';
import type { OrderState } from '../../shared/intents/state';
import { logged } from '../../shared/intents/timeline';
import { requestAfterSale } from '../aftersales/request';
import { recordRefund } from '../aftersales/intents';
import { ApiError } from '../http/errors';
import { saveCancelled } from '../orders/cancel';
import type { WorkContext } from '../orders/context';
import { saveOrder, type LoadedOrder } from '../orders/persist';
import { stateOf } from '../orders/state';
import type { LineMapEntry } from '../outbound/enqueue';
import type { ExternalOrderRow, ShopRow } from '../storage/repositories';
import { externalOf, fromShop, settle } from './build';

/** The children of an accepted external order, loaded. */
async function childrenOf(ctx: WorkContext, known: ExternalOrderRow): Promise<LoadedOrder[]> {
  return (await ctx.tx.orders.childrenOf(known.parentNo)).map((row) => ({ row, state: stateOf(row) }));
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Opens (or adds to) an order's exception: a change the shop sent that no rule may apply by itself. */
function flagged(ctx: WorkContext, state: OrderState, detail: string): OrderState {
  const reason: ExceptionReason = { code: 'OTHER', detail: detail.slice(0, 300), lineNo: null };
  const open = state.record.exception;
  const exception = open
    ? { ...open, reasons: [...open.reasons, reason].slice(-50) }
    : { reasons: [reason], openedAt: ctx.now };
  return logged(ctx, { ...state, record: { ...state.record, exception } }, 'EXCEPTION', `转入异常队列：${detail}`);
}

/** The after-sale a shop's refund opened on a child, the newest first. */
const shopRequestOf = (state: OrderState) =>
  [...state.record.afterSales].reverse().find((a) => a.reason.startsWith('[平台] '));

/**
 * A later version of an accepted order becomes intents on its children, each through the same
 * machine a desk's intent goes through, each logged as coming from the shop:
 * - paid: the unpaid children are paid; cancelled: the unpaid ones are cancelled (their stock
 *   comes back); a paid one the platform cancelled is flagged for a person;
 * - a new receiver: applied to every child that has shipped nothing, flagged where goods left;
 * - a refund requested on the platform: an after-sale request (which intercepts shipping as a
 *   buyer's does); completed: approved and refunded as the platform did; withdrawn: withdrawn;
 * - lines or amounts changed after acceptance: flagged, never applied silently.
 */
export async function applyVersion(
  ctx: WorkContext,
  shop: ShopRow,
  known: ExternalOrderRow,
  before: IntakeOrder,
  after: IntakeOrder,
): Promise<string[]> {
  const lineMap = JSON.parse(known.lineMap) as LineMapEntry[];
  const orderNos: string[] = [];
  for (const loaded of await childrenOf(ctx, known)) {
    const { row } = loaded;
    let state: OrderState = { ...loaded.state, record: { ...loaded.state.record, external: externalOf(shop, after) } };
    const note = (detail: string) =>
      (state = logged(ctx, state, 'EXTERNAL_UPDATE', `${fromShop(shop, after)}：${detail}`));

    if (before.status !== after.status || !sameJson(before.payment, after.payment)) {
      const wasUnpaid = state.record.status === 'PENDING_PAYMENT';
      if (after.status === 'CANCELLED' && !wasUnpaid && state.record.status !== 'CANCELLED')
        state = flagged(ctx, state, `平台已取消已付款的订单 ${after.externalOrderNo}，请与平台核对退款`);
      else if (after.status === 'CANCELLED' && wasUnpaid) {
        await saveCancelled(ctx, row, cancelRecord(state, `平台已取消：${after.platformStatus || '买家取消'}`, ctx));
        state = stateOf((await ctx.tx.orders.get(row.orderNo))!);
        orderNos.push(row.orderNo);
        continue;
      } else state = await settle(ctx, state, after, 'accepted');
    }

    if (after.receiver && !sameJson(before.receiver, after.receiver) && state.record.kind !== 'VIRTUAL') {
      const shipped = state.record.lines.some((l) => l.shippedQuantity > 0);
      if (shipped) state = flagged(ctx, state, `平台在发货后修改了收货地址，未自动应用`);
      else {
        state = { ...state, record: { ...state.record, receiver: { ...after.receiver } } };
        note(
          `收货地址改为 ${after.receiver.province}${after.receiver.city}${after.receiver.district}${after.receiver.address}`,
        );
      }
    }

    if (!sameJson(before.lines, after.lines) || !sameJson(before.amounts, after.amounts))
      state = flagged(ctx, state, `平台订单的商品或金额在接单后变了，请人工核对`);

    if (!sameJson(before.refund, after.refund) && after.refund) {
      state = await applyRefund(ctx, { row, state }, after, lineMap);
    }
    if (before.platformStatus !== after.platformStatus) note(`平台状态 ${after.platformStatus}`);
    await saveOrder(ctx, state, row);
    orderNos.push(row.orderNo);
  }
  return orderNos;
}

/**
 * A refund an order already carried when it was accepted (first seen with its buyer's request, or
 * released from the exception queue after the request came): applied to its children as a later
 * version's would be.
 */
export async function applyFirstRefund(
  ctx: WorkContext,
  parentNo: string,
  lineMap: readonly LineMapEntry[],
  order: IntakeOrder,
): Promise<void> {
  for (const row of await ctx.tx.orders.childrenOf(parentNo)) {
    const state = await applyRefund(ctx, { row, state: stateOf(row) }, order, lineMap);
    await saveOrder(ctx, state, (await ctx.tx.orders.get(row.orderNo))!);
  }
}

/** The platform's refund on one child: opened, completed or withdrawn as the version says. */
async function applyRefund(
  ctx: WorkContext,
  { row, state }: LoadedOrder,
  after: IntakeOrder,
  lineMap: readonly LineMapEntry[],
): Promise<OrderState> {
  const refund = after.refund!;
  const mine = lineMap.filter((m) => m.orderNo === row.orderNo);
  const lines = refund.lines
    ? refund.lines.flatMap(({ line, quantity }) => {
        const entry = mine.find((m) => m.input === line);
        return entry ? [{ lineNo: entry.lineNo, quantity }] : [];
      })
    : undefined;
  // A refund of lines of another child concerns that child only.
  if (lines && lines.length === 0) return state;
  let open = shopRequestOf(state);
  let next = state;
  if (
    refund.status !== 'WITHDRAWN' &&
    !(open && open.status === 'PENDING_REVIEW') &&
    open?.status !== 'PENDING_REFUND'
  ) {
    try {
      await requestAfterSale(ctx, { row, state }, { type: refund.type, reason: `[平台] ${refund.reason}`, lines });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      return flagged(ctx, state, `平台退款申请无法登记（${error.code}）：${refund.reason}`);
    }
    next = stateOf((await ctx.tx.orders.get(row.orderNo))!);
    open = shopRequestOf(next);
  }
  if (!open) return next;
  if (refund.status === 'WITHDRAWN' && open.status === 'PENDING_REVIEW') {
    const withdrawn = stepAfterSale(next, open.id, { type: 'WITHDRAW' }, ctx);
    return withdrawn.ok
      ? logged(ctx, withdrawn.state, 'AFTER_SALE_WITHDRAW', `买家在平台撤回 ${open.afterSaleNo}`)
      : next;
  }
  if (refund.status === 'COMPLETED') {
    let request = open;
    if (request.status === 'PENDING_REVIEW') {
      const approved = stepAfterSale(next, request.id, { type: 'APPROVE' }, ctx);
      if (!approved.ok) return flagged(ctx, next, `平台已退款，但 ${request.afterSaleNo} 无法通过（${approved.code}）`);
      next = approved.state;
      request = approved.request;
    }
    if (request.status !== 'PENDING_REFUND')
      return flagged(ctx, next, `平台已退款，${request.afterSaleNo} 仍在 ${request.status}`);
    const refunded = stepAfterSale(next, request.id, { type: 'REFUND' }, ctx);
    if (!refunded.ok) return flagged(ctx, next, `平台已退款，但 ${request.afterSaleNo} 无法完成（${refunded.code}）`);
    await recordRefund(ctx, { row, state: next }, refunded.state, refunded.request);
    return logged(ctx, refunded.state, 'AFTER_SALE_REFUND', `平台已退款 ${request.afterSaleNo}`);
  }
  return next;
}
