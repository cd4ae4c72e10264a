import type { Db } from './connection';
import { outboxOf } from './outbox';
import { SEARCH_COLUMNS } from './search-columns';

/** What a bulk load took away from the store, to put back when it ends (kept in sync_state). */
interface Taken {
  indexes: string[];
  triggers: string[];
}

const KEY = 'bulkLoad';
/** Tables whose secondary indexes a bulk load builds once at its end instead of row by row. */
const TABLES = ['orders', 'waybills', 'after_sales', 'redemption_codes'];
/**
 * Partial indexes of the few orders that need a person (an open exception, a lock, a merge, a
 * parcel sent back, a review pending) stay through the load: an order that is none of these costs
 * them only the test of their WHERE, while building one at the end scans the whole orders table
 * like any other index (docs/performance.md: 2–8 ms each per 25,000 orders, ~0.3 s at a million).
 * Indexes of orders that may be most of a store (a shop's, a dealer's, external numbers) are not here.
 */
const KEPT = [
  'orders_exception_created',
  'orders_locked_created',
  'orders_merge',
  'orders_tracking_troubled',
  'orders_review_pending',
];
/** Kept by triggers row by row, computed once at the end of a bulk load instead. */
const COUNT_TRIGGERS = ['order_status_counts_insert', 'order_status_counts_update', 'order_status_counts_delete'];

const read = (db: Db): Taken | null => {
  const row = db.prepare('SELECT value FROM sync_state WHERE key = ?').pluck().get(KEY) as string | undefined;
  return row === undefined ? null : (JSON.parse(row) as Taken);
};

/** A bulk load was begun and has not ended (a first sync that stopped halfway): it goes on in bulk. */
export const inBulkLoad = (db: Db): boolean => read(db) !== null;

/**
 * An empty store's first sync loads every order once. Each secondary index would take a random
 * insert per order (most of an order's cost), so they are dropped for the load and built at its
 * end, where CREATE INDEX sorts once and packs its pages; new orders enter the free-text index in
 * one pass at the end too. The drop and its record commit together, so a load killed halfway
 * resumes in bulk and still ends by building what it dropped. Indexes that find an order's own
 * rows (`… (order_id)`) stay: an order changed again during the load replaces its rows by them.
 * Unique indexes stay too: they are constraints, and ingest looks orders up by number; so do the
 * partial indexes of orders that need a person (KEPT). The running
 * status counts (migration 008) are counted once at the end as well.
 */
export function beginBulkLoad(db: Db): void {
  db.transaction(() => {
    if (read(db)) return;
    const indexes = db
      .prepare(
        `SELECT m.name, m.sql FROM sqlite_master m
         WHERE m.type = 'index' AND m.sql IS NOT NULL AND m.tbl_name IN (${TABLES.map(() => '?').join(', ')})
           AND NOT EXISTS (SELECT 1 FROM pragma_index_list(m.tbl_name) l WHERE l.name = m.name AND l."unique")
           AND (SELECT name FROM pragma_index_info(m.name) WHERE seqno = 0) IS NOT 'order_id'
           AND m.name NOT IN (${KEPT.map(() => '?').join(', ')})`,
      )
      .all(...TABLES, ...KEPT) as Array<{ name: string; sql: string }>;
    const triggers = db
      .prepare(
        `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (${COUNT_TRIGGERS.map(() => '?').join(', ')})`,
      )
      .all(...COUNT_TRIGGERS) as Array<{ name: string; sql: string }>;
    for (const index of indexes) db.exec(`DROP INDEX ${index.name}`);
    for (const trigger of triggers) db.exec(`DROP TRIGGER ${trigger.name}`);
    const taken: Taken = { indexes: indexes.map((i) => i.sql), triggers: triggers.map((t) => t.sql) };
    db.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?)').run(KEY, JSON.stringify(taken));
  })();
}

/** Builds what beginBulkLoad took away, and indexes every order for free text, in one transaction. */
export function finishBulkLoad(db: Db): void {
  db.transaction(() => {
    const taken = read(db);
    if (!taken) return;
    for (const sql of taken.indexes) db.exec(sql);
    db.exec(`DELETE FROM order_status_counts;
      INSERT INTO order_status_counts (warehouse_id, store_id, dealer_id, kind, status, n)
      SELECT coalesce(warehouse_id, ''), coalesce(store_id, ''), coalesce(dealer_id, ''), kind, status, count(*)
      FROM orders GROUP BY 1, 2, 3, 4, 5`);
    for (const sql of taken.triggers) db.exec(sql);
    // Orders that entered outside the load (a local edit during it) may already be indexed: start clean.
    db.exec(`INSERT INTO orders_fts (orders_fts) VALUES ('delete-all')`);
    db.exec(
      `INSERT INTO orders_fts (rowid, ${SEARCH_COLUMNS.join(', ')}) SELECT id, ${SEARCH_COLUMNS.join(', ')} FROM orders`,
    );
    db.prepare('DELETE FROM sync_state WHERE key = ?').run(KEY);
  })();
}

/**
 * Connection settings while bulk pages are written:
 * - CHECK constraints are not evaluated: every record passed the wire schema, which states the same
 *   rules (a few microseconds per order saved);
 * - foreign keys are not checked: ingest gives every row its id itself and points child rows only
 *   at rows it wrote in the same transaction, so each check (a lookup in the parent's table per
 *   child row, five per order) could only pass. It was a third of a page's writing time
 *   (docs/performance.md). What ingest needs of ON DELETE CASCADE it does without it (ingest
 *   deletes an after-sale's lines itself), and a page that removes orders turns the keys back on
 *   for its transaction (apply-pull.ts), so their rows still go with them;
 * - the WAL is not checkpointed after each big commit (a checkpoint copies every page written so
 *   far back into the database and syncs both files; finishing the load checkpoints once).
 * Commits stay atomic, and a page lost to a power cut goes with its cursor, so it is pulled again.
 * PRAGMA foreign_keys is a no-op inside a transaction: this runs between pages.
 */
export function bulkWriting(db: Db, on: boolean): void {
  db.pragma(`ignore_check_constraints = ${on ? 'ON' : 'OFF'}`);
  db.pragma(`foreign_keys = ${on ? 'OFF' : 'ON'}`);
  db.pragma(`wal_autocheckpoint = ${on ? 0 : 1000}`);
}

/** The WAL a bulk load grew, copied into the database once and emptied. */
export function checkpointAfterBulkLoad(db: Db): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}

/** An empty store that has never synced: its first sync may load in bulk. */
export function isEmptyStore(db: Db): boolean {
  return db.prepare('SELECT NOT EXISTS (SELECT 1 FROM orders)').pluck().get() === 1 && outboxOf(db).isEmpty();
}

export const countOrders = (db: Db): number => db.prepare('SELECT count(*) FROM orders').pluck().get() as number;
