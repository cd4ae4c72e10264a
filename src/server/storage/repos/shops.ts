import { sql } from 'kysely';
import type { ShopChannel } from '../../../shared/domain/shops';
import type { Platform } from '../../../shared/domain/vocabulary';
import type { ConnectorPlatform } from '../../connectors/platform';
import type { Sql } from '../dialect';
import type { ExternalOrderRow, ExternalOrdersRepo, ShopRow, ShopsRepo, SkuMappingRow } from '../repositories';
import { flag } from './values';

const SHOP = sql`SELECT id, name, channel, platform, merchant_id AS "merchantId", dealer_id AS "dealerId",
  webhook_url AS "webhookUrl", webhook_secret AS "webhookSecret", enabled,
  (SELECT c.platform FROM shop_connectors c WHERE c.shop_id = shops.id) AS connector FROM shops`;

interface RawShop extends Omit<ShopRow, 'enabled' | 'channel' | 'platform' | 'connector'> {
  connector: string | null;
  channel: string;
  platform: string;
  enabled: unknown;
}
const toShop = (raw: RawShop): ShopRow => ({
  ...raw,
  channel: raw.channel as ShopChannel,
  platform: raw.platform as Platform,
  enabled: flag(raw.enabled),
  connector: raw.connector as ConnectorPlatform | null,
});

/** The key of a platform item/SKU pair in a mapping lookup. */
export const mappingKey = (itemId: string, skuId: string): string => `${itemId}\u0000${skuId}`;

export const shopsRepo = (db: Sql): ShopsRepo => ({
  async get(id) {
    const raw = await db.first(sql<RawShop>`${SHOP} WHERE id = ${id}`);
    return raw ? toShop(raw) : null;
  },
  async list() {
    return (await db.all(sql<RawShop>`${SHOP} ORDER BY id`)).map(toShop);
  },
  async put(row, now) {
    await db.run(
      sql`INSERT INTO shops (id, name, channel, platform, merchant_id, dealer_id, webhook_url, webhook_secret, enabled,
          created_at, updated_at)
        VALUES (${row.id}, ${row.name}, ${row.channel}, ${row.platform}, ${row.merchantId}, ${row.dealerId},
          ${row.webhookUrl}, ${row.webhookSecret}, ${row.enabled}, ${now}, ${now})
        ON CONFLICT (id) DO UPDATE SET name = excluded.name, channel = excluded.channel, platform = excluded.platform,
          merchant_id = excluded.merchant_id, dealer_id = excluded.dealer_id, webhook_url = excluded.webhook_url,
          webhook_secret = excluded.webhook_secret, enabled = excluded.enabled, updated_at = excluded.updated_at`,
    );
  },
  async mappedSkus(shopId, keys) {
    const found = new Map<string, string>();
    for (const { itemId, skuId } of keys) {
      const row = await db.first(
        sql<{ sku: string }>`SELECT sku FROM shop_sku_map
          WHERE shop_id = ${shopId} AND platform_item_id = ${itemId} AND platform_sku_id = ${skuId}`,
      );
      if (row) found.set(mappingKey(itemId, skuId), row.sku);
    }
    return found;
  },
  async mappingsOf(shopId) {
    return db.all(
      sql<SkuMappingRow>`SELECT shop_id AS "shopId", platform_item_id AS "platformItemId",
          platform_sku_id AS "platformSkuId", sku
        FROM shop_sku_map WHERE shop_id = ${shopId} ORDER BY platform_item_id, platform_sku_id`,
    );
  },
  async putMapping(row) {
    await db.run(
      sql`INSERT INTO shop_sku_map (shop_id, platform_item_id, platform_sku_id, sku)
        VALUES (${row.shopId}, ${row.platformItemId}, ${row.platformSkuId}, ${row.sku})
        ON CONFLICT (shop_id, platform_item_id, platform_sku_id) DO UPDATE SET sku = excluded.sku`,
    );
  },
  async deleteMapping(shopId, platformItemId, platformSkuId) {
    const changed = await db.run(
      sql`DELETE FROM shop_sku_map
        WHERE shop_id = ${shopId} AND platform_item_id = ${platformItemId} AND platform_sku_id = ${platformSkuId}`,
    );
    return changed > 0;
  },
});

const EXTERNAL = sql`SELECT shop_id AS "shopId", external_order_no AS "externalOrderNo", parent_no AS "parentNo",
  fingerprint, version, line_map AS "lineMap", held, received_at AS "receivedAt", updated_at AS "updatedAt"
  FROM external_orders`;

type RawExternal = Omit<ExternalOrderRow, 'held'> & { held: unknown };
const toExternal = (raw: RawExternal | undefined): ExternalOrderRow | null =>
  raw ? { ...raw, held: flag(raw.held) } : null;

export const externalOrdersRepo = (db: Sql): ExternalOrdersRepo => {
  // The identity row is read to change it: on PostgreSQL it stays locked until the unit ends, so a
  // later version posted to another node waits and then sees this one's result.
  const forUpdate = db.dialect === 'postgres' ? sql`FOR UPDATE` : sql``;
  return {
    async claim(shopId, externalOrderNo) {
      // SQLite runs one unit at a time: nothing to wait for. PostgreSQL: a transaction-scoped
      // advisory lock on a 64-bit hash of the identity (the shop's length first, so no two
      // identities spell the same key text).
      if (db.dialect !== 'postgres') return;
      const key = `intake:${shopId.length}:${shopId}:${externalOrderNo}`;
      await db.run(sql`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
    },
    async get(shopId, externalOrderNo) {
      return toExternal(
        await db.first(
          sql<RawExternal>`${EXTERNAL} WHERE shop_id = ${shopId} AND external_order_no = ${externalOrderNo} ${forUpdate}`,
        ),
      );
    },
    async byParent(parentNo) {
      return toExternal(await db.first(sql<RawExternal>`${EXTERNAL} WHERE parent_no = ${parentNo} ${forUpdate}`));
    },
    async insert(row) {
      await db.run(
        sql`INSERT INTO external_orders (shop_id, external_order_no, parent_no, fingerprint, version, line_map, held,
            received_at, updated_at)
          VALUES (${row.shopId}, ${row.externalOrderNo}, ${row.parentNo}, ${row.fingerprint}, ${row.version},
            ${row.lineMap}, ${row.held}, ${row.receivedAt}, ${row.updatedAt})`,
      );
    },
    async update(row) {
      await db.run(
        sql`UPDATE external_orders SET fingerprint = ${row.fingerprint}, version = ${row.version},
            line_map = ${row.lineMap}, held = ${row.held}, updated_at = ${row.updatedAt}
          WHERE shop_id = ${row.shopId} AND external_order_no = ${row.externalOrderNo}`,
      );
    },
    async held(shopId, afterParentNo, limit) {
      const ofShop = shopId === null ? sql`` : sql`AND shop_id = ${shopId}`;
      const rows = await db.all(
        sql<{ parentNo: string }>`SELECT parent_no AS "parentNo" FROM external_orders
          WHERE held = ${true} ${ofShop} AND parent_no > ${afterParentNo} ORDER BY parent_no LIMIT ${limit}`,
      );
      return rows.map((r) => r.parentNo);
    },
  };
};
