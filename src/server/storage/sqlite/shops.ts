import type { ShopChannel } from '../../../shared/domain/shops';
import type { Platform } from '../../../shared/domain/vocabulary';
import type { ExternalOrderRow, ExternalOrdersRepo, ShopRow, ShopsRepo, SkuMappingRow } from '../repositories';
import { bool } from '../sql';
import { flag, type Prepare } from './statements';

const SHOP = `SELECT id, name, channel, platform, merchant_id AS "merchantId", dealer_id AS "dealerId",
  webhook_url AS "webhookUrl", webhook_secret AS "webhookSecret", enabled FROM shops`;

interface RawShop extends Omit<ShopRow, 'enabled' | 'channel' | 'platform'> {
  channel: string;
  platform: string;
  enabled: number;
}
const toShop = (raw: RawShop): ShopRow => ({
  ...raw,
  channel: raw.channel as ShopChannel,
  platform: raw.platform as Platform,
  enabled: flag(raw.enabled),
});

/** The key of a platform item/SKU pair in a mapping lookup. */
export const mappingKey = (itemId: string, skuId: string): string => `${itemId}\u0000${skuId}`;

export const shopsRepo = (sql: Prepare): ShopsRepo => ({
  async get(id) {
    const raw = sql(`${SHOP} WHERE id = ?`).get(id) as RawShop | undefined;
    return raw ? toShop(raw) : null;
  },
  async list() {
    return (sql(`${SHOP} ORDER BY id`).all() as RawShop[]).map(toShop);
  },
  async put(row, now) {
    sql(
      `INSERT INTO shops (id, name, channel, platform, merchant_id, dealer_id, webhook_url, webhook_secret, enabled,
         created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, channel = excluded.channel, platform = excluded.platform,
         merchant_id = excluded.merchant_id, dealer_id = excluded.dealer_id, webhook_url = excluded.webhook_url,
         webhook_secret = excluded.webhook_secret, enabled = excluded.enabled, updated_at = excluded.updated_at`,
    ).run(
      row.id,
      row.name,
      row.channel,
      row.platform,
      row.merchantId,
      row.dealerId,
      row.webhookUrl,
      row.webhookSecret,
      bool(row.enabled),
      now,
      now,
    );
  },
  async mappedSkus(shopId, keys) {
    const found = new Map<string, string>();
    for (const { itemId, skuId } of keys) {
      const row = sql(
        'SELECT sku FROM shop_sku_map WHERE shop_id = ? AND platform_item_id = ? AND platform_sku_id = ?',
      ).get(shopId, itemId, skuId) as { sku: string } | undefined;
      if (row) found.set(mappingKey(itemId, skuId), row.sku);
    }
    return found;
  },
  async mappingsOf(shopId) {
    return sql(
      `SELECT shop_id AS "shopId", platform_item_id AS "platformItemId", platform_sku_id AS "platformSkuId", sku
       FROM shop_sku_map WHERE shop_id = ? ORDER BY platform_item_id, platform_sku_id`,
    ).all(shopId) as SkuMappingRow[];
  },
  async putMapping(row) {
    sql(
      `INSERT INTO shop_sku_map (shop_id, platform_item_id, platform_sku_id, sku) VALUES (?, ?, ?, ?)
       ON CONFLICT (shop_id, platform_item_id, platform_sku_id) DO UPDATE SET sku = excluded.sku`,
    ).run(row.shopId, row.platformItemId, row.platformSkuId, row.sku);
  },
  async deleteMapping(shopId, platformItemId, platformSkuId) {
    return (
      sql('DELETE FROM shop_sku_map WHERE shop_id = ? AND platform_item_id = ? AND platform_sku_id = ?').run(
        shopId,
        platformItemId,
        platformSkuId,
      ).changes > 0
    );
  },
});

const EXTERNAL = `SELECT shop_id AS "shopId", external_order_no AS "externalOrderNo", parent_no AS "parentNo",
  fingerprint, version, line_map AS "lineMap", held, received_at AS "receivedAt", updated_at AS "updatedAt"
  FROM external_orders`;

const toExternal = (raw: (Omit<ExternalOrderRow, 'held'> & { held: number }) | undefined): ExternalOrderRow | null =>
  raw ? { ...raw, held: flag(raw.held) } : null;

export const externalOrdersRepo = (sql: Prepare): ExternalOrdersRepo => ({
  async get(shopId, externalOrderNo) {
    return (
      (sql(`${EXTERNAL} WHERE shop_id = ? AND external_order_no = ?`).get(shopId, externalOrderNo) as
        ExternalOrderRow | undefined) ?? null
    );
  },
  async byParent(parentNo) {
    return toExternal(sql(`${EXTERNAL} WHERE parent_no = ?`).get(parentNo) as never);
  },
  async insert(row) {
    sql(
      `INSERT INTO external_orders (shop_id, external_order_no, parent_no, fingerprint, version, line_map, held,
         received_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      row.shopId,
      row.externalOrderNo,
      row.parentNo,
      row.fingerprint,
      row.version,
      row.lineMap,
      bool(row.held),
      row.receivedAt,
      row.updatedAt,
    );
  },
  async update(row) {
    sql(
      `UPDATE external_orders SET fingerprint = ?, version = ?, line_map = ?, held = ?, updated_at = ?
       WHERE shop_id = ? AND external_order_no = ?`,
    ).run(row.fingerprint, row.version, row.lineMap, bool(row.held), row.updatedAt, row.shopId, row.externalOrderNo);
  },
  async held(shopId, afterParentNo, limit) {
    const rows = sql(
      `SELECT parent_no AS "parentNo" FROM external_orders
       WHERE held = 1 AND (? IS NULL OR shop_id = ?) AND parent_no > ? ORDER BY parent_no LIMIT ?`,
    ).all(shopId, shopId, afterParentNo, limit) as Array<{ parentNo: string }>;
    return rows.map((r) => r.parentNo);
  },
});
