import type { AmountBreakdown } from '../../shared/domain/amounts';
import type { DataScope } from '../../shared/domain/vocabulary';
import type { FieldErrors } from '../../shared/intents/dealer-checks';
import {
  dealerBreakdown,
  dealerLineError,
  goodsCampaignIds,
  promotionChoiceErrors,
  type DealerDraft,
} from '../../shared/intents/dealer-pricing';
import { allocate } from '../orders/allocate';
import type { WorkContext } from '../orders/context';
import type { CampaignRow, CouponRow, DealerRow, ProductRow } from '../storage/repositories';
import { inTurn } from '../storage/in-turn';

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
      const failed = dealerLineError(products.get(line.sku), prices.get(line.sku), line.unitPrice);
      if (failed) fieldErrors[`lines.${i}.${failed[0]}`] = failed[1];
    });
  }

  const coupon = draft.couponId === null ? null : await tx.catalogue.coupon(draft.couponId);
  const campaign = draft.campaignId === null ? null : await tx.catalogue.campaign(draft.campaignId);
  Object.assign(fieldErrors, promotionChoiceErrors(draft, coupon, campaign));

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
    const lines = draft.lines.map((l, i) => ({
      price: prices.get(l.sku) ?? 0,
      campaignId: known[i]?.campaignId ?? null,
    }));
    const goodsCampaigns = await inTurn(goodsCampaignIds(lines), (id) => tx.catalogue.campaign(id));
    const amounts = dealerBreakdown(
      draft,
      lines,
      coupon,
      campaign,
      goodsCampaigns.filter((c): c is CampaignRow => c !== null),
    );
    breakdown = amounts.breakdown;
    Object.assign(fieldErrors, amounts.fieldErrors);
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
