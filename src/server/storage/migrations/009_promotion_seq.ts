import type { Migration } from './migration';

/**
 * Coupons and campaigns become synced data: each takes a server sequence value whenever it is
 * created or its terms change, so a dealer's desk pulls the terms it prices with. Terms that exist
 * already get fresh values after the current sequence, so desks that synced before pull them too.
 */
export const migration009PromotionSeq: Migration = {
  version: 9,
  name: '009_promotion_seq',
  up(db) {
    db.exec(`
      ALTER TABLE campaigns ADD COLUMN seq INTEGER;
      ALTER TABLE coupons ADD COLUMN seq INTEGER;
      UPDATE campaigns SET seq = (SELECT value FROM sync_sequence)
        + (SELECT COUNT(*) FROM campaigns c WHERE c.id <= campaigns.id);
      UPDATE coupons SET seq = (SELECT value FROM sync_sequence) + (SELECT COUNT(*) FROM campaigns)
        + (SELECT COUNT(*) FROM coupons c WHERE c.id <= coupons.id);
      UPDATE sync_sequence SET value = value + (SELECT COUNT(*) FROM campaigns) + (SELECT COUNT(*) FROM coupons);
      CREATE UNIQUE INDEX campaigns_seq ON campaigns (seq);
      CREATE UNIQUE INDEX coupons_seq ON coupons (seq);
    `);
  },
  postgres: `
      ALTER TABLE campaigns ADD COLUMN seq bigint;
      ALTER TABLE coupons ADD COLUMN seq bigint;
      UPDATE campaigns SET seq = numbered.seq
        FROM (SELECT id, nextval('change_seq') AS seq FROM (SELECT id FROM campaigns ORDER BY id) c) numbered
        WHERE campaigns.id = numbered.id;
      UPDATE coupons SET seq = numbered.seq
        FROM (SELECT id, nextval('change_seq') AS seq FROM (SELECT id FROM coupons ORDER BY id) c) numbered
        WHERE coupons.id = numbered.id;
      CREATE UNIQUE INDEX campaigns_seq ON campaigns (seq);
      CREATE UNIQUE INDEX coupons_seq ON coupons (seq);
    `,
};
