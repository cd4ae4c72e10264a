import type { ItemCode, WarehousePolicy } from '../../shared/contract/sync';
import type { Db } from '../db/connection';

/** Item barcodes and warehouse policies arrive with the pull, in the page's transaction. */
export function upsertFloorData(db: Db, items: readonly ItemCode[], warehouses: readonly WarehousePolicy[]): void {
  if (items.length) {
    const put = db.prepare(
      'INSERT OR REPLACE INTO item_codes (sku, barcode, name, spec) VALUES (@sku, @barcode, @name, @spec)',
    );
    for (const item of items) put.run(item);
  }
  if (warehouses.length) {
    const put = db.prepare(
      'INSERT OR REPLACE INTO warehouse_policies (id, name, require_verification) VALUES (?, ?, ?)',
    );
    for (const w of warehouses) put.run(w.id, w.name, w.requireVerification ? 1 : 0);
  }
}

/** The item a scanned code names: its EAN-13, or its SKU code as printed on a shelf label. */
export function itemByCode(db: Db, code: string): ItemCode | null {
  const row = db
    .prepare('SELECT sku, barcode, name, spec FROM item_codes WHERE barcode = ? OR sku = ? LIMIT 1')
    .get(code, code.toUpperCase()) as ItemCode | undefined;
  return row ?? null;
}

export function barcodesOf(db: Db, skus: readonly string[]): Map<string, string> {
  const rows = db
    .prepare(
      'SELECT sku, barcode FROM item_codes WHERE sku IN (SELECT value FROM json_each(?)) AND barcode IS NOT NULL',
    )
    .all(JSON.stringify(skus)) as Array<{ sku: string; barcode: string }>;
  return new Map(rows.map((r) => [r.sku, r.barcode]));
}

/** A warehouse this desk has no policy for yet ships without verification, as the service's default does. */
export function requiresVerification(db: Db, warehouseId: string | null): boolean {
  if (warehouseId === null) return false;
  const row = db.prepare('SELECT require_verification AS r FROM warehouse_policies WHERE id = ?').get(warehouseId) as
    { r: number } | undefined;
  return row?.r === 1;
}
