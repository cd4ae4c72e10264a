import type { AmountsRecord, LineRecord, PromotionRecord } from '../contract/records';
import { allocateProRata, DISCOUNT_CAP_ORDER, type AmountBreakdown } from '../domain/amounts';

export interface ChildAmounts {
  amounts: Omit<AmountsRecord, 'paid'>;
  /** Per line of the child, in its order. */
  lines: Array<Pick<LineRecord, 'discount' | 'payable'>>;
  /** The discount of each kind this child carries. */
  discounts: Record<(typeof DISCOUNT_CAP_ORDER)[number], number>;
}

/**
 * Splits one checkout's breakdown over its child orders so that they add up to it exactly. Freight
 * travels with the first child. The total discount is shared pro rata by each child's order
 * amount (allocateProRata: remainder on the last, never more than a child's own amount), then
 * within a child over the discount kinds and over its lines, so every child can be paid, refunded
 * and reconciled on its own.
 */
export function splitAmounts(breakdown: AmountBreakdown, children: ReadonlyArray<readonly number[]>): ChildAmounts[] {
  const subtotals = breakdown.lines.map((l) => l.subtotal);
  const goods = children.map((idx) => idx.reduce((sum, i) => sum + (subtotals[i] ?? 0), 0));
  const orderAmounts = goods.map((g, c) => g + (c === 0 ? breakdown.freight : 0));
  const childDiscounts = allocateProRata(breakdown.totalDiscount, orderAmounts);
  const kindTotals = DISCOUNT_CAP_ORDER.map((kind) => breakdown[kind]);

  return children.map((idx, c) => {
    const discount = childDiscounts[c] ?? 0;
    const byKind = allocateProRata(discount, kindTotals);
    const discounts = Object.fromEntries(
      DISCOUNT_CAP_ORDER.map((kind, k) => [kind, byKind[k] ?? 0]),
    ) as ChildAmounts['discounts'];
    const lineSubtotals = idx.map((i) => subtotals[i] ?? 0);
    const lineDiscounts = allocateProRata(Math.min(discount, goods[c] ?? 0), lineSubtotals);
    return {
      discounts,
      lines: lineSubtotals.map((subtotal, j) => ({
        discount: lineDiscounts[j] ?? 0,
        payable: subtotal - (lineDiscounts[j] ?? 0),
      })),
      amounts: {
        goodsTotal: goods[c] ?? 0,
        freight: c === 0 ? breakdown.freight : 0,
        freightInsurance: 0,
        couponDiscount: discounts.couponDiscount,
        campaignDiscount: discounts.campaignDiscount,
        memberDiscount: discounts.memberDiscount,
        memberBenefit: discounts.memberBenefit,
        pointsDeduction: discounts.pointsDeduction,
        // Points are spent once per checkout; the first child books them.
        pointsUsed: c === 0 ? breakdown.pointsUsed : 0,
        coinDeduction: 0,
        payable: (orderAmounts[c] ?? 0) - discount,
      },
    };
  });
}

export interface PromotionNames {
  coupon: { id: string; name: string } | null;
  campaign: { id: string; name: string } | null;
  memberRateBp: number | null;
}

/** The promotion lines of a child's detail view, one per discount it actually carries. */
export function promotionsOf(
  discounts: ChildAmounts['discounts'],
  names: PromotionNames,
  pointsUsed: number,
): PromotionRecord[] {
  const rows: Array<PromotionRecord | null> = [
    names.coupon && {
      kind: 'COUPON',
      refId: names.coupon.id,
      name: names.coupon.name,
      amount: discounts.couponDiscount,
    },
    names.campaign && {
      kind: 'CAMPAIGN',
      refId: names.campaign.id,
      name: names.campaign.name,
      amount: discounts.campaignDiscount,
    },
    {
      kind: 'MEMBER_DISCOUNT',
      refId: 'MEMBER',
      name: names.memberRateBp === null ? '会员折扣' : `会员 ${names.memberRateBp / 1000} 折`,
      amount: discounts.memberDiscount,
    },
    { kind: 'MEMBER_BENEFIT', refId: 'MEMBER', name: '会员专享立减', amount: discounts.memberBenefit },
    { kind: 'POINTS', refId: 'POINTS', name: `积分抵扣 ${pointsUsed} 积分`, amount: discounts.pointsDeduction },
  ];
  return rows.filter((row): row is PromotionRecord => row !== null && row.amount > 0);
}
