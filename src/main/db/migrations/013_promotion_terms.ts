import type { Migration } from './migration';

/**
 * The coupons and campaigns the service offers this dealer, as last synced, so a draft is priced
 * offline exactly as the service's intake will price it.
 */
export const migration013PromotionTerms: Migration = {
  version: 13,
  name: '013_promotion_terms',
  up(db) {
    db.exec(`
      -- dealer_id NULL: any dealer may use the coupon.
      CREATE TABLE promotion_coupons (
        id            TEXT PRIMARY KEY,
        name          TEXT NOT NULL,
        amount_off    INTEGER NOT NULL CHECK (amount_off >= 0),
        threshold_fen INTEGER NOT NULL CHECK (threshold_fen >= 0),
        dealer_id     TEXT
      ) WITHOUT ROWID;

      CREATE TABLE promotion_campaigns (
        id            TEXT PRIMARY KEY,
        name          TEXT NOT NULL,
        threshold_fen INTEGER NOT NULL CHECK (threshold_fen >= 0),
        rate_bp       INTEGER CHECK (rate_bp IS NULL OR rate_bp BETWEEN 0 AND 10000),
        amount_off    INTEGER CHECK (amount_off IS NULL OR amount_off >= 0)
      ) WITHOUT ROWID;
    `);
  },
};
