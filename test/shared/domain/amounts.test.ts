import { describe, it, expect } from 'vitest';
import { computeAmounts, type AmountInput } from '../../../src/shared/domain/amounts';

const sumOfShownDiscounts = (a: ReturnType<typeof computeAmounts>): number =>
  a.couponDiscount + a.campaignDiscount + a.memberDiscount + a.memberBenefit + a.pointsDeduction;

const campaignHalfOff = { eligible: true, thresholdFen: 0, rateBp: 5000 };

describe('computeAmounts: the worked example of domain.md', () => {
  const input: AmountInput = {
    lines: [{ unitPrice: 4500, quantity: 2 }],
    freight: 1000,
    memberRateBp: 8000,
    campaign: campaignHalfOff,
    memberBenefit: 1500,
  };

  it('charges 15.00 for 45.00 × 2 + 10.00 freight with 8折 member, 5折 campaign and 15.00 benefit', () => {
    const a = computeAmounts(input);
    expect(a.goodsTotal).toBe(9000);
    expect(a.freight).toBe(1000);
    expect(a.orderAmount).toBe(10000);
    expect(a.memberDiscount).toBe(2000);
    expect(a.campaignDiscount).toBe(5000);
    expect(a.memberBenefit).toBe(1500);
    expect(a.couponDiscount).toBe(0);
    expect(a.pointsDeduction).toBe(0);
    expect(a.totalDiscount).toBe(8500);
    expect(a.payable).toBe(1500);
    expect(a.capped).toBe(false);
  });

  it('puts the whole discount on the single line, which still adds up with freight', () => {
    const a = computeAmounts(input);
    expect(a.lines).toEqual([{ subtotal: 9000, discount: 8500, payable: 500 }]);
    expect(a.freightDiscount).toBe(0);
    expect(a.lines.reduce((s, l) => s + l.payable, 0) + a.freight - a.freightDiscount).toBe(a.payable);
  });
});

describe('computeAmounts: every discount is taken from the order amount', () => {
  it('gives the same result whatever order the inputs are listed in', () => {
    const base = {
      lines: [
        { unitPrice: 1999, quantity: 3 },
        { unitPrice: 333, quantity: 1 },
      ],
      freight: 800,
    };
    const a = computeAmounts({
      ...base,
      memberRateBp: 9500,
      campaign: { eligible: true, thresholdFen: 0, rateBp: 8800 },
      memberBenefit: 300,
      points: { used: 250 },
    });
    const b = computeAmounts({
      points: { used: 250 },
      memberBenefit: 300,
      campaign: { eligible: true, thresholdFen: 0, rateBp: 8800 },
      memberRateBp: 9500,
      ...base,
    });
    expect(b).toEqual(a);
    // Each percent discount is the rate of the same 7130 order amount, not of a running total.
    expect(a.orderAmount).toBe(7130);
    expect(a.memberDiscount).toBe(357); // 5 % of 7130 = 356.5 → 357
    expect(a.campaignDiscount).toBe(856); // 12 % of 7130 = 855.6 → 856
  });

  it('rounds each percent discount half up to the fen', () => {
    const a = computeAmounts({ lines: [{ unitPrice: 1001, quantity: 1 }], freight: 0, memberRateBp: 6667 });
    expect(a.memberDiscount).toBe(334); // 33.33 % of 10.01 = 3.336333
    const b = computeAmounts({ lines: [{ unitPrice: 15, quantity: 1 }], freight: 0, memberRateBp: 6667 });
    expect(b.memberDiscount).toBe(5); // 4.9995 fen
    const c = computeAmounts({ lines: [{ unitPrice: 1, quantity: 1 }], freight: 0, memberRateBp: 5000 });
    expect(c.memberDiscount).toBe(1); // exactly half a fen
  });

  it('treats no member rate, and a rate of 100 %, as no member discount', () => {
    const lines = [{ unitPrice: 500, quantity: 1 }];
    expect(computeAmounts({ lines, freight: 0 }).memberDiscount).toBe(0);
    expect(computeAmounts({ lines, freight: 0, memberRateBp: 10000 }).memberDiscount).toBe(0);
    expect(computeAmounts({ lines, freight: 0, memberRateBp: null }).memberDiscount).toBe(0);
  });

  it('adds a campaign amount off to its rate', () => {
    const a = computeAmounts({
      lines: [{ unitPrice: 10000, quantity: 1 }],
      freight: 0,
      campaign: { eligible: true, thresholdFen: 0, rateBp: 9000, amountOff: 500 },
    });
    expect(a.campaignDiscount).toBe(1500);
  });
});

