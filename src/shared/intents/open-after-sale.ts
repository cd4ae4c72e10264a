import type { AfterSaleRecord, LineRecord } from '../contract/records';
import { carrierByCode } from '../domain/carriers';
import type { IntentPayload } from '../contract/sync';
import { canRequestAfterSale, orderEffectOfAfterSale } from '../domain/after-sale-machine';
import type { LineQuantity } from '../domain/line-request';
import { formatFen } from '../domain/money';
import { DEFAULT_TIMERS } from '../domain/timers';
import type { AfterSaleType } from '../domain/vocabulary';
import { refundOfRecord } from './refund';
import { refusal, type ApplyContext, type Refused } from './result';
import { factsOf, withFacts, type OrderState } from './state';
import { logged } from './timeline';

/**
 * "The whole order" for a request that names no lines: every unit it could still cover. Refund
 * only covers what has not been refunded; return and exchange only what was shipped (the same
 * room the shared eligibility check measures).
 */
const WHOLE_ORDER: Record<AfterSaleType, (line: LineRecord) => number> = {
  REFUND_ONLY: (line) => line.quantity - line.refundedQuantity,
  RETURN_REFUND: (line) => line.shippedQuantity - line.refundedQuantity,
  EXCHANGE: (line) => line.shippedQuantity - line.refundedQuantity,
};

export const AFTER_SALE_TYPE_NAMES: Record<AfterSaleType, string> = {
  REFUND_ONLY: '仅退款',
  RETURN_REFUND: '退货退款',
  EXCHANGE: '换货',
};

export interface AfterSaleAsk {
  type: AfterSaleType;
  reason: string;
  /** Absent: the whole order. */
  lines?: LineQuantity[];
  /** The parcel the buyer sends goods back in, when they said (a return or an exchange). */
  returnShipment?: { carrier: string; trackingNo: string };
}

export interface AfterSaleOpening {
  /** The order with the request open on it (售后中), not yet logged. */
  state: OrderState;
  request: AfterSaleRecord;
}

/**
 * AS, the whole order number, the request's index. The source marker stays in: a mall order and
 * an external order may share every digit after it (each source counts its own seq), and a
 * number two requests share would make a return scan or a buyer's withdrawal find the wrong one.
 */
export const afterSaleNumber = (orderNo: string, index: number): string =>
  `AS${orderNo}${String(index).padStart(2, '0')}`;

/**
 * Opens an after-sales request: the shared eligibility check decides (kind, status, one open
 * request at a time, refund-only before shipping, the window after completion, quantities), the
 * shared effects put the order in 售后中 (a refund-only request intercepts shipping), and the
 * shared money rule prices it. Its number follows from the order alone, so the desk and the
 * service make the same one.
 */
export function openAfterSale(
  state: OrderState,
  ask: AfterSaleAsk,
  ctx: ApplyContext & { windowMs?: number },
): ({ ok: true } & AfterSaleOpening) | Refused {
  const { record } = state;
  const facts = factsOf(state);
  const decision = canRequestAfterSale(facts, ask.type, {
    now: ctx.now,
    completedAt: record.completedAt,
    windowMs: ctx.windowMs ?? DEFAULT_TIMERS.afterSalesWindowMs,
    ...(ask.lines ? { lines: ask.lines } : {}),
  });
  if (!decision.ok) return refusal(decision.code, `Order ${record.orderNo} refuses a ${ask.type} request`);
  const lines =
    ask.lines ??
    record.lines
      .map((line) => ({ lineNo: line.lineNo, quantity: WHOLE_ORDER[ask.type](line) }))
      .filter((l) => l.quantity > 0);
  const effect = orderEffectOfAfterSale(facts, { type: ask.type, status: 'PENDING_REVIEW', lines });
  if (!effect.ok) return refusal(effect.code, `Order ${record.orderNo} refuses a ${ask.type} request`);
  const index = record.afterSales.length + 1;
  const request: AfterSaleRecord = {
    id: `${record.orderNo}-AS${index}`,
    afterSaleNo: afterSaleNumber(record.orderNo, index),
    type: ask.type,
    status: 'PENDING_REVIEW',
    reason: ask.reason,
    amount: ask.type === 'EXCHANGE' ? 0 : refundOfRecord(record, ask.type, lines).total,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    lines,
    rejectReason: null,
    ...(ask.returnShipment ? { returnShipment: ask.returnShipment } : {}),
  };
  const opened = withFacts(state, effect.facts);
  return {
    ok: true,
    request,
    state: { ...opened, record: { ...opened.record, afterSales: [...record.afterSales, request] } },
  };
}

/** What the timeline says of a request just opened; `who` names a person acting for the buyer. */
export const openedDetail = (request: AfterSaleRecord, who = ''): string =>
  `${who}申请${AFTER_SALE_TYPE_NAMES[request.type]}（${request.afterSaleNo}）：${request.reason}，金额 ${formatFen(
    request.amount,
    { symbol: true },
  )}${request.returnShipment ? `，退回快递 ${returnParcel(request.returnShipment)}` : ''}`;

/** A return parcel as the timeline names it: the carrier's name, never its code ("圆通速递", not "YTO"). */
const returnParcel = ({ carrier, trackingNo }: NonNullable<AfterSaleRecord['returnShipment']>): string =>
  `${carrierByCode(carrier)?.nameZh ?? carrier} ${trackingNo}`;

/** A buyer's own request (the mall, the simulator, a platform's refund request). */
export function buyerAsks(
  state: OrderState,
  ask: AfterSaleAsk,
  ctx: ApplyContext & { windowMs?: number },
): ({ ok: true } & AfterSaleOpening) | Refused {
  const opened = openAfterSale(state, ask, ctx);
  if (!opened.ok) return opened;
  return { ...opened, state: logged(ctx, opened.state, 'AFTER_SALE_APPLY', openedDetail(opened.request)) };
}

/** OPEN_AFTER_SALE: customer service opens a request for a buyer who phoned in. */
export function applyOpenAfterSale(
  state: OrderState,
  payload: IntentPayload<'OPEN_AFTER_SALE'>,
  ctx: ApplyContext & { windowMs?: number },
) {
  const opened = openAfterSale(
    state,
    { type: payload.type, reason: payload.reason, ...(payload.lines ? { lines: payload.lines } : {}) },
    ctx,
  );
  if (!opened.ok) return opened;
  return {
    ok: true as const,
    state: logged(ctx, opened.state, 'AFTER_SALE_APPLY', openedDetail(opened.request, '客服代买家')),
  };
}
