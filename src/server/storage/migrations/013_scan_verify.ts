import type { Migration } from './migration';

/**
 * 扫描验货: a physical item's EAN-13 (each barcode names one SKU), and each warehouse's policy on
 * whether a parcel may leave before every unit in it was scanned. Warehouse desks pull both by a
 * sequence of their own (code_seq moves only when what a scanner needs changes: barcode, name,
 * spec; never with stock), taken after the current one, so desks that synced before this
 * migration pull every barcode and policy once.
 */
export const migration013ScanVerify: Migration = {
  version: 13,
  name: '013_scan_verify',
  up(db) {
    db.exec(`
      ALTER TABLE products ADD COLUMN barcode TEXT;
      CREATE UNIQUE INDEX products_barcode ON products (barcode) WHERE barcode IS NOT NULL;

      ALTER TABLE warehouses ADD COLUMN require_verification INTEGER NOT NULL DEFAULT 0
        CHECK (require_verification IN (0, 1));
      ALTER TABLE warehouses ADD COLUMN seq INTEGER;

      ALTER TABLE products ADD COLUMN code_seq INTEGER;
      UPDATE products SET code_seq = seq + (SELECT value FROM sync_sequence);
      UPDATE sync_sequence SET value = MAX(value, COALESCE((SELECT MAX(code_seq) FROM products), 0));
      CREATE UNIQUE INDEX products_code_seq ON products (code_seq);
      UPDATE warehouses SET seq = (SELECT value FROM sync_sequence)
        + (SELECT COUNT(*) FROM warehouses w WHERE w.id <= warehouses.id);
      UPDATE sync_sequence SET value = value + (SELECT COUNT(*) FROM warehouses);
      CREATE UNIQUE INDEX warehouses_seq ON warehouses (seq);
    `);
  },
  postgres: `
      ALTER TABLE products ADD COLUMN barcode text;
      CREATE UNIQUE INDEX products_barcode ON products (barcode) WHERE barcode IS NOT NULL;
      ALTER TABLE warehouses ADD COLUMN require_verification boolean NOT NULL DEFAULT false;
      ALTER TABLE warehouses ADD COLUMN seq bigint;
      ALTER TABLE products ADD COLUMN code_seq bigint;
      UPDATE products SET code_seq = numbered.seq
        FROM (SELECT sku, nextval('change_seq') AS seq FROM (SELECT sku FROM products ORDER BY seq) p) numbered
        WHERE products.sku = numbered.sku;
      CREATE UNIQUE INDEX products_code_seq ON products (code_seq);
      UPDATE warehouses SET seq = numbered.seq
        FROM (SELECT id, nextval('change_seq') AS seq FROM (SELECT id FROM warehouses ORDER BY id) w) numbered
        WHERE warehouses.id = numbered.id;
      CREATE UNIQUE INDEX warehouses_seq ON warehouses (seq);
    `,
};
