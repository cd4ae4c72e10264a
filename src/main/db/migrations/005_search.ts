import { SEARCH_COLUMNS } from '../search-columns';
import type { Migration } from './migration';

const COLUMNS = SEARCH_COLUMNS.join(', ');
const values = (row: 'new') => SEARCH_COLUMNS.map((c) => `${row}.${c}`).join(', ');

/**
 * Free text over order no., receiver name, phone and tracking numbers. The trigram tokenizer
 * turns every 3-character window into a token, so any fragment of 3+ characters (a phone's last
 * digits, the middle of a tracking number, a 3-character name) is an index lookup, not a scan.
 *
 * Contentless (content=''): the text already lives in the order row's list columns, so the FTS
 * table keeps only its index and answers rowids (= order ids). contentless_delete lets a row be
 * removed by rowid alone; an external-content table would need the exact old text, and a delete
 * with text that was never indexed corrupts it.
 *
 * Updates and deletes of orders are mirrored by triggers, so a local edit (a tracking number
 * typed at the desk) can never leave the index stale. Inserts are NOT: an FTS5 table flushes its
 * pending index at every statement savepoint, and a trigger runs inside each INSERT's savepoint,
 * which makes a row-by-row insert about ten times slower than indexing a whole batch with one
 * INSERT ... SELECT. So new orders enter the index in bulk, through upsertOrders (ingest.ts),
 * which is the one way orders are created in the local store.
 */
export const migration005Search: Migration = {
  version: 5,
  name: '005_search',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE orders_fts USING fts5(
        ${COLUMNS},
        content = '', contentless_delete = 1, tokenize = 'trigram'
      );

      CREATE TRIGGER orders_fts_delete AFTER DELETE ON orders BEGIN
        DELETE FROM orders_fts WHERE rowid = old.id;
      END;

      -- Re-ingesting an unchanged order must not churn the index, hence the WHEN.
      CREATE TRIGGER orders_fts_update AFTER UPDATE OF ${COLUMNS} ON orders
      WHEN old.order_no IS NOT new.order_no
        OR old.receiver_name IS NOT new.receiver_name
        OR old.receiver_phone IS NOT new.receiver_phone
        OR old.tracking_nos IS NOT new.tracking_nos
      BEGIN
        DELETE FROM orders_fts WHERE rowid = old.id;
        INSERT INTO orders_fts (rowid, ${COLUMNS}) VALUES (new.id, ${values('new')});
      END;

      -- Orders stored before this migration.
      INSERT INTO orders_fts (rowid, ${COLUMNS}) SELECT id, ${COLUMNS} FROM orders;
    `);
  },
};
