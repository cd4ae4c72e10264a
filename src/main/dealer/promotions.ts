import type { DealerPromotions } from '../../shared/contract/api';
import type { CampaignTerms, CouponTerms } from '../../shared/intents/dealer-pricing';
import type { Db } from '../db/connection';

const COUPONS = `SELECT id, name, amount_off AS amountOff, threshold_fen AS thresholdFen, dealer_id AS dealerId
  FROM promotion_coupons`;
const CAMPAIGNS = `SELECT id, name, threshold_fen AS thresholdFen, rate_bp AS rateBp, amount_off AS amountOff
  FROM promotion_campaigns`;

/**
 * The coupons and campaigns the service offers, as last synced, so a draft is priced offline as the
 * service will price it. Another dealer's coupon (a user serving several dealers) stays out.
 */
export function knownPromotions(db: Db, dealerIds: readonly string[]): DealerPromotions {
  const coupons = db.prepare(`${COUPONS} ORDER BY threshold_fen, id`).all() as CouponTerms[];
  return {
    coupons: coupons.filter((c) => c.dealerId === null || dealerIds.includes(c.dealerId)),
    campaigns: db.prepare(`${CAMPAIGNS} ORDER BY id`).all() as CampaignTerms[],
  };
}

export function couponById(db: Db, dealerIds: readonly string[], id: string | null): CouponTerms | null {
  if (id === null) return null;
  const coupon = db.prepare(`${COUPONS} WHERE id = ?`).get(id) as CouponTerms | undefined;
  return coupon && (coupon.dealerId === null || dealerIds.includes(coupon.dealerId)) ? coupon : null;
}

export const campaignById = (db: Db, id: string | null): CampaignTerms | null =>
  id === null ? null : ((db.prepare(`${CAMPAIGNS} WHERE id = ?`).get(id) as CampaignTerms | undefined) ?? null);
