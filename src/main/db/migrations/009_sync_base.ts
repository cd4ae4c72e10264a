import type { Migration } from './migration';

/**
 * What the sync engine needs to keep local edits visible over pulled data without losing the
 * service's truth: the last record the service sent for each order with unanswered intents (the
 * base that pending intents are re-applied on), and the service's full answer to an intent (a
 * rejection's reason, conflict and the order as the service holds it, for the exceptions inbox).
 */
export const migration009SyncBase: Migration = {
  version: 9,
  name: '009_sync_base',
  up(db) {
    db.exec(`
      CREATE TABLE sync_base (
        order_no TEXT PRIMARY KEY,
        record   TEXT NOT NULL CHECK (json_valid(record))
      ) WITHOUT ROWID;
      ALTER TABLE outbox ADD COLUMN answer TEXT CHECK (answer IS NULL OR json_valid(answer));
      ALTER TABLE outbox ADD COLUMN dismiss_reason TEXT;
    `);
  },
};
