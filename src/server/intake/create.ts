import type { OrderRecord } from '../../shared/contract/records';
import type { DealerOrderInput } from '../../shared/contract/sync';
import { splitCheckout } from '../../shared/domain/split';
import { orderNoError, receiverErrors, type FieldErrors } from '../../shared/intents/dealer-checks';
import {
  dealerChildRecord,
  dealerOrderRefusal,
  promotionNames,
  type DealerChild,
} from '../../shared/intents/dealer-order';
import { splitAmounts } from '../../shared/intents/split-amounts';
import { ApiError } from '../http/errors';
import { applied, refusalError } from '../orders/act';
import { withServiceCode } from '../orders/pay';
import { reviewIfRuled } from '../review/hold';
import { saveOrder } from '../orders/persist';
import { reserve } from '../orders/stock';
import type { IntentContext, IntentHandler } from '../sync/handler';
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
  const refused = dealerOrderRefusal(input, fieldErrors, priced.breakdown);
  if (refused) throw refusalError(refused);
  return priced;
}

/**
 * An accepted dealer order is already paid (the customer paid the dealer), so it arrives 待发货
 * with its stock reserved, split into child orders by merchant and warehouse when one warehouse
 * cannot ship it all. Each child is made by the shared dealerChildRecord, as the dealer's device
 * showed it while the order waited to sync.
 */
async function accept(ctx: IntentContext, input: DealerOrderInput): Promise<OrderRecord> {
  const priced = await check(ctx, input);
  const { dealer, products, prices, warehouses, breakdown } = priced;
  if (!dealer || !breakdown) throw new Error('a dealer order passed its checks without a dealer or amounts');
  const cart = input.lines.map((_line, index) => {
    const product = products[index]!;
    return {
      index,
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
  const names = promotionNames(input, priced.coupon, priced.campaign);

  const records: OrderRecord[] = [];
  for (const [g, group] of groups.entries()) {
    const child: DealerChild = {
      childIndex: group.childIndex,
      kind: group.kind ?? 'PHYSICAL',
      merchantId: group.merchantId,
      merchantName: group.lines[0]?.product.merchantName ?? '',
      warehouseId: group.warehouseId,
      lines: group.lines,
      amounts: amounts[g]!,
    };
    const paid = applied(dealerChildRecord(input, child, prices, names, dealer, ctx));
    const record = await saveOrder(ctx, await reviewIfRuled(ctx, await withServiceCode(ctx, paid)), null);
    records.push(record);
    if (group.warehouseId) {
      await reserve(
        ctx,
        record.orderNo,
        group.warehouseId,
        record.lines.map((l) => ({ lineNo: l.lineNo, sku: l.sku, quantity: l.quantity })),
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
