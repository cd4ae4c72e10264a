import type { LineRecord, ReceiverRecord } from '../contract/records';
import type { DealerOrderInput } from '../contract/sync';
import type { AmountBreakdown } from '../domain/amounts';
import { formatFen } from '../domain/money';
import { makeChildOrderNumber } from '../domain/order-number';
import type { OrderKind } from '../domain/vocabulary';
import { receiverErrors, type FieldErrors } from './dealer-checks';
import {
  dealerBreakdown,
  dealerLineError,
  promotionChoiceErrors,
  type CampaignTerms,
  type CouponTerms,
} from './dealer-pricing';
import { draftRecord } from './draft';
import { payRecord } from './pay';
import { refusal, type ApplyContext, type Applied, type Refused } from './result';
import { promotionsOf, splitAmounts, type ChildAmounts, type PromotionNames } from './split-amounts';
import { logged } from './timeline';

/** The receiver as it is kept: every field trimmed. */
export const trimmedReceiver = (receiver: ReceiverRecord): ReceiverRecord =>
  Object.fromEntries(Object.entries(receiver).map(([k, v]) => [k, v.trim()])) as ReceiverRecord;

/** The promotion lines' names: the coupon and campaign chosen, the member rate entered. */
export const promotionNames = (
  input: Pick<DealerOrderInput, 'memberRateBp'>,
  coupon: Pick<CouponTerms, 'id' | 'name'> | null,
  campaign: Pick<CampaignTerms, 'id' | 'name'> | null,
): PromotionNames => ({
  coupon: coupon && { id: coupon.id, name: coupon.name },
  campaign: campaign && { id: campaign.id, name: campaign.name },
  memberRateBp: input.memberRateBp,
});

/**
 * A dealer order that fails any check is refused as a whole with every failing field named,
 * including a payable that differs from the one the dealer saw (never charged silently).
 */
export function dealerOrderRefusal(
  input: Pick<DealerOrderInput, 'orderNo' | 'expectedPayable'>,
  fieldErrors: FieldErrors,
  breakdown: AmountBreakdown | null,
): Refused | null {
  const errors: FieldErrors = { ...fieldErrors };
  if (breakdown && breakdown.payable !== input.expectedPayable) errors.expectedPayable = 'AMOUNT_MISMATCH';
  const count = Object.keys(errors).length;
  if (count === 0) return null;
  return refusal('DEALER_ORDER_REJECTED', `Dealer order ${input.orderNo} failed ${count} check(s)`, errors);
}

export interface DealerChildProduct {
  sku: string;
  merchantId: string;
  name: string;
  spec: string;
  image: string;
}

/** One child order of a dealer's checkout: which of the input's lines it carries and its share of the amounts. */
export interface DealerChild {
  /** 1-based, the child number's suffix. */
  childIndex: number;
  kind: OrderKind;
  merchantId: string;
  merchantName: string;
  warehouseId: string | null;
  /** `index` is the line's place in the input. */
  lines: ReadonlyArray<{ index: number; product: DealerChildProduct }>;
  amounts: ChildAmounts;
}

/**
 * A child order of an accepted dealer order: created (CREATE) and at once paid through the
 * machine by the input's channel, since the customer has already paid the dealer. A physical
 * child is then 待发货. `prices` are the price list's unit prices per input line.
 */
export function dealerChildRecord(
  input: DealerOrderInput,
  child: DealerChild,
  prices: readonly number[],
  names: PromotionNames,
  dealer: { id: string; name: string },
  ctx: ApplyContext,
): Applied {
  const { amounts } = child;
  const lines: LineRecord[] = child.lines.map(({ index, product }, j) => ({
    lineNo: j + 1,
    merchantId: product.merchantId,
    sku: product.sku,
    name: product.name,
    spec: product.spec,
    image: product.image,
    unitPrice: prices[index] ?? 0,
    quantity: input.lines[index]?.quantity ?? 0,
    discount: amounts.lines[j]?.discount ?? 0,
    payable: amounts.lines[j]?.payable ?? 0,
    shippedQuantity: 0,
    refundedQuantity: 0,
  }));
  const draft = draftRecord({
    orderNo: makeChildOrderNumber(input.orderNo, child.childIndex),
    parentNo: input.orderNo,
    kind: child.kind,
    source: 'DEALER',
    platform: 'OFFLINE',
    merchantId: child.merchantId,
    merchantName: child.merchantName,
    warehouseId: child.warehouseId,
    storeId: null,
    dealerId: dealer.id,
    buyer: input.buyer,
    receiver: trimmedReceiver(input.receiver),
    lines,
    amounts: amounts.amounts,
    promotions: promotionsOf(amounts.discounts, names, amounts.amounts.pointsUsed),
    invoice: input.invoice,
    remark: input.remark,
    createdAt: ctx.now,
  });
  const payable = formatFen(amounts.amounts.payable, { symbol: true });
  const created = logged(
    ctx,
    { record: draft, receiptExtended: false },
    'CREATE',
    `${dealer.name} 录单，共 ${lines.length} 种商品，应付 ${payable}`,
  );
  return payRecord(created, { channel: input.paymentChannel, serialNo: null }, ctx);
}

