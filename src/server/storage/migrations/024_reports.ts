import type { Migration } from './migration';

/**
 * Reports are SQL aggregates over the caller's scope. What the order rows do not say is kept in
 * ledgers: each shipment with the desk user who made it (orders shipped per user per hour), beside
 * the refunds ledger that already has the money. Ranges of payment, shipment, refund and redemption
 * time are read through their own indexes.
 */
export const migration024Reports: Migration = {
  version: 24,
  name: '024_reports',
  up(db) {
    db.exec(`
      CREATE TABLE shipments (
        order_no     TEXT NOT NULL,
        actor        TEXT NOT NULL,
        warehouse_id TEXT,
        parcels      INTEGER NOT NULL CHECK (parcels > 0),
        shipped_at   INTEGER NOT NULL
      );
      CREATE INDEX shipments_time ON shipments (shipped_at);
      CREATE INDEX refunds_time ON refunds (refunded_at);
      CREATE INDEX orders_paid ON orders (paid_at) WHERE paid_at IS NOT NULL;
      CREATE INDEX orders_shipped ON orders (shipped_at) WHERE shipped_at IS NOT NULL;
      CREATE INDEX redemptions_time ON redemptions (redeemed_at);
    `);
  },
  postgres: `
      CREATE TABLE shipments (
        order_no     text COLLATE "C" NOT NULL,
        actor        text NOT NULL,
        warehouse_id text,
        parcels      bigint NOT NULL CHECK (parcels > 0),
        shipped_at   bigint NOT NULL
      );
      CREATE INDEX shipments_time ON shipments (shipped_at);
      CREATE INDEX refunds_time ON refunds (refunded_at);
      CREATE INDEX orders_paid ON orders (paid_at) WHERE paid_at IS NOT NULL;
      CREATE INDEX orders_shipped ON orders (shipped_at) WHERE shipped_at IS NOT NULL;
      CREATE INDEX redemptions_time ON redemptions (redeemed_at);
    `,
};
