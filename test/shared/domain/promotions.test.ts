import { describe, it, expect } from 'vitest';
import { resolvePromotions } from '../../../src/shared/domain/promotions';

const campaign = { eligible: true, thresholdFen: 10000, rateBp: 9000 };
const coupon = { id: 'C1', amountOff: 500, thresholdFen: 3000 };

describe('resolvePromotions: campaign and coupon never stack', () => {
  it('applies a campaign whose condition is met and closes the coupon list', () => {
    const r = resolvePromotions({ orderAmount: 10000, campaign });
    expect(r.campaign).toEqual({ applies: true, reason: null });
    expect(r.coupon).toEqual({ applies: false, reason: 'NO_COUPON' });
    expect(r.couponsAvailable).toBe(false);
    expect(r.couponsUnavailableReason).toBe('CAMPAIGN_APPLIES');
  });

  it('opens the coupon list when the campaign condition is not met', () => {
    const r = resolvePromotions({ orderAmount: 9999, campaign });
    expect(r.campaign).toEqual({ applies: false, reason: 'CAMPAIGN_THRESHOLD_NOT_MET' });
    expect(r.couponsAvailable).toBe(true);
  });

  it('uses the chosen coupon when the campaign condition is not met', () => {
    const r = resolvePromotions({ orderAmount: 5000, campaign, coupon });
    expect(r.coupon).toEqual({ applies: true, reason: null });
    expect(r.campaign).toEqual({ applies: false, reason: 'COUPON_CHOSEN' });
  });

  it('keeps a coupon chosen while the campaign was not met, and drops the campaign once the order meets it', () => {
    const r = resolvePromotions({ orderAmount: 20000, campaign, coupon, couponChosenFirst: true });
    expect(r.coupon.applies).toBe(true);
    expect(r.campaign).toEqual({ applies: false, reason: 'COUPON_CHOSEN' });
    expect(r.couponsAvailable).toBe(true);
  });

  it('refuses a coupon chosen on an order that meets the campaign, with the reason', () => {
    const r = resolvePromotions({ orderAmount: 20000, campaign, coupon });
    expect(r.coupon).toEqual({ applies: false, reason: 'CAMPAIGN_APPLIES' });
    expect(r.campaign).toEqual({ applies: true, reason: null });
    expect(r.couponsAvailable).toBe(false);
    expect(r.couponsUnavailableReason).toBe('CAMPAIGN_APPLIES');
  });

  it('closes the coupons when any campaign the goods are in is met, chosen or not', () => {
    const r = resolvePromotions({ orderAmount: 20000, coupon, goodsCampaigns: [campaign] });
    expect(r.coupon).toEqual({ applies: false, reason: 'CAMPAIGN_APPLIES' });
    expect(r.campaign.reason).toBe('NO_CAMPAIGN');
    const unmet = resolvePromotions({ orderAmount: 5000, coupon, goodsCampaigns: [campaign] });
    expect(unmet.coupon.applies).toBe(true);
  });

  it('does not apply a chosen coupon below its own threshold', () => {
    const r = resolvePromotions({ orderAmount: 2999, coupon });
    expect(r.coupon).toEqual({ applies: false, reason: 'COUPON_THRESHOLD_NOT_MET' });
    expect(r.couponsAvailable).toBe(true);
  });

  it('applies a coupon exactly at its threshold', () => {
    expect(resolvePromotions({ orderAmount: 3000, coupon }).coupon.applies).toBe(true);
  });

  it('ignores a campaign the goods are not in, so coupons stay available', () => {
    const r = resolvePromotions({ orderAmount: 50000, campaign: { ...campaign, eligible: false } });
    expect(r.campaign).toEqual({ applies: false, reason: 'NOT_IN_CAMPAIGN' });
    expect(r.couponsAvailable).toBe(true);
  });

  it('says there is no campaign when there is none', () => {
    const r = resolvePromotions({ orderAmount: 100, campaign: null, coupon: null });
    expect(r.campaign.reason).toBe('NO_CAMPAIGN');
    expect(r.coupon.reason).toBe('NO_COUPON');
    expect(resolvePromotions({ orderAmount: 5000, coupon }).campaign.reason).toBe('NO_CAMPAIGN');
  });
});
