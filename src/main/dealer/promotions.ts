import type { DealerPromotions } from '../../shared/contract/api';
import type { CampaignTerms, CouponTerms } from '../../shared/intents/dealer-pricing';
import { DEALER_CAMPAIGNS, DEALER_COUPONS } from '../../server/demo/company';

/**
 * The dealer coupons and campaigns this device knows, so a draft is priced offline as the
 * service will price it. The service does not sync promotion terms yet; until it does, the
 * device knows the terms the (demo) company runs.
 */
export function knownPromotions(dealerIds: readonly string[]): DealerPromotions {
  return {
    coupons: DEALER_COUPONS.filter((c) => c.dealerId === null || dealerIds.includes(c.dealerId)).map((c) => ({
      ...c,
    })),
    campaigns: DEALER_CAMPAIGNS.map(({ categories: _categories, ...terms }) => terms),
  };
}

export const couponById = (dealerIds: readonly string[], id: string | null): CouponTerms | null =>
  id === null ? null : (knownPromotions(dealerIds).coupons.find((c) => c.id === id) ?? null);

export const campaignById = (dealerIds: readonly string[], id: string | null): CampaignTerms | null =>
  id === null ? null : (knownPromotions(dealerIds).campaigns.find((c) => c.id === id) ?? null);