/** A catalogue item as the dealer's device knows it (the pulled catalogue). */
export interface DealerCatalogueEntry extends Omit<DealerChildProduct, 'sku'> {
  /** This dealer's price: the price list the service checks the order against. */
  dealerPrice: number;
  /** Absent: on sale (the device's catalogue only lists what the dealer may order). */
  onSale?: boolean;
  campaignId?: string | null;
  merchantName?: string;
  /** Absent: physical goods. */
  kind?: OrderKind;
}

export interface DealerOrderContext extends ApplyContext {
  /** As the CREATE entry names the dealer; the dealer id when not given. */
  dealerName?: string;
  /** The terms of the coupon / campaign the input names, when the device knows them. */
  coupon?: CouponTerms | null;
  campaign?: CampaignTerms | null;
  /** The terms of the campaigns the goods are in, when the device knows them: a met one closes coupons. */
  goodsCampaigns?: readonly CampaignTerms[];
}

/**
 * The order a dealer's device shows while CREATE_DEALER_ORDER waits to sync: checked and priced
 * exactly as the service's intake does (receiver, price list, promotions, the payable the dealer
 * saw), paid by the input's channel. It is one child order with no warehouse: splitting by
 * merchant and warehouse needs the service's stock, so the service's answer replaces it.
 * A coupon or campaign whose terms are not in `ctx` is refused as unknown, as the service would.
 */
export function buildDealerOrderRecord(
  input: DealerOrderInput,
  catalogue: (sku: string) => DealerCatalogueEntry | undefined,
  ctx: DealerOrderContext,
): Applied {
  const entries = input.lines.map((line) => catalogue(line.sku));
  const fieldErrors: FieldErrors = { ...receiverErrors(input.receiver) };
  input.lines.forEach((line, i) => {
    const entry = entries[i];
    const failed = dealerLineError(entry && { onSale: entry.onSale ?? true }, entry?.dealerPrice, line.unitPrice);
    if (failed) fieldErrors[`lines.${i}.${failed[0]}`] = failed[1];
  });
  const coupon = input.couponId === null ? null : (ctx.coupon ?? null);
  const campaign = input.campaignId === null ? null : (ctx.campaign ?? null);
  Object.assign(fieldErrors, promotionChoiceErrors(input, coupon, campaign));

  const known = entries.flatMap((entry) => (entry ? [entry] : []));
  const priceable =
    known.length === input.lines.length && !Object.keys(fieldErrors).some((field) => field.startsWith('lines.'));
  let breakdown: AmountBreakdown | null = null;
  if (priceable && !fieldErrors.couponId && !fieldErrors.campaignId) {
    const priced = dealerBreakdown(
      input,
      known.map((entry) => ({ price: entry.dealerPrice, campaignId: entry.campaignId ?? null })),
      coupon,
      campaign,
      ctx.goodsCampaigns,
    );
    breakdown = priced.breakdown;
    Object.assign(fieldErrors, priced.fieldErrors);
  }
  const refused = dealerOrderRefusal(input, fieldErrors, breakdown);
  const first = known[0];
  if (refused || !breakdown || !first) return refused ?? refusal('DEALER_ORDER_REJECTED', 'The order cannot be priced');

  const [amounts] = splitAmounts(breakdown, [input.lines.map((_line, i) => i)]);
  if (!amounts) return refusal('DEALER_ORDER_REJECTED', 'The order cannot be priced');
  return dealerChildRecord(
    input,
    {
      childIndex: 1,
      kind: first.kind ?? 'PHYSICAL',
      merchantId: first.merchantId,
      merchantName: first.merchantName ?? '',
      warehouseId: null,
      lines: known.map((entry, index) => ({ index, product: { ...entry, sku: input.lines[index]?.sku ?? '' } })),
      amounts,
    },
    known.map((entry) => entry.dealerPrice),
    promotionNames(input, coupon, campaign),
    { id: input.dealerId, name: ctx.dealerName ?? input.dealerId },
    ctx,
  );
}
