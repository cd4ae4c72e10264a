import type { Change } from '../../shared/contract/sync';
import type { Db } from '../db/connection';

type PromotionChange = Extract<Change, { type: 'coupon' | 'campaign' }>;

/** Stores the coupon and campaign terms of a pulled page, newer terms replacing older ones. */
export function upsertPromotions(db: Db, changes: readonly Change[]): void {
  const terms = changes.filter((c): c is PromotionChange => c.type === 'coupon' || c.type === 'campaign');
  if (terms.length === 0) return;
  const coupon = db.prepare(
    `INSERT OR REPLACE INTO promotion_coupons (id, name, amount_off, threshold_fen, dealer_id)
     VALUES (@id, @name, @amountOff, @thresholdFen, @dealerId)`,
  );
  const campaign = db.prepare(
    `INSERT OR REPLACE INTO promotion_campaigns (id, name, threshold_fen, rate_bp, amount_off)
     VALUES (@id, @name, @thresholdFen, @rateBp, @amountOff)`,
  );
  for (const change of terms) {
    if (change.type === 'coupon') coupon.run(change.coupon);
    else campaign.run(change.campaign);
  }
}
