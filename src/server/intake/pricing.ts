import type { DealerOrderInput } from '../../shared/contract/sync';
import { computeAmounts, type AmountBreakdown, type CampaignOffer } from '../../shared/domain/amounts';
import type { PromotionState } from '../../shared/domain/promotions';
import type { DataScope } from '../../shared/domain/vocabulary';
import { allocate } from '../orders/allocate';
import type { WorkContext } from '../orders/context';
import type { CampaignRow, CouponRow, DealerRow, ProductRow } from '../storage/repositories';
import type { FieldErrors } from './checks';

export type DealerDraft = Pick<
  DealerOrderInput,
  'dealerId' | 'lines' | 'freight' | 'couponId' | 'campaignId' | 'memberRateBp' | 'memberBenefit' | 'pointsUsed'
>;

export interface PricedDraft {
  dealer: DealerRow | null;
  /** Per line, once every line is known and priced. */
  products: ProductRow[];
  prices: number[];
  warehouses: Array<string | null>;
  coupon: CouponRow | null;
  campaign: CampaignRow | null;
  /** null when the amounts cannot be worked out (a line is unknown or not in the price list). */
  breakdown: AmountBreakdown | null;
  fieldErrors: FieldErrors;
}

/** The checks of one line against the catalogue and the dealer's price list, first failure wins. */
const LINE_CHECKS: ReadonlyArray<
  (product: ProductRow | undefined, price: number | undefined, unitPrice: number) => readonly [string, string] | null
> = [
  (product) => (product ? null : ['sku', 'SKU_UNKNOWN']),
  (product) => (product?.onSale ? null : ['sku', 'NOT_ON_SALE']),
  (_p, price) => (price === undefined ? ['sku', 'NOT_IN_PRICE_LIST'] : null),
  (_p, price, unitPrice) => (price === unitPrice ? null : ['unitPrice', 'PRICE_MISMATCH']),
];

/** Whether a chosen promotion applies; why not, when it does not (shared resolvePromotions). */
const promotionError = (state: PromotionState): string | null => (state.applies ? null : state.reason);

/**
 * Prices a dealer's draft as the service will charge it: the dealer's own price list, the
 * campaign or coupon (exclusive, resolved by the shared pricing), stock in the warehouses. Every
 * problem is named by field path (0-based line index) rather than stopping at the first.
 */
export async function priceDealerDraft(
  ctx: WorkContext,
  scope: DataScope,
  draft: DealerDraft,
  province: string | null,
): Promise<PricedDraft> {
  const { tx } = ctx;
  const fieldErrors: FieldErrors = {};
  const entitled = scope.all || scope.dealerIds.includes(draft.dealerId);
  const dealer = entitled ? await tx.places.dealer(draft.dealerId) : null;
  const skus = draft.lines.map((l) => l.sku);
  const products = await tx.catalogue.products(skus);
  const prices = dealer ? await tx.catalogue.dealerPrices(dealer.id, skus) : new Map<string, number>();
  if (!dealer) fieldErrors.dealerId = 'DEALER_NOT_ENTITLED';
  else {
    draft.lines.forEach((line, i) => {
      const failed = LINE_CHECKS.map((check) =>
        check(products.get(line.sku), prices.get(line.sku), line.unitPrice),
      ).find((f) => f !== null);
      if (failed) fieldErrors[`lines.${i}.${failed[0]}`] = failed[1];
    });
  }

  const coupon = draft.couponId === null ? null : await tx.catalogue.coupon(draft.couponId);
  if (draft.couponId !== null && (!coupon || (coupon.dealerId !== null && coupon.dealerId !== draft.dealerId))) {
    fieldErrors.couponId = 'COUPON_UNKNOWN';
  }
  const campaign = draft.campaignId === null ? null : await tx.catalogue.campaign(draft.campaignId);
  if (draft.campaignId !== null && !campaign) fieldErrors.campaignId = 'CAMPAIGN_UNKNOWN';

  const failedLine = (i: number) => Object.keys(fieldErrors).some((field) => field.startsWith(`lines.${i}.`));
  const priced = dealer !== null && draft.lines.every((_l, i) => !failedLine(i));
  // Stock is checked for every line that is itself fine, so one bad line does not hide a shortage.
  const stocked = draft.lines.flatMap((l, i) => {
    const product = products.get(l.sku);
    return dealer && product && !failedLine(i)
      ? [{ i, demand: { sku: l.sku, quantity: l.quantity, physical: product.kind === 'PHYSICAL' } }]
      : [];
  });
  const allocation = await allocate(
    ctx,
    stocked.map((s) => s.demand),
    province,
  );
  for (const short of allocation.short) fieldErrors[`lines.${stocked[short]!.i}.quantity`] = 'STOCK_SHORT';
  const warehouses = draft.lines.map((_l, i) => allocation.warehouses[stocked.findIndex((s) => s.i === i)] ?? null);
  const known = priced ? draft.lines.map((l) => products.get(l.sku)!) : [];

  let breakdown: AmountBreakdown | null = null;
  if (priced && !fieldErrors.couponId && !fieldErrors.campaignId) {
    const offer: CampaignOffer | null = campaign && {
      id: campaign.id,
      // Campaigns are set up for particular goods: the order qualifies through any of them.
      eligible: known.some((p) => p.campaignId === campaign.id),
      thresholdFen: campaign.thresholdFen,
      rateBp: campaign.rateBp ?? undefined,
      amountOff: campaign.amountOff ?? undefined,
    };
    breakdown = computeAmounts({
      lines: draft.lines.map((l) => ({ unitPrice: prices.get(l.sku) ?? 0, quantity: l.quantity })),
      freight: draft.freight,
      memberRateBp: draft.memberRateBp,
      campaign: offer,
      coupon: coupon && { id: coupon.id, amountOff: coupon.amountOff, thresholdFen: coupon.thresholdFen },
      memberBenefit: draft.memberBenefit,
      points: draft.pointsUsed > 0 ? { used: draft.pointsUsed } : null,
    });
    const couponError = coupon && promotionError(breakdown.promotions.coupon);
    const campaignError = campaign && promotionError(breakdown.promotions.campaign);
    if (couponError) fieldErrors.couponId = couponError;
    if (campaignError) fieldErrors.campaignId = campaignError;
  }
  return {
    dealer,
    products: known,
    prices: draft.lines.map((l) => prices.get(l.sku) ?? 0),
    warehouses,
    coupon,
    campaign,
    breakdown,
    fieldErrors,
  };
}
