import type { ExceptionReasonCode } from '../../shared/domain/exception-reasons';
import type { OrderRecord } from '../../shared/contract/records';
import { decide } from '../../shared/domain/order-machine';
import { maskPhone, redemptionRefusal } from '../../shared/domain/redemption-code';
import { undoRedemptionRefusal } from '../../shared/domain/timers';
import { redeemOrder, undoRedemptionOrder } from '../../shared/intents/redeem';
import { logged } from '../../shared/intents/timeline';
import { factsOf, type OrderState } from '../../shared/intents/state';
import type { Caller } from '../auth/caller';
import type { Deps } from '../deps';
import { ApiError, type Conflict } from '../http/errors';
import { applied } from '../orders/act';
import type { WorkContext } from '../orders/context';
import { saveOrder } from '../orders/persist';
import { stateOf } from '../orders/state';
import type { CodeRow, OrderRow, StoreRow, Tx } from '../storage/repositories';
import { counterStore, locateCode } from './locate';

export interface RedeemContext extends WorkContext {
  deps: Deps;
  /** The code passed `admitCode` in an earlier unit of this request: the limits are not checked again. */
  admitted?: boolean;
  caller: Caller;
}

interface Located {
  store: StoreRow;
  code: CodeRow;
  row: OrderRow;
  state: OrderState;
}

async function locate(ctx: RedeemContext, codeText: string, storeId: string): Promise<Located> {
  const store = await counterStore(ctx.tx, ctx.caller, storeId);
  const code = await locateCode(ctx.deps, ctx.tx, ctx.caller, store, codeText, ctx.admitted);
  const row = await ctx.tx.orders.get(code.orderNo);
  if (!row) throw new Error(`code ${code.id} points at missing order ${code.orderNo}`);
  return { store, code, row, state: stateOf(row) };
}

/** Who took the code's last use: what the clerk who lost the race is shown. */
async function conflictOf(tx: Tx, code: CodeRow): Promise<Conflict | undefined> {
  const last = await tx.redemptions.lastApplied(code.id);
  return last ? { redeemedBy: last.actor, storeId: last.storeId, redeemedAt: last.redeemedAt } : undefined;
}

/**
 * The code's own checks (shared redemptionRefusal: merchant, uses, validity) judged at the moment
 * of redemption, then the order machine (lock, refund request holding the code, status). A used-up
 * code answers ALREADY_REDEEMED with who, where and when.
 */
async function refusalOf(ctx: RedeemContext, found: Located, at: number): Promise<ApiError | null> {
  const { code, store, state } = found;
  const codeRefusal = redemptionRefusal(code, at, store.merchantId);
  if (codeRefusal === 'CODE_USED_UP') {
    const conflict = await conflictOf(ctx.tx, code);
    return new ApiError('ALREADY_REDEEMED', 'This code has already been redeemed', conflict ? { conflict } : {});
  }
  if (codeRefusal) return new ApiError(codeRefusal, `The code cannot be redeemed: ${codeRefusal}`);
  const decision = decide(factsOf(state), { type: 'REDEEM', usesLeftAfter: code.usesLeft - 1 });
  return decision.ok ? null : new ApiError(decision.code, `Order ${code.orderNo} refuses redemption: ${decision.code}`);
}

export interface Preview {
  code: string;
  orderNo: string;
  merchantName: string;
  status: OrderRecord['status'];
  lines: Array<{ name: string; spec: string; quantity: number }>;
  buyer: { name: string; phone: string };
  validFrom: number;
  validTo: number;
  usesTotal: number;
  usesLeft: number;
  stores: Array<{ id: string; name: string }>;
  redeemable: boolean;
  /** Why it cannot be redeemed now; null when it can. */
  refusal: string | null;
  lastRedemption: Conflict | null;
}

/** What the clerk sees before confirming: what it buys, whose it is (phone masked), what is left. */
export async function previewCode(ctx: RedeemContext, codeText: string, storeId: string): Promise<Preview> {
  const found = await locate(ctx, codeText, storeId);
  const { code, state } = found;
  const record = state.record;
  const refusal = await refusalOf(ctx, found, ctx.now);
  const phone = record.receiver?.phone ?? (/^1\d{10}$/.test(record.buyer.account) ? record.buyer.account : '');
  return {
    code: code.code,
    orderNo: record.orderNo,
    merchantName: record.merchantName,
    status: record.status,
    lines: record.lines.map(({ name, spec, quantity }) => ({ name, spec, quantity })),
    buyer: { name: record.buyer.name, phone: maskPhone(phone) },
    validFrom: code.validFrom,
    validTo: code.validTo,
    usesTotal: code.usesTotal,
    usesLeft: code.usesLeft,
    stores: (await ctx.tx.places.storesOf(code.merchantId)).map(({ id, name }) => ({ id, name })),
    redeemable: refusal === null,
    refusal: refusal?.code ?? null,
    lastRedemption: (await conflictOf(ctx.tx, code)) ?? null,
  };
}

export interface Redeemed {
  redemptionId: string;
  orderNo: string;
  usesLeft: number;
  redeemedAt: number;
  order: OrderRecord;
}

/**
 * Takes one use of a code. `redemptionId` is the request id (online) or the intent id (offline),
 * so the supervisor's undo can name it. `at` is when the clerk really redeemed it: an offline
 * redemption is judged as of then, but never later than now.
 */