describe('computeAmounts: points', () => {
  it('converts 100 points to 1.00 by default', () => {
    const a = computeAmounts({ lines: [{ unitPrice: 5000, quantity: 1 }], freight: 0, points: { used: 250 } });
    expect(a.pointsDeduction).toBe(250);
    expect(a.pointsUsed).toBe(250);
    expect(a.payable).toBe(4750);
  });

  it('converts at a configured rate and never rounds in the buyer’s favour beyond the points given', () => {
    const a = computeAmounts({
      lines: [{ unitPrice: 5000, quantity: 1 }],
      freight: 0,
      points: { used: 155, pointsPerYuan: 300 },
    });
    expect(a.pointsDeduction).toBe(51); // 155 / 3 = 51.67 fen → 51
  });
});

describe('computeAmounts: never below zero', () => {
  it('caps discounts so payable is 0 and the breakdown still adds up', () => {
    const a = computeAmounts({
      lines: [{ unitPrice: 1000, quantity: 1 }],
      freight: 0,
      coupon: { id: 'C1', amountOff: 800, thresholdFen: 0 },
      memberRateBp: 7000,
      memberBenefit: 500,
      points: { used: 1000 },
    });
    expect(a.payable).toBe(0);
    expect(a.capped).toBe(true);
    expect(a.orderAmount - sumOfShownDiscounts(a)).toBe(a.payable);
  });

  it('cuts the later discounts first: points, then member benefit, then member discount', () => {
    const a = computeAmounts({
      lines: [{ unitPrice: 1000, quantity: 1 }],
      freight: 0,
      coupon: { id: 'C1', amountOff: 800, thresholdFen: 0 },
      memberRateBp: 9000,
      memberBenefit: 500,
      points: { used: 1000 },
    });
    expect(a.couponDiscount).toBe(800);
    expect(a.memberDiscount).toBe(100);
    expect(a.memberBenefit).toBe(100);
    expect(a.pointsDeduction).toBe(0);
    expect(a.pointsUsed).toBe(0);
  });

  it('consumes only the points a capped deduction needs', () => {
    const a = computeAmounts({
      lines: [{ unitPrice: 37, quantity: 1 }],
      freight: 0,
      points: { used: 1000, pointsPerYuan: 150 },
    });
    expect(a.pointsDeduction).toBe(37);
    expect(a.pointsUsed).toBe(56); // 55.5 points buy 37 fen; 56 is the fewest whole points that do
    expect(a.payable).toBe(0);
  });

  it('lets a discount cover freight once the goods are free, shown as freight discount', () => {
    const a = computeAmounts({
      lines: [{ unitPrice: 1000, quantity: 1 }],
      freight: 600,
      coupon: { id: 'C1', amountOff: 1200, thresholdFen: 0 },
    });
    expect(a.lines).toEqual([{ subtotal: 1000, discount: 1000, payable: 0 }]);
    expect(a.freightDiscount).toBe(200);
    expect(a.payable).toBe(400);
  });

  it('handles an empty cart without dividing by zero', () => {
    const a = computeAmounts({ lines: [], freight: 0, memberRateBp: 8000 });
    expect(a.payable).toBe(0);
    expect(a.lines).toEqual([]);
  });
});

