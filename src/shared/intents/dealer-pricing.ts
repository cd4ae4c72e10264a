import type { DealerOrderInput } from '../contract/sync';
import { computeAmounts, type AmountBreakdown, type CampaignOffer } from '../domain/amounts';
import type { PromotionState } from '../domain/promotions';
import type { FieldErrors } from './dealer-checks';

/**
 * How a dealer's draft is priced, the same on the dealer's device (optimistically) and in the
 * service's intake and quote: the dealer's price list, the campaign or coupon (exclusive, resolved
 * by the shared computeAmounts), member discount, benefit and points. Looking the prices, coupon
 * and campaign up is each side's own business; what they mean is decided here.
 */

export type DealerDraft = Pick<
  DealerOrderInput,
  | 'dealerId'
  | 'lines'
  | 'freight'
  | 'couponId'
  | 'couponChosenFirst'
  | 'campaignId'
  | 'memberRateBp'
  | 'memberBenefit'
  | 'pointsUsed'
>;

/** What the line checks need of a catalogue item. */
export interface ListedProduct {
  onSale: boolean;
}

export interface CouponTerms {
  id: string;
  name: string;
  amountOff: number;
  thresholdFen: number;
  /** A dealer's own coupon; null when any dealer may use it. */
  dealerId: string | null;
}

export interface CampaignTerms {
  id: string;
  name: string;
  thresholdFen: number;
  rateBp: number | null;
  amountOff: number | null;
}

/** The checks of one line against the catalogue and the dealer's price list, first failure wins. */
const LINE_CHECKS: ReadonlyArray<
  (product: ListedProduct | undefined, price: number | undefined, unitPrice: number) => readonly [string, string] | null
> = [
  (product) => (product ? null : ['sku', 'SKU_UNKNOWN']),
  (product) => (product?.onSale ? null : ['sku', 'NOT_ON_SALE']),
  (_p, price) => (price === undefined ? ['sku', 'NOT_IN_PRICE_LIST'] : null),
  (_p, price, unitPrice) => (price === unitPrice ? null : ['unitPrice', 'PRICE_MISMATCH']),
];

/** Why a line cannot be ordered as entered: [field, reason], or null when it can. */
export function dealerLineError(
  product: ListedProduct | undefined,
  price: number | undefined,
  unitPrice: number,
): readonly [field: string, reason: string] | null {
  return LINE_CHECKS.map((check) => check(product, price, unitPrice)).find((f) => f !== null) ?? null;
}

/** A chosen coupon or campaign that does not exist (or is another dealer's coupon). */
export function promotionChoiceErrors(
  draft: DealerDraft,
  coupon: CouponTerms | null,
  campaign: CampaignTerms | null,
): FieldErrors {
  const errors: FieldErrors = {};
  const couponFits = coupon?.id === draft.couponId && (coupon.dealerId === null || coupon.dealerId === draft.dealerId);
  if (draft.couponId !== null && !couponFits) errors.couponId = 'COUPON_UNKNOWN';
  if (draft.campaignId !== null && campaign?.id !== draft.campaignId) errors.campaignId = 'CAMPAIGN_UNKNOWN';
  return errors;
}

/** Whether a chosen promotion applies; why not, when it does not (shared resolvePromotions). */
const promotionError = (state: PromotionState): string | null => (state.applies ? null : state.reason);

/** A campaign's terms as the shared pricing reads them, eligible when any line is in it. */
function offerOf(
  campaign: CampaignTerms,
  lines: ReadonlyArray<{ campaignId: string | null }>,
): CampaignOffer & { id: string } {
  return {
    id: campaign.id,
    // Campaigns are set up for particular goods: the order qualifies through any of them.
    eligible: lines.some((l) => l.campaignId === campaign.id),
    thresholdFen: campaign.thresholdFen,
    rateBp: campaign.rateBp ?? undefined,
    amountOff: campaign.amountOff ?? undefined,
  };
}

/** The ids of the campaigns a draft's goods are in, for looking their terms up. */
export const goodsCampaignIds = (lines: ReadonlyArray<{ campaignId: string | null }>): string[] => [
  ...new Set(lines.flatMap((l) => (l.campaignId ? [l.campaignId] : []))),
];

/**
 * The amounts of a draft whose every line is known and priced (`lines` in the draft's order), and
 * the chosen promotions that turned out not to apply (below threshold, no eligible goods, a coupon
 * while the goods' campaign is met). `goodsCampaigns` are the terms of the campaigns the goods are
 * in, chosen or not: a met one closes the coupons (domain.md "Amounts").
 */
export function dealerBreakdown(
  draft: DealerDraft,
  lines: ReadonlyArray<{ price: number; campaignId: string | null }>,
  coupon: CouponTerms | null,
  campaign: CampaignTerms | null,
  goodsCampaigns: readonly CampaignTerms[] = [],
): { breakdown: AmountBreakdown; fieldErrors: FieldErrors } {
  const breakdown = computeAmounts({
    lines: draft.lines.map((l, i) => ({ unitPrice: lines[i]?.price ?? 0, quantity: l.quantity })),
    freight: draft.freight,
    memberRateBp: draft.memberRateBp,
    campaign: campaign && offerOf(campaign, lines),
    coupon: coupon && { id: coupon.id, amountOff: coupon.amountOff, thresholdFen: coupon.thresholdFen },
    couponChosenFirst: draft.couponChosenFirst,
    goodsCampaigns: goodsCampaigns.filter((c) => c.id !== campaign?.id).map((c) => offerOf(c, lines)),
    memberBenefit: draft.memberBenefit,
    points: draft.pointsUsed > 0 ? { used: draft.pointsUsed } : null,
  });
  const fieldErrors: FieldErrors = {};
  const couponError = coupon && promotionError(breakdown.promotions.coupon);
  const campaignError = campaign && promotionError(breakdown.promotions.campaign);
  if (couponError) fieldErrors.couponId = couponError;
  if (campaignError) fieldErrors.campaignId = campaignError;
  return { breakdown, fieldErrors };
}
