import type { AfterSaleRecord, OrderRecord } from '../../shared/contract/records';
import type { IntentPayload } from '../../shared/contract/sync';
import {
  applyAfterSaleApprove,
  applyAfterSaleReceiveReturn,
  applyAfterSaleRefund,
  applyAfterSaleReturnParcel,
  applyAfterSaleReject,
  applyAfterSaleShipExchange,
} from '../../shared/intents/after-sale';
import type { Applied } from '../../shared/intents/result';
import type { OrderState } from '../../shared/intents/state';
import { applied } from '../orders/act';
import type { WorkContext } from '../orders/context';
import { requireOrder, saveOrder, type LoadedOrder } from '../orders/persist';
import { issue, releaseLines, restock } from '../orders/stock';
import { retireCode } from '../redemption/codes';
import type { IntentContext, IntentHandler } from '../sync/handler';

/**
 * After-sale steps. What a step does to the order and its request is the shared applier's; the
 * service adds the lookup in the caller's scope, the stock, the refund ledger and the code.
 */

type AfterSaleIntent =
  | 'AFTER_SALE_APPROVE'
  | 'AFTER_SALE_REJECT'
  | 'AFTER_SALE_RECEIVE_RETURN'
  | 'AFTER_SALE_RETURN_PARCEL'
  | 'AFTER_SALE_REFUND'
  | 'AFTER_SALE_SHIP_EXCHANGE';

/** The items of a request with their SKUs, for moving stock. */
const itemsOf = (record: OrderRecord, lines: ReadonlyArray<{ lineNo: number; quantity: number }>) =>
  lines.flatMap(({ lineNo, quantity }) => {
    const line = record.lines.find((l) => l.lineNo === lineNo);
    return line ? [{ sku: line.sku, quantity }] : [];
  });

/** What the service does besides the record: nothing, by default. */
type Effects = (ctx: WorkContext, order: LoadedOrder, next: OrderState, request: AfterSaleRecord) => Promise<void>;

/** One after-sale intent: the shared step on the order in scope, then the service's own effects, then the save. */
function afterSaleIntent<T extends AfterSaleIntent>(
  right: IntentHandler<T>['right'],
  step: (state: OrderState, payload: IntentPayload<T>, ctx: IntentContext) => Applied,
  effects?: Effects,
): IntentHandler<T> {
  return {
    right,
    orderNoOf: (p) => p.orderNo,
    async run(ctx, p) {
      const order = await requireOrder(ctx.tx, p.orderNo, ctx.caller.scope);
      const next = applied(step(order.state, p, ctx));
      const request = next.record.afterSales.find((a) => a.id === p.afterSaleId);
      if (!request) throw new Error(`after-sale ${p.afterSaleId} vanished from order ${p.orderNo}`);
      await effects?.(ctx, order, next, request);
      return saveOrder(ctx, next, order.row);
    },
  };
}

/** Returned goods are back: on the shelf of the warehouse the order shipped from. */
const restockReturn: Effects = async (ctx, { row, state }, _next, request) => {
  if (row.warehouseId) await restock(ctx, row.warehouseId, itemsOf(state.record, request.lines));
};

/**
 * Money goes back by the route it came: the refund is recorded with the original channel and
 * serial number. Units refunded before shipping give their reserved stock back; a full refund
 * closes the order (the shared effects decide that) and retires a service order's code. A refund
 * the shop's platform already paid is booked the same way (intake's later versions).
 */
export const recordRefund: Effects = async (ctx, { row }, next, request) => {
  const { channel, serialNo } = next.record.payment;
  await ctx.tx.refunds.insert({
    id: `${row.orderNo}-RF-${request.id}`,
    orderNo: row.orderNo,
    afterSaleId: request.id,
    amount: request.amount,
    channel,
    originalSerialNo: serialNo,
    refundedAt: ctx.now,
    refundedBy: ctx.actor,
  });
  await releaseLines(ctx, row.orderNo, request.lines);
  if (next.record.status === 'CLOSED') await retireCode(ctx, row.orderNo);
};

/** The replacement goods leave straight from the shelf. */
const issueExchange: Effects = async (ctx, { row, state }, _next, request) => {
  if (row.warehouseId) await issue(ctx, row.warehouseId, itemsOf(state.record, request.lines));
};

export const AFTER_SALE_APPROVE = afterSaleIntent<'AFTER_SALE_APPROVE'>('aftersales.review', applyAfterSaleApprove);
export const AFTER_SALE_REJECT = afterSaleIntent<'AFTER_SALE_REJECT'>('aftersales.review', applyAfterSaleReject);
export const AFTER_SALE_RECEIVE_RETURN = afterSaleIntent<'AFTER_SALE_RECEIVE_RETURN'>(
  'aftersales.receiveReturn',
  applyAfterSaleReceiveReturn,
  restockReturn,
);
/** The return desk's staff write down the buyer's parcel: the same right as receiving it. */
export const AFTER_SALE_RETURN_PARCEL = afterSaleIntent<'AFTER_SALE_RETURN_PARCEL'>(
  'aftersales.receiveReturn',
  applyAfterSaleReturnParcel,
);
export const AFTER_SALE_REFUND = afterSaleIntent<'AFTER_SALE_REFUND'>(
  'aftersales.refund',
  applyAfterSaleRefund,
  recordRefund,
);
export const AFTER_SALE_SHIP_EXCHANGE = afterSaleIntent<'AFTER_SALE_SHIP_EXCHANGE'>(
  'aftersales.shipExchange',
  applyAfterSaleShipExchange,
  issueExchange,
);