describe('computeAmounts: campaign and coupon are exclusive', () => {
  const lines = [{ unitPrice: 10000, quantity: 1 }];
  const coupon = { id: 'C10', amountOff: 1000, thresholdFen: 5000 };

  it('applies a met campaign and makes coupons unavailable', () => {
    const a = computeAmounts({ lines, freight: 0, campaign: { eligible: true, thresholdFen: 8000, rateBp: 9000 } });
    expect(a.campaignDiscount).toBe(1000);
    expect(a.promotions.couponsAvailable).toBe(false);
    expect(a.promotions.couponsUnavailableReason).toBe('CAMPAIGN_APPLIES');
  });

  it('lets a coupon be used when the campaign condition is not met', () => {
    const a = computeAmounts({
      lines,
      freight: 0,
      campaign: { eligible: true, thresholdFen: 20000, rateBp: 9000 },
      coupon,
    });
    expect(a.campaignDiscount).toBe(0);
    expect(a.couponDiscount).toBe(1000);
    expect(a.promotions.campaign.reason).toBe('COUPON_CHOSEN');
  });

  it('keeps a coupon chosen before the order met the campaign, and leaves the campaign out', () => {
    const a = computeAmounts({
      lines,
      freight: 0,
      campaign: { eligible: true, thresholdFen: 8000, rateBp: 5000 },
      coupon,
      couponChosenFirst: true,
    });
    expect(a.couponDiscount).toBe(1000);
    expect(a.campaignDiscount).toBe(0);
  });

  it('refuses a coupon chosen on an order that already meets the campaign, and grants the campaign', () => {
    const a = computeAmounts({
      lines,
      freight: 0,
      campaign: { eligible: true, thresholdFen: 8000, rateBp: 5000 },
      coupon: { ...coupon, amountOff: 8000 },
    });
    expect(a.couponDiscount).toBe(0);
    expect(a.campaignDiscount).toBe(5000);
    expect(a.promotions.coupon).toEqual({ applies: false, reason: 'CAMPAIGN_APPLIES' });
  });

  it('closes the coupons for a met campaign of the goods even when another campaign was chosen', () => {
    const a = computeAmounts({
      lines,
      freight: 0,
      coupon,
      goodsCampaigns: [{ eligible: true, thresholdFen: 5000, amountOff: 500 }],
    });
    expect(a.couponDiscount).toBe(0);
    expect(a.promotions.couponsAvailable).toBe(false);
  });

  it('gives nothing for a coupon whose own threshold is not met', () => {
    const a = computeAmounts({ lines, freight: 0, coupon: { ...coupon, thresholdFen: 20000 } });
    expect(a.couponDiscount).toBe(0);
    expect(a.promotions.coupon.reason).toBe('COUPON_THRESHOLD_NOT_MET');
  });
});

describe('computeAmounts: discounts allocated back to lines', () => {
  it('splits the discount pro rata with the remainder on the last line, so lines add up exactly', () => {
    const a = computeAmounts({
      lines: [
        { unitPrice: 1000, quantity: 1 },
        { unitPrice: 1000, quantity: 1 },
        { unitPrice: 1000, quantity: 1 },
      ],
      freight: 0,
      coupon: { id: 'C', amountOff: 1000, thresholdFen: 0 },
    });
    expect(a.lines.map((l) => l.discount)).toEqual([333, 333, 334]);
    expect(a.lines.map((l) => l.payable)).toEqual([667, 667, 666]);
    expect(a.lines.reduce((s, l) => s + l.payable, 0)).toBe(a.payable);
  });
});

describe('computeAmounts: bad input is a bug, not a refusal', () => {
  it.each<[string, AmountInput]>([
    ['fractional price', { lines: [{ unitPrice: 10.5, quantity: 1 }], freight: 0 }],
    ['negative freight', { lines: [], freight: -1 }],
    ['fractional quantity', { lines: [{ unitPrice: 100, quantity: 1.5 }], freight: 0 }],
    ['member rate above 100 %', { lines: [], freight: 0, memberRateBp: 12000 }],
    ['negative points', { lines: [], freight: 0, points: { used: -5 } }],
    ['zero points per yuan', { lines: [], freight: 0, points: { used: 5, pointsPerYuan: 0 } }],
  ])('throws on %s', (_label, input) => {
    expect(() => computeAmounts(input)).toThrow(RangeError);
  });
});
