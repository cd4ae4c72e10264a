import type { AfterSaleRecord, LineRecord } from '../../shared/contract/records';
import { canRequestAfterSale, orderEffectOfAfterSale } from '../../shared/domain/after-sale-machine';
import type { LineQuantity } from '../../shared/domain/line-request';
import { formatFen } from '../../shared/domain/money';
import type { AfterSaleType } from '../../shared/domain/vocabulary';
import { refundOfRecord } from '../../shared/intents/refund';
import { factsOf, withFacts } from '../../shared/intents/state';
import { logged } from '../../shared/intents/timeline';
import { ApiError } from '../http/errors';
import type { WorkContext } from '../orders/context';
import { saveOrder, type LoadedOrder } from '../orders/persist';

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

const TYPE_NAMES: Record<AfterSaleType, string> = {
  REFUND_ONLY: '仅退款',
  RETURN_REFUND: '退货退款',
  EXCHANGE: '换货',
};

/**
 * A buyer's after-sales request. The shared eligibility check decides (kind, status, one open
 * request at a time, refund-only before shipping, the window after completion, quantities); the
 * shared effects put the order in 售后中, which intercepts shipping for a refund-only request.
 */
export async function requestAfterSale(
  ctx: WorkContext,
  { row, state }: LoadedOrder,
  input: {
    type: AfterSaleType;
    reason: string;
    lines?: LineQuantity[];
    returnShipment?: { carrier: string; trackingNo: string };
  },
): Promise<AfterSaleRecord> {
  const { record } = state;
  const facts = factsOf(state);
  const decision = canRequestAfterSale(facts, input.type, {
    now: ctx.now,
    completedAt: record.completedAt,
    windowMs: ctx.config.timers.afterSalesWindowMs,
    lines: input.lines,
  });
  if (!decision.ok) throw new ApiError(decision.code, `Order ${record.orderNo} refuses a ${input.type} request`);
  const lines =
    input.lines ??
    record.lines
      .map((line) => ({ lineNo: line.lineNo, quantity: WHOLE_ORDER[input.type](line) }))
      .filter((l) => l.quantity > 0);
  const effect = orderEffectOfAfterSale(facts, { type: input.type, status: 'PENDING_REVIEW', lines });
  if (!effect.ok) throw new ApiError(effect.code, `Order ${record.orderNo} refuses a ${input.type} request`);
  const index = record.afterSales.length + 1;
  const request: AfterSaleRecord = {
    id: `${record.orderNo}-AS${index}`,
    afterSaleNo: `AS${record.orderNo.slice(1)}${String(index).padStart(2, '0')}`,
    type: input.type,
    status: 'PENDING_REVIEW',
    reason: input.reason,
    amount: input.type === 'EXCHANGE' ? 0 : refundOfRecord(record, input.type, lines).total,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    lines,
    rejectReason: null,
    ...(input.returnShipment ? { returnShipment: input.returnShipment } : {}),
  };
  const opened = withFacts(state, effect.facts);
  const next = logged(
    ctx,
    { ...opened, record: { ...opened.record, afterSales: [...record.afterSales, request] } },
    'AFTER_SALE_APPLY',
    `申请${TYPE_NAMES[input.type]}（${request.afterSaleNo}）：${input.reason}，金额 ${formatFen(request.amount, { symbol: true })}${
      input.returnShipment ? `，退回快递 ${input.returnShipment.carrier} ${input.returnShipment.trackingNo}` : ''
    }`,
  );
  await saveOrder(ctx, next, row);
  return request;
}
