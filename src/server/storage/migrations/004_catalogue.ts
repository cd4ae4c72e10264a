import { ORDER_KINDS } from '../../../shared/domain/vocabulary';
import { oneOf } from '../sql';
import type { Migration } from './migration';

export const migration004Catalogue: Migration = {
  version: 4,
  name: '004_catalogue',
  up(db) {
    db.exec(`
      CREATE TABLE campaigns (
        id            TEXT PRIMARY KEY,
        name          TEXT NOT NULL,
        threshold_fen INTEGER NOT NULL CHECK (threshold_fen >= 0),
        rate_bp       INTEGER CHECK (rate_bp IS NULL OR rate_bp BETWEEN 0 AND 10000),
        amount_off    INTEGER CHECK (amount_off IS NULL OR amount_off >= 0)
      );

      -- A coupon a dealer may apply; dealer_id NULL: any dealer.
      CREATE TABLE coupons (
        id            TEXT PRIMARY KEY,
        name          TEXT NOT NULL,
        amount_off    INTEGER NOT NULL CHECK (amount_off >= 0),
        threshold_fen INTEGER NOT NULL CHECK (threshold_fen >= 0),
        dealer_id     TEXT REFERENCES dealers (id)
      );

      -- One row per SKU (a product in one spec). seq moves whenever anything a dealer's catalogue
      -- shows changes (price, on-sale, stock), so dealers pull the item again.
      CREATE TABLE products (
        sku         TEXT PRIMARY KEY,
        merchant_id TEXT NOT NULL REFERENCES merchants (id),
        name        TEXT NOT NULL,
        spec        TEXT NOT NULL,
        image       TEXT NOT NULL,
        kind        TEXT NOT NULL CHECK (${oneOf('kind', ORDER_KINDS)}),
        list_price  INTEGER NOT NULL CHECK (list_price >= 0),
        uses        INTEGER NOT NULL CHECK (uses >= 1),
        on_sale     INTEGER NOT NULL CHECK (on_sale IN (0, 1)),
        campaign_id TEXT REFERENCES campaigns (id),
        seq         INTEGER NOT NULL UNIQUE
      );

      CREATE TABLE dealer_prices (
        dealer_id TEXT NOT NULL REFERENCES dealers (id),
        sku       TEXT NOT NULL REFERENCES products (sku),
        price     INTEGER NOT NULL CHECK (price >= 0),
        PRIMARY KEY (dealer_id, sku)
      );

      -- Physical goods only: virtual and service goods are not counted.
      CREATE TABLE stock (
        sku          TEXT NOT NULL REFERENCES products (sku),
        warehouse_id TEXT NOT NULL REFERENCES warehouses (id),
        on_hand      INTEGER NOT NULL CHECK (on_hand >= 0),
        reserved     INTEGER NOT NULL CHECK (reserved >= 0),
        PRIMARY KEY (sku, warehouse_id),
        CHECK (reserved <= on_hand)
      );
    `);
  },
  postgres: `
      CREATE TABLE campaigns (
        id            text PRIMARY KEY,
        name          text NOT NULL,
        threshold_fen bigint NOT NULL CHECK (threshold_fen >= 0),
        rate_bp       integer CHECK (rate_bp IS NULL OR rate_bp BETWEEN 0 AND 10000),
        amount_off    bigint CHECK (amount_off IS NULL OR amount_off >= 0)
      );
      CREATE TABLE coupons (
        id            text PRIMARY KEY,
        name          text NOT NULL,
        amount_off    bigint NOT NULL CHECK (amount_off >= 0),
        threshold_fen bigint NOT NULL CHECK (threshold_fen >= 0),
        dealer_id     text REFERENCES dealers (id)
      );
      CREATE TABLE products (
        sku         text PRIMARY KEY,
        merchant_id text NOT NULL REFERENCES merchants (id),
        name        text NOT NULL,
        spec        text NOT NULL,
        image       text NOT NULL,
        kind        text NOT NULL CHECK (${oneOf('kind', ORDER_KINDS)}),
        list_price  bigint NOT NULL CHECK (list_price >= 0),
        uses        integer NOT NULL CHECK (uses >= 1),
        on_sale     boolean NOT NULL,
        campaign_id text REFERENCES campaigns (id),
        seq         bigint NOT NULL UNIQUE
      );
      CREATE TABLE dealer_prices (
        dealer_id text NOT NULL REFERENCES dealers (id),
        sku       text NOT NULL REFERENCES products (sku),
        price     bigint NOT NULL CHECK (price >= 0),
        PRIMARY KEY (dealer_id, sku)
      );
      CREATE TABLE stock (
        sku          text NOT NULL REFERENCES products (sku),
        warehouse_id text NOT NULL REFERENCES warehouses (id),
        on_hand      integer NOT NULL CHECK (on_hand >= 0),
        reserved     integer NOT NULL CHECK (reserved >= 0),
        PRIMARY KEY (sku, warehouse_id),
        CHECK (reserved <= on_hand)
      );
    `,
};
