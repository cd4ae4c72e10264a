import type { LineRecord, OrderRecord } from '../../shared/contract/records';
import type { DealerOrderInput } from '../../shared/contract/sync';
import { formatFen } from '../../shared/domain/money';
import { makeChildOrderNumber } from '../../shared/domain/order-number';
import { splitCheckout } from '../../shared/domain/split';
import { ApiError } from '../http/errors';
import { draftRecord } from '../orders/draft';
import { payOrder } from '../orders/pay';
import { logged, saveOrder } from '../orders/persist';
import { promotionsOf, splitAmounts } from '../orders/split-amounts';
import { reserve } from '../orders/stock';
import type { IntentContext, IntentHandler } from '../sync/handler';
import { orderNoError, receiverErrors, type FieldErrors } from './checks';
import { priceDealerDraft, type PricedDraft } from './pricing';

/**
 * Checks a dealer's order as the service checks any external order and names every failing field:
 * the number (this device's, dealer marker), the receiver, each line against the dealer's price
 * list and stock, the promotions, and the payable the dealer saw against the one worked out here.
 */
async function check(ctx: IntentContext, input: DealerOrderInput): Promise<PricedDraft> {
  const numberError = orderNoError(input.orderNo, ctx.deviceCode);
  if (!numberError && (await ctx.tx.orders.parentExists(input.orderNo))) {
    throw new ApiError('ORDER_NO_TAKEN', `Order number ${input.orderNo} is already taken by another order`);
  }
  const priced = await priceDealerDraft(ctx, ctx.caller.scope, input, input.receiver.province.trim());
  const fieldErrors: FieldErrors = {
    ...(numberError ? { orderNo: numberError } : {}),
    ...receiverErrors(input.receiver),
    ...priced.fieldErrors,
  };
  if (priced.breakdown && priced.breakdown.payable !== input.expectedPayable)
    fieldErrors.expectedPayable = 'AMOUNT_MISMATCH';
  if (Object.keys(fieldErrors).length > 0) {
    throw new ApiError(
      'DEALER_ORDER_REJECTED',
      `Dealer order ${input.orderNo} failed ${Object.keys(fieldErrors).length} check(s)`,
      {
        fieldErrors,
      },
    );
  }
  return priced;
}

/**
 * An accepted dealer order is already paid (the customer paid the dealer), so it arrives 待发货
 * with its stock reserved, split into child orders by merchant and warehouse when one warehouse
 * cannot ship it all.
 */
async function accept(ctx: IntentContext, input: DealerOrderInput): Promise<OrderRecord> {
  const priced = await check(ctx, input);
  const { dealer, products, prices, warehouses, breakdown } = priced;
  if (!dealer || !breakdown) throw new Error('a dealer order passed its checks without a dealer or amounts');
  const cart = input.lines.map((line, index) => {
    const product = products[index]!;
    return {
      index,
      line,
      product,
      merchantId: product.merchantId,
      warehouseId: warehouses[index] ?? null,
      kind: product.kind,
    };
  });
  const groups = splitCheckout(cart);
  const amounts = splitAmounts(
    breakdown,
    groups.map((g) => g.lines.map((l) => l.index)),
  );
  const receiver = Object.fromEntries(
    Object.entries(input.receiver).map(([k, v]) => [k, v.trim()]),
  ) as DealerOrderInput['receiver'];
  const names = {
    coupon: priced.coupon && { id: priced.coupon.id, name: priced.coupon.name },
    campaign: priced.campaign && { id: priced.campaign.id, name: priced.campaign.name },
    memberRateBp: input.memberRateBp,
  };

  const records: OrderRecord[] = [];
  for (const [g, group] of groups.entries()) {
    const child = amounts[g]!;
    const orderNo = makeChildOrderNumber(input.orderNo, group.childIndex);
    const lines: LineRecord[] = group.lines.map(({ line, product, index }, j) => ({
      lineNo: j + 1,
      merchantId: product.merchantId,
      sku: product.sku,
      name: product.name,
      spec: product.spec,
      image: product.image,
      unitPrice: prices[index] ?? 0,
      quantity: line.quantity,
      discount: child.lines[j]?.discount ?? 0,
      payable: child.lines[j]?.payable ?? 0,
      shippedQuantity: 0,
      refundedQuantity: 0,
    }));
    const draft = draftRecord({
      orderNo,
      parentNo: input.orderNo,
      kind: group.kind ?? 'PHYSICAL',
      source: 'DEALER',
      platform: 'OFFLINE',
      merchantId: group.merchantId,
      merchantName: group.lines[0]?.product.merchantName ?? '',
      warehouseId: group.warehouseId,
      storeId: null,
      dealerId: dealer.id,
      buyer: input.buyer,
      receiver,
      lines,
      amounts: child.amounts,
      promotions: promotionsOf(child.discounts, names, child.amounts.pointsUsed),
      invoice: input.invoice,
      remark: input.remark,
      createdAt: ctx.now,
    });
    const created = logged(
      ctx,
      { record: draft, receiptExtended: false },
      'CREATE',
      `${dealer.name} 录单，共 ${lines.length} 种商品，应付 ${formatFen(child.amounts.payable, { symbol: true })}`,
    );
    const paid = await payOrder(ctx, created, { channel: input.paymentChannel, serialNo: null });
    records.push(await saveOrder(ctx, paid, null));
    if (group.warehouseId) {
      await reserve(
        ctx,
        orderNo,
        group.warehouseId,
        lines.map((l) => ({ lineNo: l.lineNo, sku: l.sku, quantity: l.quantity })),
      );
    }
  }
  return records[0]!;
}

export const CREATE_DEALER_ORDER: IntentHandler<'CREATE_DEALER_ORDER'> = {
  right: 'dealer.enterOrder',
  orderNoOf: (p) => p.orderNo,
  run: accept,
};