export async function redeemCode(
  ctx: RedeemContext,
  input: { code: string; storeId: string; at: number; redemptionId: string },
): Promise<Redeemed> {
  const found = await locate(ctx, input.code, input.storeId);
  const at = Math.min(input.at, ctx.now);
  const refusal = await refusalOf(ctx, found, at);
  if (refusal) throw refusal;
  const { code, row, state, store } = found;
  const next = applied(
    redeemOrder(
      state,
      { redemptionId: input.redemptionId, storeName: store.name, redeemedAt: at, usesLeft: code.usesLeft },
      ctx,
    ),
  );
  // The conditional decrement is the single-use guard itself, whatever checked before. The undo
  // window runs from now, when the service records it, whatever time the desk claims.
  if (!(await ctx.tx.codes.takeUse(code.id, ctx.now + ctx.config.timers.redemptionUndoMs))) {
    throw new ApiError('ALREADY_REDEEMED', 'This code has already been redeemed');
  }
  await ctx.tx.redemptions.insert({
    id: input.redemptionId,
    codeId: code.id,
    orderNo: code.orderNo,
    storeId: store.id,
    actor: ctx.actor,
    device: ctx.device,
    redeemedAt: at,
    recordedAt: ctx.now,
    state: 'applied',
    undoneAt: null,
    undoneBy: null,
  });
  const order = await saveOrder(ctx, next, row);
  return {
    redemptionId: input.redemptionId,
    orderNo: code.orderNo,
    usesLeft: code.usesLeft - 1,
    redeemedAt: at,
    order,
  };
}

/**
 * Keeps the losing offline redemption next to the winning one (state 'rejected'), so both desks'
 * records exist when a person looks at the conflict.
 */
export async function recordLosingRedemption(
  ctx: RedeemContext,
  input: { code: string; storeId: string; at: number; redemptionId: string },
): Promise<string | null> {
  const store = await ctx.tx.places.store(input.storeId);
  const code = store && (await ctx.tx.codes.find(input.code)).find((row) => row.merchantId === store.merchantId);
  if (!store || !code) return null;
  if (await ctx.tx.redemptions.get(input.redemptionId)) return code.orderNo;
  await ctx.tx.redemptions.insert({
    id: input.redemptionId,
    codeId: code.id,
    orderNo: code.orderNo,
    storeId: store.id,
    actor: ctx.actor,
    device: ctx.device,
    redeemedAt: Math.min(input.at, ctx.now),
    recordedAt: ctx.now,
    state: 'rejected',
    undoneAt: null,
    undoneBy: null,
  });
  return code.orderNo;
}

/**
 * An offline redemption that found its code expired: kept as a rejected redemption, and the order
 * flagged (OFFLINE_REDEMPTION_EXPIRED) with what the desk claimed, when it last synced and when it
 * arrived, so a supervisor decides; the code keeps its use until they do.
 */
export async function flagExpiredOffline(
  ctx: RedeemContext & { deviceLastSync: { at: number } | null },
  input: { code: string; storeId: string; at: number; claimedAt: number; redemptionId: string },
): Promise<string | null> {
  const orderNo = await recordLosingRedemption(ctx, input);
  const row = orderNo ? await ctx.tx.orders.get(orderNo) : null;
  if (!row) return orderNo;
  const state = stateOf(row);
  if (state.record.exception !== null) return orderNo;
  const when = (ms: number) => new Date(ms).toISOString();
  const detail =
    `${OFFLINE_REDEMPTION_EXPIRED}：离线核销时核销码已过期（有效期至 ${when(state.record.redemptionCode?.validTo ?? 0)}），` +
    `门店 ${input.storeId}，设备声称 ${when(input.claimedAt)}，最后同步 ${when(ctx.deviceLastSync?.at ?? 0)}，` +
    `到达 ${when(ctx.now)}；待主管处理（核销记录 ${input.redemptionId}）`;
  const exception = {
    reasons: [{ code: OFFLINE_REDEMPTION_EXPIRED, detail: detail.slice(0, 300), lineNo: null }],
    openedAt: ctx.now,
  };
  const flagged = { ...state, record: { ...state.record, exception } };
  await saveOrder(ctx, logged(ctx, flagged, 'EXCEPTION', detail), row);
  return orderNo;
}

/** The exception reason of an order whose offline redemption met an expired code. */
export const OFFLINE_REDEMPTION_EXPIRED: ExceptionReasonCode = 'OFFLINE_REDEMPTION_EXPIRED';

/** A supervisor's correction, within the undo window counted from when the service recorded the redemption. */
export async function undoRedemption(
  ctx: RedeemContext,
  input: { orderNo: string; redemptionId: string; reason: string },
  found: { row: OrderRow; state: OrderState },
): Promise<OrderRecord> {
  const redemption = await ctx.tx.redemptions.get(input.redemptionId);
  if (!redemption || redemption.orderNo !== input.orderNo || redemption.state === 'rejected') {
    throw new ApiError('REDEMPTION_NOT_FOUND', `No redemption ${input.redemptionId} on order ${input.orderNo}`);
  }
  if (redemption.state === 'undone') throw new ApiError('ALREADY_UNDONE', 'This redemption was already undone');
  const late = undoRedemptionRefusal(redemption.recordedAt, ctx.now, ctx.config.timers);
  if (late) throw new ApiError(late, 'The undo window of this redemption has passed');
  const code = await ctx.tx.codes.byOrder(input.orderNo);
  if (!code) throw new Error(`order ${input.orderNo} was redeemed but has no code`);
  const next = applied(
    undoRedemptionOrder(
      found.state,
      { redemptionId: redemption.id, storeId: redemption.storeId, reason: input.reason, usesLeft: code.usesLeft },
      ctx,
    ),
  );
  await ctx.tx.codes.giveBackUse(code.id, code.validTo);
  await ctx.tx.redemptions.markUndone(redemption.id, ctx.now, ctx.actor);
  return saveOrder(ctx, next, found.row);
}
