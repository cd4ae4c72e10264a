import type { DealerDraftInput, DealerQuote } from '../contract/api';
import type { CatalogueItem } from '../contract/sync';
import { receiverErrors, type FieldErrors } from './dealer-checks';
import {
  dealerBreakdown,
  dealerLineError,
  goodsCampaignIds,
  promotionChoiceErrors,
  type CampaignTerms,
  type CouponTerms,
} from './dealer-pricing';

/**
 * A draft's amounts and checks, with the shared pricing the service's intake runs: lines at the
 * prices the dealer entered (a price that differs from the list is named), the campaign or coupon
 * (exclusive), member rate, benefit and points. Stock the device knows of is a warning
 * (STOCK_LOW): the service has the last word on it. `anyLineInCampaign` prices a what-if campaign
 * given by its terms as if the goods were in it. `campaignTerms` looks up the campaigns the goods
 * are in: one whose condition the draft meets closes the coupons.
 */
export function quoteDraft(
  draft: DealerDraftInput,
  lookup: (sku: string) => Pick<CatalogueItem, 'dealerPrice' | 'onSale' | 'campaignId' | 'stock'> | undefined,
  coupon: CouponTerms | null,
  campaign: CampaignTerms | null,
  anyLineInCampaign = false,
  campaignTerms: (id: string) => CampaignTerms | undefined = () => undefined,
): DealerQuote {
  const fieldErrors: FieldErrors = { ...receiverErrors(draft.receiver) };
  const entries = draft.lines.map((line) => lookup(line.sku));
  draft.lines.forEach((line, i) => {
    const entry = entries[i];
    const failed = dealerLineError(entry && { onSale: entry.onSale }, entry?.dealerPrice, line.unitPrice);
    if (failed) fieldErrors[`lines.${i}.${failed[0]}`] = failed[1];
    else if (line.quantity < 1) fieldErrors[`lines.${i}.quantity`] = 'QUANTITY_MIN';
    else if (entry && line.quantity > entry.stock) fieldErrors[`lines.${i}.quantity`] = 'STOCK_LOW';
  });
  if (draft.lines.length === 0) fieldErrors.lines = 'REQUIRED';
  Object.assign(fieldErrors, promotionChoiceErrors(draft, coupon, campaign));
  const priced = draft.lines.map((line, i) => ({
    price: line.unitPrice,
    campaignId: anyLineInCampaign && campaign ? campaign.id : (entries[i]?.campaignId ?? null),
  }));
  const goodsCampaigns = goodsCampaignIds(priced).flatMap((id) => campaignTerms(id) ?? []);
  const { breakdown, fieldErrors: promotionErrors } = dealerBreakdown(draft, priced, coupon, campaign, goodsCampaigns);
  for (const [field, reason] of Object.entries(promotionErrors)) fieldErrors[field] ??= reason;
  return {
    goodsTotal: breakdown.goodsTotal,
    freight: breakdown.freight,
    orderAmount: breakdown.orderAmount,
    couponDiscount: breakdown.couponDiscount,
    campaignDiscount: breakdown.campaignDiscount,
    memberDiscount: breakdown.memberDiscount,
    memberBenefit: breakdown.memberBenefit,
    pointsDeduction: breakdown.pointsDeduction,
    pointsUsed: breakdown.pointsUsed,
    payable: breakdown.payable,
    capped: breakdown.capped,
    couponsAvailable: breakdown.promotions.couponsAvailable,
    fieldErrors,
  };
}

/** Warnings the dealer may submit anyway (the service decides). */
export const WARNINGS: ReadonlySet<string> = new Set(['STOCK_LOW']);
