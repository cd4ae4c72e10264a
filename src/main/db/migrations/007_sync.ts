import { OUTBOX_STATES, PENDING_OUTBOX_STATES } from '../outbox-states';
import { oneOf } from '../sql';
import type { Migration } from './migration';

/**
 * The outbox holds local intents until the order service has answered them (architecture.md
 * "Outbox"). Rows are kept after the answer: a rejected intent must stay visible in the exceptions
 * inbox, and applied ones are the device's own audit trail. order_no is not a foreign key: a
 * dealer's new order has an intent before the order exists locally, and removing an order from the
 * local store (scope change) must not lose the intents made on it.
 */
export const migration007Sync: Migration = {
  version: 7,
  name: '007_sync',
  up(db) {
    db.exec(`
      CREATE TABLE outbox (
        id                 TEXT PRIMARY KEY,
        seq                INTEGER NOT NULL UNIQUE CHECK (seq >= 1),
        type               TEXT NOT NULL,
        payload            TEXT NOT NULL CHECK (json_valid(payload)),
        client_time        INTEGER NOT NULL,
        order_no           TEXT,
        state              TEXT NOT NULL DEFAULT 'queued'
                           CHECK (${oneOf('state', OUTBOX_STATES)}),
        attempts           INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        last_error_code    TEXT,
        last_error_message TEXT,
        created_at         INTEGER NOT NULL,
        answered_at        INTEGER
      );
      -- pendingSync of a list row: only unanswered intents are indexed, so the index stays tiny.
      CREATE INDEX outbox_pending_by_order ON outbox (order_no) WHERE ${oneOf('state', PENDING_OUTBOX_STATES)};
      -- The pusher takes unanswered intents in device order; the inbox lists rejected ones.
      CREATE INDEX outbox_state_seq ON outbox (state, seq);

      -- Small facts of the sync engine: cursor, device id and code, last sync time, ...
      CREATE TABLE sync_state (
        key                TEXT PRIMARY KEY,
        value              TEXT NOT NULL
      ) WITHOUT ROWID;
    `);
  },
};
