import type { AfterSaleRecord } from '../contract/records';
import type { IntentPayload } from '../contract/sync';
import { applyAfterSale, orderEffectOfAfterSale, type AfterSaleAction } from '../domain/after-sale-machine';
import { carrierByCode, checkTrackingNo } from '../domain/carriers';
import { formatFen } from '../domain/money';
import { accepted, refusal, type ApplyContext, type Applied, type Refused } from './result';
import { factsOf, withFacts, type OrderState } from './state';
import { logged } from './timeline';
import { newWaybill } from './waybill';

export interface AfterSaleStep {
  ok: true;
  state: OrderState;
  /** The request as the step leaves it. */
  request: AfterSaleRecord;
}

/**
 * Moves one request through the shared after-sale machine, then lets the shared effects table
 * decide what that does to the order (open 售后中, refund lines, close on a full refund). Both
 * refuse with their own codes; nothing here adds to either decision.
 */
export function stepAfterSale(
  state: OrderState,
  afterSaleId: string,
  action: AfterSaleAction,
  ctx: ApplyContext,
): AfterSaleStep | Refused {
  const { record } = state;
  const request = record.afterSales.find((a) => a.id === afterSaleId);
  if (!request) return refusal('AFTER_SALE_NOT_FOUND', `No after-sale ${afterSaleId} on order ${record.orderNo}`);
  const moved = applyAfterSale({ type: request.type, status: request.status, orderLocked: record.locked }, action);
  if (!moved.ok) {
    return refusal(moved.code, `After-sale ${request.afterSaleNo} (${request.status}) refuses ${action.type}`);
  }
  const status = moved.facts.status;
  const effect = orderEffectOfAfterSale(factsOf(state), {
    type: request.type,
    status,
    lines: request.lines,
    amount: request.amount,
  });
  if (!effect.ok) return refusal(effect.code, `Order ${record.orderNo} refuses after-sale ${action.type}`);
  const next = withFacts(state, effect.facts);
  const updated: AfterSaleRecord = {
    ...request,
    status,
    updatedAt: ctx.now,
    rejectReason: action.type === 'REJECT' ? action.reason : request.rejectReason,
  };
  return {
    ok: true,
    request: updated,
    state: {
      ...next,
      record: { ...next.record, afterSales: next.record.afterSales.map((a) => (a.id === afterSaleId ? updated : a)) },
    },
  };
}

/** AFTER_SALE_APPROVE: the request goes on (to the refund, or to waiting for the goods back). */
export function applyAfterSaleApprove(
  state: OrderState,
  payload: IntentPayload<'AFTER_SALE_APPROVE'>,
  ctx: ApplyContext,
): Applied {
  const step = stepAfterSale(state, payload.afterSaleId, { type: 'APPROVE' }, ctx);
  if (!step.ok) return step;
  return accepted(logged(ctx, step.state, 'AFTER_SALE_APPROVE', `${step.request.afterSaleNo} 审核通过`));
}

/** AFTER_SALE_REJECT: the request ends with a reason and the order leaves 售后中. */
export function applyAfterSaleReject(
  state: OrderState,
  payload: IntentPayload<'AFTER_SALE_REJECT'>,
  ctx: ApplyContext,
): Applied {
  const step = stepAfterSale(state, payload.afterSaleId, { type: 'REJECT', reason: payload.reason }, ctx);
  if (!step.ok) return step;
  const detail = `${step.request.afterSaleNo} 审核拒绝：${payload.reason}`;
  return accepted(logged(ctx, step.state, 'AFTER_SALE_REJECT', detail));
}

/** The requests whose goods come back in a parcel, while that parcel is still to arrive. */
const PARCEL_EXPECTED: ReadonlySet<AfterSaleRecord['status']> = new Set([
  'PENDING_REVIEW',
  'AWAITING_RETURN',
  'AWAITING_EXCHANGE_RETURN',
]);

/**
 * AFTER_SALE_RETURN_PARCEL: staff write down the parcel the buyer sent the goods back in (told on
 * the phone, read off the platform), so the return desk finds the request by scanning it. A
 * correction replaces the number; only a return or an exchange, and only before the goods arrived.
 */
