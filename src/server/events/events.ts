import type { AfterSaleRecord, OrderRecord } from '../../shared/contract/records';
import type { LineQuantity } from '../../shared/domain/line-request';
import { parentOfOrderNumber } from '../../shared/domain/order-number';
import { coversShop } from '../../shared/domain/rights';
import type { AfterSaleType, PaymentChannel } from '../../shared/domain/vocabulary';
import { stepAfterSale } from '../../shared/intents/after-sale';
import { cancelRecord } from '../../shared/intents/cancel';
import type { OrderState } from '../../shared/intents/state';
import { logged } from '../../shared/intents/timeline';
import { requestAfterSale } from '../aftersales/request';
import { codeOf } from '../redemption/codes';
import { actorLabel, type Caller } from '../auth/caller';
import type { Deps } from '../deps';
import { ApiError } from '../http/errors';
import { act } from '../orders/act';
import { saveCancelled } from '../orders/cancel';
import type { WorkContext } from '../orders/context';
import { payOrder } from '../orders/pay';
import { findOrder, saveOrder, type LoadedOrder } from '../orders/persist';
import type { Tx } from '../storage/repositories';
import { inTurn } from '../storage/in-turn';

/**
 * What buyers do on a shop's platform or in the mall, told to the service by whoever runs it (an
 * ERP, a connector, the mall's backend): pay, cancel, ask for after-sales and withdraw, confirm or
 * extend receipt. Each goes through the same machines as everything else and is logged as the
 * buyer's, through the caller's door. A change from the order's own shop is not written back to it.
 */

/** Which order an event is about: ours, or the shop's number for it. */
export type OrderRef = { orderNo: string } | { shopId: string; externalOrderNo: string };

/** The buyer acting, through whoever told the service. */
function buyerCtx(deps: Deps, tx: Tx, caller: Caller, record: OrderRecord): WorkContext {
  return {
    tx,
    now: deps.clock.now(),
    config: deps.config,
    actor: `buyer:${record.buyer.id}`,
    device: actorLabel(caller),
    codeIssued: () => deps.codeVerifiers.kick(),
    ...(record.external ? { origin: 'shop' as const } : {}),
  };
}

/** The children an event addresses, in the caller's scope; out of scope is exactly as absent as missing. */
async function childrenOf(tx: Tx, caller: Caller, ref: OrderRef): Promise<LoadedOrder[]> {
  let parentNo: string | null;
  if ('orderNo' in ref) parentNo = parentOfOrderNumber(ref.orderNo) ?? ref.orderNo;
  else {
    if (!coversShop(caller.scope, ref.shopId))
      throw new ApiError('SHOP_NOT_IN_SCOPE', `This account may not act for shop ${ref.shopId}`);
    parentNo = (await tx.externalOrders.get(ref.shopId, ref.externalOrderNo))?.parentNo ?? null;
  }
  const rows = parentNo ? await tx.orders.childrenOf(parentNo) : [];
  const loaded = (await inTurn(rows, (row) => findOrder(tx, row.orderNo, caller.scope))).filter(
    (o): o is LoadedOrder => o !== null,
  );
  if (loaded.length === 0) throw new ApiError('ORDER_NOT_FOUND', 'No such order');
  return loaded;
}

/** The one child an event about a single child order is for: named by number, or the only one. */
async function oneChild(tx: Tx, caller: Caller, ref: OrderRef): Promise<LoadedOrder> {
  const children = await childrenOf(tx, caller, ref);
  if ('orderNo' in ref && parentOfOrderNumber(ref.orderNo) !== ref.orderNo) {
    const named = children.find((c) => c.row.orderNo === ref.orderNo);
    if (!named) throw new ApiError('ORDER_NOT_FOUND', `No order ${ref.orderNo}`);
    return named;
  }
  if (children.length > 1)
    throw new ApiError('ORDER_AMBIGUOUS', 'The order was split: name the child order (orderNo) this is about');
  return children[0]!;
}

/**
 * The buyer paid: every unpaid child of the checkout is paid (virtual goods delivered, service goods
 * get their codes). The records carry a code's verifier, never the code: the codes come back beside
 * them, for whoever tells the buyer.
 */
