import type { AmountsRecord, LineRecord, PromotionRecord } from '../contract/records';
import { allocateProRata } from '../domain/allocation';
import type { PromotionKind } from '../domain/vocabulary';

/** What a platform charged for an order, as intake receives it. */
export interface PlatformAmounts {
  goods: number;
  freight: number;
  discounts: ReadonlyArray<{ kind: PromotionKind; name: string; refId: string; amount: number }>;
  paid: number;
}

export interface AmountProblem {
  /** Where in the order: amounts.goods or amounts.paid. */
  path: 'amounts.goods' | 'amounts.paid';
  detail: string;
}

const yuan = (fen: number): string => (fen / 100).toFixed(2);

/**
 * Whether what the platform charged adds up: the goods are the lines' unit price × quantity, and
 * what was paid is goods + freight − every discount. Our pricing rules are not applied: a platform
 * order is kept as it was charged (domain.md).
 */
export function amountProblems(
  amounts: PlatformAmounts,
  lines: ReadonlyArray<{ unitPrice: number; quantity: number }>,
): AmountProblem[] {
  const problems: AmountProblem[] = [];
  const linesTotal = lines.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0);
  if (linesTotal !== amounts.goods)
    problems.push({
      path: 'amounts.goods',
      detail: `商品金额 ${yuan(amounts.goods)} 与明细合计 ${yuan(linesTotal)} 不符`,
    });
  const discounts = amounts.discounts.reduce((sum, d) => sum + d.amount, 0);
  const due = amounts.goods + amounts.freight - discounts;
  if (due !== amounts.paid)
    problems.push({
      path: 'amounts.paid',
      detail: `实付 ${yuan(amounts.paid)} 与 商品 ${yuan(amounts.goods)} + 运费 ${yuan(amounts.freight)} − 优惠 ${yuan(discounts)} = ${yuan(due)} 不符`,
    });
  return problems;
}

/** The record's field each kind of platform discount is booked under. */
const DISCOUNT_FIELD: Record<PromotionKind, keyof AmountsRecord> = {
  COUPON: 'couponDiscount',
  CAMPAIGN: 'campaignDiscount',
  MEMBER_DISCOUNT: 'memberDiscount',
  MEMBER_BENEFIT: 'memberBenefit',
  POINTS: 'pointsDeduction',
  COINS: 'coinDeduction',
};

export interface ChildPlatformAmounts {
  amounts: Omit<AmountsRecord, 'paid'>;
  /** Per line of the child, in its order. */
  lines: Array<Pick<LineRecord, 'discount' | 'payable'>>;
  promotions: PromotionRecord[];
}

/**
 * Splits what a platform charged over the child orders it becomes (children: the input line
 * indexes of each), so the children add up to it exactly: freight rides with the first child, the
 * discounts are shared pro rata by each child's order amount (the remainder on the last), within a
 * child over the discount lines and over its lines. Each discount line stays a promotion line as
 * the platform named it. Discounts beyond the order amount (amounts that do not add up, kept as an
 * exception) are cut so nothing goes below 0.
 */
export function splitPlatformAmounts(
  amounts: PlatformAmounts,
  lines: ReadonlyArray<{ unitPrice: number; quantity: number }>,
  children: ReadonlyArray<readonly number[]>,
): ChildPlatformAmounts[] {
  const subtotals = lines.map((l) => l.unitPrice * l.quantity);
  const goods = children.map((idx) => idx.reduce((sum, i) => sum + (subtotals[i] ?? 0), 0));
  const orderAmounts = goods.map((g, c) => g + (c === 0 ? amounts.freight : 0));
  const total = orderAmounts.reduce((a, b) => a + b, 0);
  const requested = amounts.discounts.map((d) => d.amount);
  const discountTotal = Math.min(
    total,
    requested.reduce((a, b) => a + b, 0),
  );
  // A discount list worth more than the order is cut from the last line backwards.
  const granted = allocateProRata(discountTotal, requested);
  const childDiscounts = allocateProRata(discountTotal, orderAmounts);

  return children.map((idx, c) => {
    const discount = childDiscounts[c] ?? 0;
    const byLine = allocateProRata(discount, granted);
    const promotions: PromotionRecord[] = amounts.discounts
      .map((d, k) => ({ kind: d.kind, refId: d.refId, name: d.name, amount: byLine[k] ?? 0 }))
      .filter((p) => p.amount > 0);
    const booked = (field: keyof AmountsRecord) =>
      promotions.filter((p) => DISCOUNT_FIELD[p.kind] === field).reduce((sum, p) => sum + p.amount, 0);
    const lineSubtotals = idx.map((i) => subtotals[i] ?? 0);
    const lineDiscounts = allocateProRata(Math.min(discount, goods[c] ?? 0), lineSubtotals);
    return {
      promotions,
      lines: lineSubtotals.map((subtotal, j) => ({
        discount: lineDiscounts[j] ?? 0,
        payable: subtotal - (lineDiscounts[j] ?? 0),
      })),
      amounts: {
        goodsTotal: goods[c] ?? 0,
        freight: c === 0 ? amounts.freight : 0,
        freightInsurance: 0,
        couponDiscount: booked('couponDiscount'),
        campaignDiscount: booked('campaignDiscount'),
        memberDiscount: booked('memberDiscount'),
        memberBenefit: booked('memberBenefit'),
        pointsDeduction: booked('pointsDeduction'),
        pointsUsed: 0,
        coinDeduction: booked('coinDeduction'),
        payable: (orderAmounts[c] ?? 0) - discount,
      },
    };
  });
}
