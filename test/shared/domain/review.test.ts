import { describe, expect, it } from 'vitest';
import { autoApproveAt, NO_REVIEW, reviewReasons, type ReviewSubject } from '../../../src/shared/domain/review';

/** A paid parcel order from the mall: ¥182.00, a full address in Hangzhou, no remark. */
const order: ReviewSubject = {
  payable: 18200,
  remark: '',
  source: 'MALL',
  kind: 'PHYSICAL',
  receiver: { province: '浙江省', city: '杭州市', district: '西湖区', address: '文三路 90 号 5 楼' },
  firstOrder: false,
  platformFlagged: false,
};

describe('审单 rules an admin sets', () => {
  it('hold nothing until an admin turns a rule on', () => {
    expect(
      reviewReasons(
        { ...order, remark: '改地址', firstOrder: true, platformFlagged: true, source: 'DEALER' },
        NO_REVIEW,
      ),
    ).toEqual([]);
  });

  it('hold an order at or above the amount, and not one cent below', () => {
    const rules = { ...NO_REVIEW, amountAtLeast: 18200 };
    expect(reviewReasons(order, rules)).toEqual(['AMOUNT_AT_LEAST']);
    expect(reviewReasons({ ...order, payable: 18199 }, rules)).toEqual([]);
  });

  it('hold a remark, an incomplete address or a risky one, naming every reason that holds', () => {
    const rules = { ...NO_REVIEW, buyerRemark: true, addressIncomplete: true, riskWords: ['快递柜', ' '] };
    expect(reviewReasons({ ...order, remark: '  ' }, rules)).toEqual([]);
    const risky = { ...order, remark: '周末送', receiver: { ...order.receiver!, district: '', address: '小区快递柜' } };
    expect(reviewReasons(risky, rules)).toEqual(['BUYER_REMARK', 'ADDRESS_INCOMPLETE', 'ADDRESS_RISK_WORDS']);
    expect(reviewReasons({ ...order, kind: 'SERVICE', receiver: null }, rules)).toEqual([]);
  });

  it('hold a buyer’s first order, a dealer’s order and one a platform flagged, each only when its rule is on', () => {
    const rules = { ...NO_REVIEW, firstOrder: true, dealerOrders: true, platformFlagged: true };
    expect(reviewReasons({ ...order, firstOrder: true }, rules)).toEqual(['FIRST_ORDER']);
    expect(reviewReasons({ ...order, source: 'DEALER' }, rules)).toEqual(['DEALER_ORDER']);
    expect(reviewReasons({ ...order, source: 'EXTERNAL', platformFlagged: true }, rules)).toEqual(['PLATFORM_FLAGGED']);
  });

  it('approve an undecided hold by itself only when the admin set a delay', () => {
    expect(autoApproveAt(1_000, NO_REVIEW)).toBeNull();
    expect(autoApproveAt(1_000, { autoApproveMinutes: 30 })).toBe(1_000 + 30 * 60_000);
  });
});
