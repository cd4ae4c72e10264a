import type { AmountsRecord, LineRecord, PromotionRecord } from '../contract/records';
import { computeAmounts, type CampaignOffer, type CouponChoice } from '../domain/amounts';
import type { OrderKind, OrderSource } from '../domain/vocabulary';
import type { Buyer } from './people';
import type { Random } from './random';
import type { Sku } from './catalogue';

const CAMPAIGNS: ReadonlyArray<CampaignOffer & { id: string; name: string }> = [
  { id: 'CA-MJ199', name: '满199减20', eligible: true, thresholdFen: 19900, amountOff: 2000 },
  { id: 'CA-MJ299', name: '满299减40', eligible: true, thresholdFen: 29900, amountOff: 4000 },
  { id: 'CA-ZK90', name: '限时9折', eligible: true, thresholdFen: 0, rateBp: 9000 },
  { id: 'CA-ZK85', name: '会员日满99享85折', eligible: true, thresholdFen: 9900, rateBp: 8500 },
];

const COUPONS: ReadonlyArray<Omit<CouponChoice, 'id'> & { name: string }> = [
  { name: '无门槛3元券', amountOff: 300, thresholdFen: 0 },
  { name: '满49减5', amountOff: 500, thresholdFen: 4900 },
  { name: '满99减10', amountOff: 1000, thresholdFen: 9900 },
  { name: '满199减20', amountOff: 2000, thresholdFen: 19900 },
  { name: '满499减50', amountOff: 5000, thresholdFen: 49900 },
];

export interface CartLine {
  sku: Sku;
  quantity: number;
}

export interface Priced {
  amounts: Omit<AmountsRecord, 'paid'>;
  promotions: PromotionRecord[];
  lines: Array<Pick<LineRecord, 'discount' | 'payable'>>;
}

/**
 * What a buyer of this kind of order plausibly used (member price, a campaign or else a coupon,
 * points) and what that comes to, computed by the domain's own pricing so demo amounts obey
 * exactly the rules the app enforces. Coins are not part of the domain's payable formula, so the
 * demo never grants them.
 */
export function priceChild(
  rng: Random,
  ctx: { kind: OrderKind; source: OrderSource; buyer: Buyer },
  cart: readonly CartLine[],
): Priced {
  const goods = cart.reduce((sum, l) => sum + l.sku.unitPrice * l.quantity, 0);
  const physical = ctx.kind === 'PHYSICAL';
  const mall = ctx.source === 'MALL';
  let freight = 0;
  if (physical && ctx.source === 'MALL') freight = goods >= 9900 ? 0 : rng.pick([600, 800, 1000]);
  if (physical && ctx.source === 'EXTERNAL') freight = rng.chance(0.8) ? 0 : rng.pick([500, 800]);
  if (physical && ctx.source === 'DEALER') freight = rng.int(0, 6) * 500;
  const orderAmount = goods + freight;

  const campaign = mall && physical && rng.chance(0.3) ? { ...rng.pick(CAMPAIGNS), eligible: rng.chance(0.85) } : null;
  const campaignMet = !!campaign && campaign.eligible && orderAmount >= campaign.thresholdFen;
  // A buyer can only pick a coupon that the order qualifies for, and none while a campaign applies.
  const usable = COUPONS.filter((c) => c.thresholdFen <= orderAmount);
  const coupon =
    !campaignMet && ctx.source !== 'DEALER' && usable.length && rng.chance(0.3)
      ? { ...rng.pick(usable), id: `CP${rng.digits(10)}` }
      : null;
  const memberRateBp = mall ? ctx.buyer.level.rateBp : null;
  const memberBenefit = mall && ctx.buyer.level.benefit > 0 && rng.chance(0.3) ? ctx.buyer.level.benefit : 0;
  const pointsUsed = mall && rng.chance(0.15) ? rng.int(1, 30) * 100 : 0;

  const result = computeAmounts({
    lines: cart.map((l) => ({ unitPrice: l.sku.unitPrice, quantity: l.quantity })),
    freight,
    memberRateBp,
    campaign,
    coupon,
    memberBenefit,
    points: pointsUsed ? { used: pointsUsed } : null,
  });

  const promotions: PromotionRecord[] = [];
  const add = (kind: PromotionRecord['kind'], refId: string, name: string, amount: number) => {
    if (amount > 0) promotions.push({ kind, refId, name, amount });
  };
  if (coupon) add('COUPON', coupon.id, coupon.name, result.couponDiscount);
  if (campaign) add('CAMPAIGN', campaign.id, campaign.name, result.campaignDiscount);
  if (memberRateBp !== null) {
    add(
      'MEMBER_DISCOUNT',
      ctx.buyer.level.name,
      `${ctx.buyer.level.name}${memberRateBp / 1000}折`,
      result.memberDiscount,
    );
  }
  add('MEMBER_BENEFIT', ctx.buyer.level.name, '会员专享立减', result.memberBenefit);
  add('POINTS', 'POINTS', `积分抵扣 ${result.pointsUsed} 积分`, result.pointsDeduction);

  return {
    amounts: {
      goodsTotal: result.goodsTotal,
      freight: result.freight,
      freightInsurance: physical && ctx.source !== 'DEALER' && rng.chance(0.35) ? rng.pick([80, 150, 220, 350]) : 0,
      couponDiscount: result.couponDiscount,
      campaignDiscount: result.campaignDiscount,
      memberDiscount: result.memberDiscount,
      memberBenefit: result.memberBenefit,
      pointsDeduction: result.pointsDeduction,
      pointsUsed: result.pointsUsed,
      coinDeduction: 0,
      payable: result.payable,
    },
    promotions,
    lines: result.lines.map((l) => ({ discount: l.discount, payable: l.payable })),
  };
}
