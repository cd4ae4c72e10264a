import type { Migration } from './migration';

const COLUMNS = 'order_no, receiver_name, receiver_phone, tracking_nos';
const values = (row: 'new' | 'old') => COLUMNS.split(', ').map((c) => `${row}.${c}`).join(', ');

/**
 * Free text over order no., receiver name, phone and tracking numbers. The trigram tokenizer
 * turns every 3-character window into a token, so any fragment of 3+ characters (a phone's last
 * digits, the middle of a tracking number, a 3-character name) is an index lookup, not a scan.
 *
 * External content: the text already lives in the order row's list columns, so the FTS table
 * keeps only its index. Triggers keep it in step with every write to orders (sync upserts and
 * local edits alike), so no caller can forget to. columnsize=0: we never rank, so no need to
 * store column sizes.
 */
export const migration005Search: Migration = {
  version: 5,
  name: '005_search',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE orders_fts USING fts5(
        ${COLUMNS},
        content = 'orders', content_rowid = 'id', tokenize = 'trigram', columnsize = 0
      );

      CREATE TRIGGER orders_fts_insert AFTER INSERT ON orders BEGIN
        INSERT INTO orders_fts (rowid, ${COLUMNS}) VALUES (new.id, ${values('new')});
      END;

      CREATE TRIGGER orders_fts_delete AFTER DELETE ON orders BEGIN
        INSERT INTO orders_fts (orders_fts, rowid, ${COLUMNS}) VALUES ('delete', old.id, ${values('old')});
      END;

      -- Re-ingesting an unchanged order must not churn the index, hence the WHEN.
      CREATE TRIGGER orders_fts_update AFTER UPDATE OF ${COLUMNS} ON orders
      WHEN old.order_no IS NOT new.order_no
        OR old.receiver_name IS NOT new.receiver_name
        OR old.receiver_phone IS NOT new.receiver_phone
        OR old.tracking_nos IS NOT new.tracking_nos
      BEGIN
        INSERT INTO orders_fts (orders_fts, rowid, ${COLUMNS}) VALUES ('delete', old.id, ${values('old')});
        INSERT INTO orders_fts (rowid, ${COLUMNS}) VALUES (new.id, ${values('new')});
      END;

      -- Orders stored before this migration.
      INSERT INTO orders_fts (orders_fts) VALUES ('rebuild');
    `);
  },
};
