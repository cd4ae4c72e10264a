import type { Migration } from './migration';

/** The dealer's catalogue and prices as last synced, so an order can be entered offline. */
export const migration010Catalogue: Migration = {
  version: 10,
  name: '010_catalogue',
  up(db) {
    db.exec(`
      CREATE TABLE catalogue (
        sku          TEXT PRIMARY KEY,
        merchant_id  TEXT NOT NULL,
        name         TEXT NOT NULL,
        spec         TEXT NOT NULL,
        image        TEXT NOT NULL,
        list_price   INTEGER NOT NULL CHECK (list_price >= 0),
        dealer_price INTEGER NOT NULL CHECK (dealer_price >= 0),
        on_sale      INTEGER NOT NULL CHECK (on_sale IN (0, 1)),
        stock        INTEGER NOT NULL,
        campaign_id  TEXT
      ) WITHOUT ROWID;
      CREATE INDEX catalogue_name ON catalogue (name);
    `);
  },
};
