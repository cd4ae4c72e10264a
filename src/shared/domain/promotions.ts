import type { Fen } from './money';

/** A campaign (促销活动) the order might fall under. Its discount comes from rateBp and/or amountOff. */
export interface CampaignOffer {
  id?: string;
  /** The goods are in the campaign (campaigns are created for specific goods). */
  eligible: boolean;
  /** The campaign's condition: the order amount must reach this. */
  thresholdFen: Fen;
  /** Share PAID in basis points: 8000 = 8折 = 20 % off. */
  rateBp?: number;
  amountOff?: Fen;
}

export interface CouponChoice {
  id: string;
  amountOff: Fen;
  thresholdFen: Fen;
}

export const PROMOTION_REASONS = [
  'NO_CAMPAIGN',
  'NOT_IN_CAMPAIGN',
  'CAMPAIGN_THRESHOLD_NOT_MET',
  'COUPON_CHOSEN',
  'CAMPAIGN_APPLIES',
  'NO_COUPON',
  'COUPON_THRESHOLD_NOT_MET',
] as const;
export type PromotionReason = (typeof PROMOTION_REASONS)[number];

export interface PromotionState {
  applies: boolean;
  /** Why it does not apply; null when it does. */
  reason: PromotionReason | null;
}

export interface PromotionResolution {
  campaign: PromotionState;
  coupon: PromotionState;
  /** May the buyer pick a coupon at all right now; the reason explains a greyed-out coupon list. */
  couponsAvailable: boolean;
  couponsUnavailableReason: PromotionReason | null;
}

export interface PromotionInput {
  orderAmount: Fen;
  /** The campaign the order is priced with (the one chosen, or the one its goods fall under). */
  campaign?: CampaignOffer | null;
  coupon?: CouponChoice | null;
  /**
   * The coupon was chosen while the order did not meet any campaign of its goods: it stays, and
   * the campaign stays out, even once the order grows to meet it. Without it, a coupon on an order
   * that meets a campaign is refused.
   */
  couponChosenFirst?: boolean;
  /** Other campaigns the goods are in: one whose condition is met closes the coupons too. */
  goodsCampaigns?: readonly CampaignOffer[];
}

const applies: PromotionState = { applies: true, reason: null };
const notApplied = (reason: PromotionReason): PromotionState => ({ applies: false, reason });
const met = (campaign: CampaignOffer | null | undefined, orderAmount: Fen): boolean =>
  !!campaign && campaign.eligible && orderAmount >= campaign.thresholdFen;

/**
 * Campaign and coupon are exclusive (domain.md "Amounts"): when the goods are in a campaign whose
 * condition the order meets, coupons are unavailable and a chosen one is refused (CAMPAIGN_APPLIES);
 * when it is not met, a coupon may be chosen, and once chosen the campaign does not apply even if
 * the order later meets it (couponChosenFirst records that order of events).
 */
export function resolvePromotions(input: PromotionInput): PromotionResolution {
  const { orderAmount, campaign, coupon, couponChosenFirst = false, goodsCampaigns = [] } = input;
  const campaignMet = met(campaign, orderAmount);
  const couponsClosed = !couponChosenFirst && (campaignMet || goodsCampaigns.some((c) => met(c, orderAmount)));

  if (coupon && !couponsClosed) {
    return {
      campaign: notApplied(campaign ? 'COUPON_CHOSEN' : 'NO_CAMPAIGN'),
      coupon: orderAmount >= coupon.thresholdFen ? applies : notApplied('COUPON_THRESHOLD_NOT_MET'),
      couponsAvailable: true,
      couponsUnavailableReason: null,
    };
  }
  const campaignReason: PromotionReason = !campaign
    ? 'NO_CAMPAIGN'
    : campaign.eligible
      ? 'CAMPAIGN_THRESHOLD_NOT_MET'
      : 'NOT_IN_CAMPAIGN';
  return {
    campaign: campaignMet ? applies : notApplied(campaignReason),
    coupon: notApplied(coupon ? 'CAMPAIGN_APPLIES' : 'NO_COUPON'),
    couponsAvailable: !couponsClosed,
    couponsUnavailableReason: couponsClosed ? 'CAMPAIGN_APPLIES' : null,
  };
}
