import { allocateProRata } from './allocation';
import { assertFen, BASIS_POINTS, FEN_PER_YUAN, percentOfHalfUp, type Fen } from './money';
import { resolvePromotions, type CampaignOffer, type CouponChoice, type PromotionResolution } from './promotions';

export { allocateProRata } from './allocation';
export { resolvePromotions } from './promotions';
export type { CampaignOffer, CouponChoice, PromotionResolution } from './promotions';

export const DEFAULT_POINTS_PER_YUAN = 100;

export interface AmountLineInput {
  unitPrice: Fen;
  quantity: number;
}

export interface PointsInput {
  used: number;
  /** How many points make 1.00 yuan; default 100. */
  pointsPerYuan?: number;
}

export interface AmountInput {
  lines: readonly AmountLineInput[];
  freight: Fen;
  /** Member level rate as the share PAID in basis points (8000 = 8折); absent or 10000 = none. */
  memberRateBp?: number | null;
  campaign?: CampaignOffer | null;
  coupon?: CouponChoice | null;
  /** See resolvePromotions: the coupon was chosen before the order met a campaign. */
  couponChosenFirst?: boolean;
  /** Other campaigns the goods are in; a met one makes coupons unavailable. */
  goodsCampaigns?: readonly CampaignOffer[];
  memberBenefit?: Fen | null;
  points?: PointsInput | null;
}

export interface LineAmounts {
  subtotal: Fen;
  discount: Fen;
  payable: Fen;
}

export interface AmountBreakdown {
  goodsTotal: Fen;
  freight: Fen;
  orderAmount: Fen;
  couponDiscount: Fen;
  campaignDiscount: Fen;
  memberDiscount: Fen;
  memberBenefit: Fen;
  pointsDeduction: Fen;
  /** Points actually consumed: fewer than requested when the deduction was capped. */
  pointsUsed: number;
  totalDiscount: Fen;
  /** The part of totalDiscount that lines could not absorb, i.e. freight given away. */
  freightDiscount: Fen;
  payable: Fen;
  lines: LineAmounts[];
  /** Some discount was cut so that payable does not go below 0. */
  capped: boolean;
  promotions: PromotionResolution;
}

/**
 * When discounts together exceed the order amount they are granted in this order and the later
 * ones are cut. Points come last so they are cut first: unused points stay with the buyer, while a
 * coupon or campaign once granted cannot be partially handed back.
 */
export const DISCOUNT_CAP_ORDER = [
  'couponDiscount',
  'campaignDiscount',
  'memberDiscount',
  'memberBenefit',
  'pointsDeduction',
] as const;
type DiscountKey = (typeof DISCOUNT_CAP_ORDER)[number];

function assertRate(rateBp: number, label: string): void {
  if (!Number.isInteger(rateBp) || rateBp < 0 || rateBp > BASIS_POINTS) {
    throw new RangeError(`${label} must be an integer between 0 and ${BASIS_POINTS}, got ${String(rateBp)}`);
  }
}

/** A rate is the share PAID, so the discount is the rest: 8折 on 100.00 takes off 20.00. */
function rateDiscount(orderAmount: Fen, rateBp: number | null | undefined, label: string): Fen {
  if (rateBp === null || rateBp === undefined) return 0;
  assertRate(rateBp, label);
  return percentOfHalfUp(orderAmount, BASIS_POINTS - rateBp);
}

function pointsToFen(points: PointsInput): Fen {
  const perYuan = points.pointsPerYuan ?? DEFAULT_POINTS_PER_YUAN;
  if (!Number.isSafeInteger(points.used) || points.used < 0)
    throw new RangeError('points.used must be a non-negative integer');
  if (!Number.isSafeInteger(perYuan) || perYuan <= 0)
    throw new RangeError('points.pointsPerYuan must be a positive integer');
  return Math.floor((points.used * FEN_PER_YUAN) / perYuan);
}

/** The fewest points that still buy `fen`, so a capped deduction does not burn extra points. */
function pointsFor(fen: Fen, points: PointsInput): number {
  const perYuan = points.pointsPerYuan ?? DEFAULT_POINTS_PER_YUAN;
  return Math.min(points.used, Math.ceil((fen * perYuan) / FEN_PER_YUAN));
}

/**
 * domain.md "Amounts": every discount is computed on the ORDER AMOUNT (goods + freight),
 * independently, so the order of computing them cannot change the result.
 */
export function computeAmounts(input: AmountInput): AmountBreakdown {
  const subtotals = input.lines.map((line, i) => {
    assertFen(line.unitPrice, `lines[${i}].unitPrice`);
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 0) {
      throw new RangeError(`lines[${i}].quantity must be a non-negative integer`);
    }
    const subtotal = line.unitPrice * line.quantity;
    assertFen(subtotal, `lines[${i}] subtotal`);
    return subtotal;
  });
  assertFen(input.freight, 'freight');
  const goodsTotal = subtotals.reduce((a, s) => a + s, 0);
  const orderAmount = goodsTotal + input.freight;

  const promotions = resolvePromotions({
    orderAmount,
    campaign: input.campaign,
    coupon: input.coupon,
    couponChosenFirst: input.couponChosenFirst,
    goodsCampaigns: input.goodsCampaigns,
  });
  const campaign = input.campaign;
  const memberBenefit = input.memberBenefit ?? 0;
  assertFen(memberBenefit, 'memberBenefit');
  if (campaign?.amountOff !== undefined) assertFen(campaign.amountOff, 'campaign.amountOff');
  if (input.coupon) assertFen(input.coupon.amountOff, 'coupon.amountOff');

  const requested: Record<DiscountKey, Fen> = {
    couponDiscount: promotions.coupon.applies && input.coupon ? input.coupon.amountOff : 0,
    campaignDiscount:
      promotions.campaign.applies && campaign
        ? rateDiscount(orderAmount, campaign.rateBp, 'campaign.rateBp') + (campaign.amountOff ?? 0)
        : 0,
    memberDiscount: rateDiscount(orderAmount, input.memberRateBp, 'memberRateBp'),
    memberBenefit,
    pointsDeduction: input.points ? pointsToFen(input.points) : 0,
  };

  const granted = { ...requested };
  let left = orderAmount;
  for (const key of DISCOUNT_CAP_ORDER) {
    granted[key] = Math.min(requested[key], left);
    left -= granted[key];
  }
  const capped = DISCOUNT_CAP_ORDER.some((key) => granted[key] !== requested[key]);
  const totalDiscount = orderAmount - left;
  const pointsUsed = input.points
    ? granted.pointsDeduction === requested.pointsDeduction
      ? input.points.used
      : pointsFor(granted.pointsDeduction, input.points)
    : 0;

  // Lines absorb the discount first; only what exceeds the goods is freight given away.
  const lineDiscountTotal = Math.min(totalDiscount, goodsTotal);
  const lineDiscounts = allocateProRata(lineDiscountTotal, subtotals);
  const lines = subtotals.map((subtotal, i) => {
    const discount = lineDiscounts[i] ?? 0;
    return { subtotal, discount, payable: subtotal - discount };
  });

  return {
    goodsTotal,
    freight: input.freight,
    orderAmount,
    ...granted,
    pointsUsed,
    totalDiscount,
    freightDiscount: totalDiscount - lineDiscountTotal,
    payable: left,
    lines,
    capped,
    promotions,
  };
}