export function applyAfterSaleReturnParcel(
  state: OrderState,
  payload: IntentPayload<'AFTER_SALE_RETURN_PARCEL'>,
  ctx: ApplyContext,
): Applied {
  const { record } = state;
  const request = record.afterSales.find((a) => a.id === payload.afterSaleId);
  if (!request)
    return refusal('AFTER_SALE_NOT_FOUND', `No after-sale ${payload.afterSaleId} on order ${record.orderNo}`);
  if (request.type === 'REFUND_ONLY') return refusal('WRONG_TYPE', `${request.afterSaleNo} is a refund only`);
  if (!PARCEL_EXPECTED.has(request.status))
    return refusal('WRONG_STATUS', `${request.afterSaleNo} (${request.status}) expects no parcel now`);
  const check = checkTrackingNo(payload.carrier, payload.trackingNo);
  if (!check.ok) return refusal(check.code, `${payload.carrier} ${payload.trackingNo}`, { trackingNo: check.code });
  const returnShipment = { carrier: payload.carrier, trackingNo: check.normalized };
  const updated: AfterSaleRecord = { ...request, returnShipment, updatedAt: ctx.now };
  const next = {
    ...state,
    record: { ...record, afterSales: record.afterSales.map((a) => (a.id === request.id ? updated : a)) },
  };
  const carrier = carrierByCode(payload.carrier)?.nameZh ?? payload.carrier;
  return accepted(
    logged(ctx, next, 'RETURN_PARCEL', `${request.afterSaleNo} 买家退回快递：${carrier} ${check.normalized}`),
  );
}

/** AFTER_SALE_RECEIVE_RETURN: the returned goods are back (the shelf they go on is the service's). */
export function applyAfterSaleReceiveReturn(
  state: OrderState,
  payload: IntentPayload<'AFTER_SALE_RECEIVE_RETURN'>,
  ctx: ApplyContext,
): Applied {
  const step = stepAfterSale(state, payload.afterSaleId, { type: 'RECEIVE_RETURN' }, ctx);
  if (!step.ok) return step;
  return accepted(logged(ctx, step.state, 'RETURN_RECEIVED', `${step.request.afterSaleNo} 退回商品已入库`));
}

/**
 * AFTER_SALE_REFUND: money goes back by the route it came (the original channel and serial
 * number). A full refund closes the order (the shared effects decide that) and says so.
 */
export function applyAfterSaleRefund(
  state: OrderState,
  payload: IntentPayload<'AFTER_SALE_REFUND'>,
  ctx: ApplyContext,
): Applied {
  const step = stepAfterSale(state, payload.afterSaleId, { type: 'REFUND' }, ctx);
  if (!step.ok) return step;
  const { channel, serialNo } = step.state.record.payment;
  const route = channel ? `原路退回（${channel}${serialNo ? `，原支付流水号 ${serialNo}` : ''}）` : '已退回';
  const amount = formatFen(step.request.amount, { symbol: true });
  const refunded = logged(ctx, step.state, 'REFUND', `${step.request.afterSaleNo} 退款 ${amount} ${route}`);
  if (refunded.record.status !== 'CLOSED') return accepted(refunded);
  return accepted(logged(ctx, refunded, 'CLOSE', closeDetail(refunded.record.refundStatus === 'REFUNDED')));
}

/** Every item is back, so the trade is closed; 全额退款 only when every fen paid is back too. */
export const closeDetail = (allMoneyBack: boolean): string =>
  allMoneyBack ? '已全额退款，交易关闭' : '商品已全部退款（运费未退），交易关闭';

/** AFTER_SALE_SHIP_EXCHANGE: the replacement leaves with a new waybill; the machine checks its number. */
export function applyAfterSaleShipExchange(
  state: OrderState,
  payload: IntentPayload<'AFTER_SALE_SHIP_EXCHANGE'>,
  ctx: ApplyContext,
): Applied {
  const { carrier, trackingNo } = payload;
  const step = stepAfterSale(state, payload.afterSaleId, { type: 'SHIP_EXCHANGE', carrier, trackingNo }, ctx);
  if (!step.ok) return step;
  const check = checkTrackingNo(carrier, trackingNo);
  const normalized = check.ok ? check.normalized : trackingNo;
  const { record } = step.state;
  const waybill = newWaybill(record, 0, { carrier, trackingNo: normalized, lines: step.request.lines }, ctx.now);
  const shipped = { ...step.state, record: { ...record, waybills: [...record.waybills, waybill] } };
  const detail = `${step.request.afterSaleNo} 换货商品已发出：${carrierByCode(carrier)?.nameZh ?? carrier} ${normalized}`;
  return accepted(logged(ctx, shipped, 'EXCHANGE_SHIP', detail));
}
