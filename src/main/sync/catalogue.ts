import type { CatalogueItem } from '../../shared/contract/sync';
import type { Db } from '../db/connection';

export function upsertCatalogue(db: Db, items: readonly CatalogueItem[]): void {
  const statement = db.prepare(
    `INSERT OR REPLACE INTO catalogue (sku, merchant_id, name, spec, image, list_price, dealer_price, on_sale, stock, campaign_id)
     VALUES (@sku, @merchantId, @name, @spec, @image, @listPrice, @dealerPrice, @onSale, @stock, @campaignId)`,
  );
  for (const item of items) statement.run({ ...item, onSale: item.onSale ? 1 : 0 });
}
