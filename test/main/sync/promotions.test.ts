import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { knownPromotions } from '../../../src/main/dealer/promotions';
import { migrate } from '../../../src/main/db/migrations';
import { upsertPromotions } from '../../../src/main/sync/promotions';
import type { Change } from '../../../src/shared/contract/sync';

const coupon = (amountOff: number, seq: number): Change => ({
  type: 'coupon',
  seq,
  coupon: { id: 'DCP-500-50', name: '经销商满500减50', amountOff, thresholdFen: 50_000, dealerId: null },
});

describe('promotion terms pulled to a dealer’s desk', () => {
  it('keeps the latest terms of each coupon and campaign, and only the coupons this dealer may use', () => {
    const db = new Database(':memory:');
    migrate(db);
    upsertPromotions(db, [
      coupon(5_000, 11),
      {
        type: 'coupon',
        seq: 12,
        coupon: {
          id: 'DCP-DL02-2000-150',
          name: '杭州恒达专享满2000减150',
          amountOff: 15_000,
          thresholdFen: 200_000,
          dealerId: 'DL-02',
        },
      },
      {
        type: 'campaign',
        seq: 13,
        campaign: { id: 'DC-NEW50', name: '新品尝鲜 5折', thresholdFen: 0, rateBp: 5000, amountOff: null },
      },
    ]);
    // A later page: the service raised the coupon's value.
    upsertPromotions(db, [coupon(6_000, 40)]);
    expect(knownPromotions(db, ['DL-01'])).toEqual({
      coupons: [{ id: 'DCP-500-50', name: '经销商满500减50', amountOff: 6_000, thresholdFen: 50_000, dealerId: null }],
      campaigns: [{ id: 'DC-NEW50', name: '新品尝鲜 5折', thresholdFen: 0, rateBp: 5000, amountOff: null }],
    });
    expect(knownPromotions(db, ['DL-02']).coupons.map((c) => c.id)).toEqual(['DCP-500-50', 'DCP-DL02-2000-150']);
  });
});
