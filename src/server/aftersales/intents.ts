import type { OrderRecord } from '../../shared/contract/records';
import { carrierByCode, checkTrackingNo } from '../../shared/domain/carriers';
import { formatFen } from '../../shared/domain/money';
import type { WorkContext } from '../orders/context';
import { logged, requireOrder, saveOrder, type LoadedOrder } from '../orders/persist';
import type { OrderState } from '../orders/state';
import { issue, releaseLines, restock } from '../orders/stock';
import { retireCode } from '../redemption/codes';
import type { IntentHandler } from '../sync/handler';
import { stepAfterSale } from './act';

/** The items of a request with their SKUs, for moving stock. */
const itemsOf = (record: OrderRecord, lines: ReadonlyArray<{ lineNo: number; quantity: number }>) =>
  lines.flatMap(({ lineNo, quantity }) => {
    const line = record.lines.find((l) => l.lineNo === lineNo);
    return line ? [{ sku: line.sku, quantity }] : [];
  });

async function approve(ctx: WorkContext, { row, state }: LoadedOrder, afterSaleId: string) {
  const step = stepAfterSale(ctx, state, afterSaleId, { type: 'APPROVE' });
  return saveOrder(ctx, logged(ctx, step.state, 'AFTER_SALE_APPROVE', `${step.request.afterSaleNo} 审核通过`), row);
}

async function reject(ctx: WorkContext, { row, state }: LoadedOrder, afterSaleId: string, reason: string) {
  const step = stepAfterSale(ctx, state, afterSaleId, { type: 'REJECT', reason });
  return saveOrder(
    ctx,
    logged(ctx, step.state, 'AFTER_SALE_REJECT', `${step.request.afterSaleNo} 审核拒绝：${reason}`),
    row,
  );
}

/** Returned goods are back: on the shelf of the warehouse the order shipped from. */
async function receiveReturn(ctx: WorkContext, { row, state }: LoadedOrder, afterSaleId: string) {
  const step = stepAfterSale(ctx, state, afterSaleId, { type: 'RECEIVE_RETURN' });
  if (row.warehouseId) await restock(ctx, row.warehouseId, itemsOf(state.record, step.request.lines));
  const detail = `${step.request.afterSaleNo} 退回商品已入库`;
  return saveOrder(ctx, logged(ctx, step.state, 'RETURN_RECEIVED', detail), row);
}

/**
 * Money goes back by the route it came: the refund is recorded with the original channel and
 * serial number. Units refunded before shipping give their reserved stock back; a full refund
 * closes the order (the shared effects decide that) and retires a service order's code.
 */
async function refund(ctx: WorkContext, { row, state }: LoadedOrder, afterSaleId: string) {
  const step = stepAfterSale(ctx, state, afterSaleId, { type: 'REFUND' });
  const { record } = step.state;
  const { channel, serialNo } = record.payment;
  await ctx.tx.refunds.insert({
    id: `${row.orderNo}-RF-${afterSaleId}`,
    orderNo: row.orderNo,
    afterSaleId,
    amount: step.request.amount,
    channel,
    originalSerialNo: serialNo,
    refundedAt: ctx.now,
    refundedBy: ctx.actor,
  });
  await releaseLines(ctx, row.orderNo, step.request.lines);
  const route = channel ? `原路退回（${channel}${serialNo ? `，原支付流水号 ${serialNo}` : ''}）` : '已退回';
  let next: OrderState = logged(
    ctx,
    step.state,
    'REFUND',
    `${step.request.afterSaleNo} 退款 ${formatFen(step.request.amount, { symbol: true })} ${route}`,
  );
  if (record.status === 'CLOSED') {
    next = logged(ctx, next, 'CLOSE', '已全额退款，交易关闭');
    await retireCode(ctx, row.orderNo);
  }
  return saveOrder(ctx, next, row);
}

/** The replacement leaves with a new waybill; the shared machine checks its tracking number. */
async function shipExchange(
  ctx: WorkContext,
  { row, state }: LoadedOrder,
  afterSaleId: string,
  carrier: string,
  trackingNo: string,
) {
  const step = stepAfterSale(ctx, state, afterSaleId, { type: 'SHIP_EXCHANGE', carrier, trackingNo });
  const check = checkTrackingNo(carrier, trackingNo);
  const normalized = check.ok ? check.normalized : trackingNo;
  if (row.warehouseId) await issue(ctx, row.warehouseId, itemsOf(state.record, step.request.lines));
  const { record } = step.state;
  const waybill = {
    id: `${row.orderNo}-W${record.waybills.length + 1}`,
    carrier,
    trackingNo: normalized,
    shippedAt: ctx.now,
    status: 'IN_TRANSIT' as const,
    signedAt: null,
    courier: '',
    lines: step.request.lines,
    events: [],
  };
  const shipped = { ...step.state, record: { ...record, waybills: [...record.waybills, waybill] } };
  const detail = `${step.request.afterSaleNo} 换货商品已发出：${carrierByCode(carrier)?.nameZh ?? carrier} ${normalized}`;
  return saveOrder(ctx, logged(ctx, shipped, 'EXCHANGE_SHIP', detail), row);
}

const order = (ctx: Parameters<IntentHandler<'AFTER_SALE_APPROVE'>['run']>[0], orderNo: string) =>
  requireOrder(ctx.tx, orderNo, ctx.caller.scope);

export const AFTER_SALE_APPROVE: IntentHandler<'AFTER_SALE_APPROVE'> = {
  right: 'aftersales.review',
  orderNoOf: (p) => p.orderNo,
  run: async (ctx, p) => approve(ctx, await order(ctx, p.orderNo), p.afterSaleId),
};

export const AFTER_SALE_REJECT: IntentHandler<'AFTER_SALE_REJECT'> = {
  right: 'aftersales.review',
  orderNoOf: (p) => p.orderNo,
  run: async (ctx, p) => reject(ctx, await order(ctx, p.orderNo), p.afterSaleId, p.reason),
};

export const AFTER_SALE_RECEIVE_RETURN: IntentHandler<'AFTER_SALE_RECEIVE_RETURN'> = {
  right: 'aftersales.receiveReturn',
  orderNoOf: (p) => p.orderNo,
  run: async (ctx, p) => receiveReturn(ctx, await order(ctx, p.orderNo), p.afterSaleId),
};

export const AFTER_SALE_REFUND: IntentHandler<'AFTER_SALE_REFUND'> = {
  right: 'aftersales.refund',
  orderNoOf: (p) => p.orderNo,
  run: async (ctx, p) => refund(ctx, await order(ctx, p.orderNo), p.afterSaleId),
};

export const AFTER_SALE_SHIP_EXCHANGE: IntentHandler<'AFTER_SALE_SHIP_EXCHANGE'> = {
  right: 'aftersales.shipExchange',
  orderNoOf: (p) => p.orderNo,
  run: async (ctx, p) => shipExchange(ctx, await order(ctx, p.orderNo), p.afterSaleId, p.carrier, p.trackingNo),
};
