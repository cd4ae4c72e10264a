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

const applies: PromotionState = { applies: true, reason: null };
const notApplied = (reason: PromotionReason): PromotionState => ({ applies: false, reason });

/**
 * Campaign and coupon are exclusive (domain.md "Amounts"). A chosen coupon wins even over a campaign
 * whose condition is met: the buyer's explicit choice must not silently flip when the cart changes.
 * Without a coupon, a met campaign applies and closes the coupon list; an unmet one leaves it open.
 */
export function resolvePromotions(input: {
  orderAmount: Fen;
  campaign?: CampaignOffer | null;
  coupon?: CouponChoice | null;
}): PromotionResolution {
  const { orderAmount, campaign, coupon } = input;
  const campaignMet = !!campaign && campaign.eligible && orderAmount >= campaign.thresholdFen;

  if (coupon) {
    return {
      campaign: notApplied(campaign ? 'COUPON_CHOSEN' : 'NO_CAMPAIGN'),
      coupon: orderAmount >= coupon.thresholdFen ? applies : notApplied('COUPON_THRESHOLD_NOT_MET'),
      couponsAvailable: true,
      couponsUnavailableReason: null,
    };
  }
  if (campaignMet) {
    return {
      campaign: applies,
      coupon: notApplied('NO_COUPON'),
      couponsAvailable: false,
      couponsUnavailableReason: 'CAMPAIGN_APPLIES',
    };
  }
  const campaignReason: PromotionReason = !campaign
    ? 'NO_CAMPAIGN'
    : campaign.eligible
      ? 'CAMPAIGN_THRESHOLD_NOT_MET'
      : 'NOT_IN_CAMPAIGN';
  return {
    campaign: notApplied(campaignReason),
    coupon: notApplied('NO_COUPON'),
    couponsAvailable: true,
    couponsUnavailableReason: null,
  };
}
