import type { Migration } from './migration';

/**
 * This desk's block of 电子面单 numbers, reserved from the service's pools so labels print offline.
 * A number is FREE until a label takes it for one order (USED) or the label is spoiled (VOID: never
 * taken again; `void_sent` once the service has it on its void list). A reservation asked for but
 * not yet answered keeps its id, so asking again after a lost answer gets the same block.
 */
export const migration015LabelBlock: Migration = {
  version: 15,
  name: '015_label_block',
  up(db) {
    db.exec(`
      CREATE TABLE label_block (
        tracking_no   TEXT PRIMARY KEY,
        carrier       TEXT NOT NULL,
        warehouse_id  TEXT NOT NULL,
        position      INTEGER NOT NULL,
        state         TEXT NOT NULL CHECK (state IN ('FREE', 'USED', 'VOID')),
        order_no      TEXT,
        taken_at      INTEGER,
        void_reason   TEXT,
        void_sent     INTEGER NOT NULL DEFAULT 0 CHECK (void_sent IN (0, 1))
      ) WITHOUT ROWID;
      CREATE INDEX label_block_next ON label_block (carrier, warehouse_id, state, position);
      CREATE INDEX label_block_order ON label_block (order_no) WHERE order_no IS NOT NULL;

      CREATE TABLE label_requests (
        carrier       TEXT NOT NULL,
        warehouse_id  TEXT NOT NULL,
        reservation   TEXT NOT NULL,
        PRIMARY KEY (carrier, warehouse_id)
      ) WITHOUT ROWID;
    `);
  },
};
