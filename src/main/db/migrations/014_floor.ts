import type { Migration } from './migration';

/**
 * The warehouse floor on this desk: item barcodes and warehouse policies as last synced (扫描验货
 * works offline), and the scans made so far for each order, so closing an order half-verified, or
 * restarting the app, loses no scan.
 */
export const migration014Floor: Migration = {
  version: 14,
  name: '014_floor',
  up(db) {
    db.exec(`
      CREATE TABLE item_codes (
        sku        TEXT PRIMARY KEY,
        barcode    TEXT,
        name       TEXT NOT NULL,
        spec       TEXT NOT NULL
      ) WITHOUT ROWID;
      -- A scanned EAN-13 finds its item at once.
      CREATE INDEX item_codes_barcode ON item_codes (barcode) WHERE barcode IS NOT NULL;

      CREATE TABLE warehouse_policies (
        id                   TEXT PRIMARY KEY,
        name                 TEXT NOT NULL,
        require_verification INTEGER NOT NULL CHECK (require_verification IN (0, 1))
      ) WITHOUT ROWID;

      -- Units scanned per line of an order not yet shipped; a shipment takes its units off.
      CREATE TABLE verification_progress (
        order_no   TEXT NOT NULL,
        line_no    INTEGER NOT NULL CHECK (line_no >= 1),
        verified   INTEGER NOT NULL CHECK (verified >= 0),
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (order_no, line_no)
      ) WITHOUT ROWID;
    `);
  },
};