export async function paymentConfirmed(
  deps: Deps,
  caller: Caller,
  ref: OrderRef,
  payment: { channel: PaymentChannel; serialNo: string | null; paidAt?: number },
): Promise<{ orders: OrderRecord[]; codes: Array<{ orderNo: string; code: string }> }> {
  const paidNos = await deps.store.unit(async (tx) => {
    const unpaid = (await childrenOf(tx, caller, ref)).filter((c) => c.state.record.status === 'PENDING_PAYMENT');
    if (unpaid.length === 0) throw new ApiError('WRONG_STATUS', 'The order has nothing left to pay');
    for (const { row, state } of unpaid) {
      const ctx = buyerCtx(deps, tx, caller, state.record);
      const next = await payOrder(ctx, state, { channel: payment.channel, serialNo: payment.serialNo });
      const paidAt = Math.min(payment.paidAt ?? ctx.now, ctx.now);
      await saveOrder(ctx, { ...next, record: { ...next.record, paidAt } }, row);
    }
    return unpaid.map((c) => c.row.orderNo);
  });
  // The orders as a desk pulling right after sees them: with their codes' verifiers in place.
  await deps.codeVerifiers.flush();
  return deps.store.unit(async (tx) => {
    const orders = (await inTurn(paidNos, (no) => findOrder(tx, no, caller.scope))).flatMap((o) =>
      o ? [o.state.record] : [],
    );
    const codes: Array<{ orderNo: string; code: string }> = [];
    for (const order of orders) {
      const code = order.redemptionCode ? await codeOf(tx, order.orderNo) : null;
      if (code) codes.push({ orderNo: order.orderNo, code });
    }
    return { orders, codes };
  });
}

/** The buyer called an unpaid order off: every unpaid child is cancelled and gives its stock back. */
export function buyerCancelled(deps: Deps, caller: Caller, ref: OrderRef, reason: string): Promise<OrderRecord[]> {
  return deps.store.unit(async (tx) => {
    const children = await childrenOf(tx, caller, ref);
    const unpaid = children.filter((c) => c.state.record.status === 'PENDING_PAYMENT');
    if (unpaid.length === 0)
      throw new ApiError('WRONG_STATUS', 'Only an unpaid order is cancelled by its buyer; a paid one is refunded');
    const cancelled: OrderRecord[] = [];
    for (const { row, state } of unpaid) {
      const ctx = buyerCtx(deps, tx, caller, state.record);
      cancelled.push(await saveCancelled(ctx, row, cancelRecord(state, `买家取消：${reason}`, ctx)));
    }
    return cancelled;
  });
}

export interface AfterSaleAsk {
  type: AfterSaleType;
  reason: string;
  lines?: LineQuantity[];
  /** The parcel the buyer sends the goods back in (a return or an exchange). */
  returnShipment?: { carrier: string; trackingNo: string };
}

/** The buyer asks for a refund, a return or an exchange on one child order (shared eligibility rules). */
export function afterSaleRequested(
  deps: Deps,
  caller: Caller,
  ref: OrderRef,
  ask: AfterSaleAsk,
): Promise<AfterSaleRecord> {
  return deps.store.unit(async (tx) => {
    const order = await oneChild(tx, caller, ref);
    return requestAfterSale(buyerCtx(deps, tx, caller, order.state.record), order, ask);
  });
}

/** The buyer takes a request back while it waits for review. */
export function afterSaleWithdrawn(
  deps: Deps,
  caller: Caller,
  ref: OrderRef,
  afterSaleNo: string,
): Promise<OrderRecord> {
  return deps.store.unit(async (tx) => {
    const children = await childrenOf(tx, caller, ref);
    const order = children.find((c) => c.state.record.afterSales.some((a) => a.afterSaleNo === afterSaleNo));
    if (!order) throw new ApiError('AFTER_SALE_NOT_FOUND', `No after-sale ${afterSaleNo} on this order`);
    const request = order.state.record.afterSales.find((a) => a.afterSaleNo === afterSaleNo)!;
    const ctx = buyerCtx(deps, tx, caller, order.state.record);
    const step = stepAfterSale(order.state, request.id, { type: 'WITHDRAW' }, ctx);
    if (!step.ok) throw new ApiError(step.code, step.message ?? step.code);
    return saveOrder(ctx, logged(ctx, step.state, 'AFTER_SALE_WITHDRAW', `买家撤回 ${afterSaleNo}`), order.row);
  });
}

/** A receipt event on one child: the buyer confirms (交易完成) or extends it once. */
function onReceipt(
  deps: Deps,
  caller: Caller,
  ref: OrderRef,
  change: (ctx: WorkContext, state: OrderState) => OrderState,
): Promise<OrderRecord> {
  return deps.store.unit(async (tx) => {
    const order = await oneChild(tx, caller, ref);
    const ctx = buyerCtx(deps, tx, caller, order.state.record);
    return saveOrder(ctx, change(ctx, order.state), order.row);
  });
}

export const receiptConfirmed = (deps: Deps, caller: Caller, ref: OrderRef) =>
  onReceipt(deps, caller, ref, (ctx, state) => {
    const confirmed = act(state, { type: 'CONFIRM_RECEIPT' });
    return logged(
      ctx,
      { ...confirmed, record: { ...confirmed.record, completedAt: ctx.now } },
      'CONFIRM_RECEIPT',
      '买家确认收货',
    );
  });

/** +3 days physical, +1 day virtual, once (the shared timer table). */
export const receiptExtended = (deps: Deps, caller: Caller, ref: OrderRef) =>
  onReceipt(deps, caller, ref, (ctx, state) =>
    logged(ctx, act(state, { type: 'EXTEND_RECEIPT' }), 'EXTEND_RECEIPT', '买家延长收货'),
  );
