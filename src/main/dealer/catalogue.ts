import type { CatalogueItem } from '../../shared/contract/sync';
import type { Db } from '../db/connection';

const COLUMNS = `sku, merchant_id AS merchantId, name, spec, image, list_price AS listPrice, dealer_price AS dealerPrice,
  on_sale AS onSale, stock, campaign_id AS campaignId`;

type Row = Omit<CatalogueItem, 'onSale'> & { onSale: number };
const itemOf = (row: Row): CatalogueItem => ({ ...row, onSale: row.onSale === 1 });

/** The synced catalogue, searched by name or SKU (items on sale first). */
export function searchCatalogue(db: Db, text: string | undefined, limit: number): CatalogueItem[] {
  const needle = `%${(text ?? '').replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = db
    .prepare(
      `SELECT ${COLUMNS} FROM catalogue WHERE name LIKE ? ESCAPE '\\' OR sku LIKE ? ESCAPE '\\'
       ORDER BY on_sale DESC, sku LIMIT ?`,
    )
    .all(needle, needle, limit) as Row[];
  return rows.map(itemOf);
}

/** Looks SKUs up in the synced catalogue. */
export function catalogueLookup(db: Db): (sku: string) => CatalogueItem | undefined {
  const statement = db.prepare(`SELECT ${COLUMNS} FROM catalogue WHERE sku = ?`);
  const cache = new Map<string, CatalogueItem | undefined>();
  return (sku) => {
    if (!cache.has(sku)) {
      const row = statement.get(sku) as Row | undefined;
      cache.set(sku, row && itemOf(row));
    }
    return cache.get(sku);
  };
}
