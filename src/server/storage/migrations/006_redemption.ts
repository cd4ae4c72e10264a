import type { Migration } from './migration';

export const migration006Redemption: Migration = {
  version: 6,
  name: '006_redemption',
  up(db) {
    db.exec(`
      -- A service order's code. A code is unique among the LIVE codes of its merchant (partial
      -- unique index, which PostgreSQL has too). It stays live after its last use until the undo
      -- window has passed (live_until), so an undo can never collide with a re-issued code.
      CREATE TABLE redemption_codes (
        id          INTEGER PRIMARY KEY,
        order_no    TEXT NOT NULL UNIQUE REFERENCES orders (order_no),
        merchant_id TEXT NOT NULL,
        code        TEXT NOT NULL,
        valid_from  INTEGER NOT NULL,
        valid_to    INTEGER NOT NULL,
        uses_total  INTEGER NOT NULL CHECK (uses_total >= 1),
        uses_left   INTEGER NOT NULL CHECK (uses_left >= 0 AND uses_left <= uses_total),
        live        INTEGER NOT NULL CHECK (live IN (0, 1)),
        live_until  INTEGER NOT NULL
      );
      CREATE UNIQUE INDEX redemption_codes_live ON redemption_codes (merchant_id, code) WHERE live = 1;
      CREATE INDEX redemption_codes_code ON redemption_codes (code);
      CREATE INDEX redemption_codes_retire ON redemption_codes (live, live_until);

      -- Every use of a code, and every losing attempt (state 'rejected'): when two offline desks
      -- redeem one code, both records are kept. id is the request id or intent id that made it.
      CREATE TABLE redemptions (
        id          TEXT PRIMARY KEY,
        code_id     INTEGER NOT NULL REFERENCES redemption_codes (id),
        order_no    TEXT NOT NULL,
        store_id    TEXT NOT NULL,
        actor       TEXT NOT NULL,
        device      TEXT NOT NULL,
        redeemed_at INTEGER NOT NULL,
        recorded_at INTEGER NOT NULL,
        state       TEXT NOT NULL CHECK (state IN ('applied', 'rejected', 'undone')),
        undone_at   INTEGER,
        undone_by   TEXT
      );
      CREATE INDEX redemptions_code ON redemptions (code_id, recorded_at);
      CREATE INDEX redemptions_store_time ON redemptions (store_id, redeemed_at);

      -- Answers of online redeem calls by request id: a retried request gets the same answer.
      CREATE TABLE redeem_requests (
        request_id  TEXT PRIMARY KEY,
        user_id     TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        http_status INTEGER NOT NULL,
        body        TEXT NOT NULL,
        created_at  INTEGER NOT NULL
      );
    `);
  },
};
