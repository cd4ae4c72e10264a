import { SHOP_CHANNELS } from '../../../shared/domain/shops';
import { PLATFORMS } from '../../../shared/domain/vocabulary';
import { oneOf } from '../sql';
import type { Migration } from './migration';

/**
 * Shops and the orders that come through them (domain.md "Channels, intake and write-back").
 *
 * - shops: one storefront on one channel, where its orders are filed (platform), whose goods it
 *   sells when a line names none (merchant), the dealer behind a dealer's shop, and where its
 *   write-backs go (webhook URL, HMAC secret).
 * - shop_sku_map: the shop's platform item / SKU ids → our SKU ('' for an item without variants).
 * - external_orders: an external order's identity (shop, platform order number) → the parent order
 *   it became, with a fingerprint of the last version received, so the same version again is
 *   "unchanged" and a later one is compared field by field; where each child line came from
 *   (line_map: the platform's line, item and SKU ids, told back when it ships); whether it is held
 *   as an exception order. The primary key is what makes an order enter once, however many times
 *   and however concurrently it is posted.
 * - orders.shop_id / external_order_no: the scope of an integration account and the desk's search.
 *   order_exits carries shop_id so an exit is judged against the same scope rules.
 */
export const migration019Shops: Migration = {
  version: 19,
  name: '019_shops',
  up(db) {
    db.exec(`
      CREATE TABLE shops (
        id             TEXT PRIMARY KEY,
        name           TEXT NOT NULL,
        channel        TEXT NOT NULL CHECK (${oneOf('channel', SHOP_CHANNELS)}),
        platform       TEXT NOT NULL CHECK (${oneOf('platform', PLATFORMS)}),
        merchant_id    TEXT NOT NULL REFERENCES merchants (id),
        dealer_id      TEXT REFERENCES dealers (id),
        webhook_url    TEXT,
        webhook_secret TEXT,
        enabled        INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
        created_at     INTEGER NOT NULL,
        updated_at     INTEGER NOT NULL
      );

      CREATE TABLE shop_sku_map (
        shop_id          TEXT NOT NULL REFERENCES shops (id),
        platform_item_id TEXT NOT NULL,
        platform_sku_id  TEXT NOT NULL,
        sku              TEXT NOT NULL REFERENCES products (sku),
        PRIMARY KEY (shop_id, platform_item_id, platform_sku_id)
      ) WITHOUT ROWID;

      CREATE TABLE external_orders (
        shop_id           TEXT NOT NULL REFERENCES shops (id),
        external_order_no TEXT NOT NULL,
        parent_no         TEXT NOT NULL UNIQUE,
        fingerprint       TEXT NOT NULL,
        version           TEXT NOT NULL,
        line_map          TEXT NOT NULL,
        held              INTEGER NOT NULL CHECK (held IN (0, 1)),
        received_at       INTEGER NOT NULL,
        updated_at        INTEGER NOT NULL,
        PRIMARY KEY (shop_id, external_order_no)
      ) WITHOUT ROWID;

      ALTER TABLE orders ADD COLUMN shop_id TEXT;
      ALTER TABLE orders ADD COLUMN external_order_no TEXT;
      CREATE INDEX orders_external_no ON orders (external_order_no) WHERE external_order_no IS NOT NULL;
      CREATE INDEX orders_shop_seq ON orders (shop_id, seq) WHERE shop_id IS NOT NULL;
      ALTER TABLE order_exits ADD COLUMN shop_id TEXT;
    `);
  },
  postgres: `
      CREATE TABLE shops (
        id             text PRIMARY KEY,
        name           text NOT NULL,
        channel        text NOT NULL CHECK (${oneOf('channel', SHOP_CHANNELS)}),
        platform       text NOT NULL CHECK (${oneOf('platform', PLATFORMS)}),
        merchant_id    text NOT NULL REFERENCES merchants (id),
        dealer_id      text REFERENCES dealers (id),
        webhook_url    text,
        webhook_secret text,
        enabled        boolean NOT NULL DEFAULT true,
        created_at     bigint NOT NULL,
        updated_at     bigint NOT NULL
      );

      CREATE TABLE shop_sku_map (
        shop_id          text NOT NULL REFERENCES shops (id),
        platform_item_id text NOT NULL,
        platform_sku_id  text NOT NULL,
        sku              text NOT NULL REFERENCES products (sku),
        PRIMARY KEY (shop_id, platform_item_id, platform_sku_id)
      );

      CREATE TABLE external_orders (
        shop_id           text NOT NULL REFERENCES shops (id),
        external_order_no text NOT NULL,
        parent_no         text COLLATE "C" NOT NULL UNIQUE,
        fingerprint       text NOT NULL,
        version           text NOT NULL,
        line_map          text NOT NULL,
        held              boolean NOT NULL,
        received_at       bigint NOT NULL,
        updated_at        bigint NOT NULL,
        PRIMARY KEY (shop_id, external_order_no)
      );

      ALTER TABLE orders ADD COLUMN shop_id text;
      ALTER TABLE orders ADD COLUMN external_order_no text;
      CREATE INDEX orders_external_no ON orders (external_order_no) WHERE external_order_no IS NOT NULL;
      CREATE INDEX orders_shop_seq ON orders (shop_id, seq) WHERE shop_id IS NOT NULL;
      ALTER TABLE order_exits ADD COLUMN shop_id text;
    `,
};
