import type { Migration } from './migration';

export const migration004Redemption: Migration = {
  version: 4,
  name: '004_redemption',
  up(db) {
    db.exec(`
      -- The code of a paid service order, as the order service issued it; one per order at most.
      CREATE TABLE redemption_codes (
        order_id          INTEGER PRIMARY KEY REFERENCES orders (id) ON DELETE CASCADE,
        code              TEXT NOT NULL,
        valid_from        INTEGER NOT NULL,
        valid_to          INTEGER NOT NULL,
        uses_total        INTEGER NOT NULL CHECK (uses_total >= 1),
        uses_left         INTEGER NOT NULL CHECK (uses_left >= 0)
      );
      -- The counter looks a code up as the customer reads it out.
      CREATE INDEX redemption_codes_code ON redemption_codes (code);

      -- Redemptions made at this device's counter, provisional until the server answers. They are
      -- the clerk's own record (shift report, conflict display), so re-ingesting the order from a
      -- pull must not erase them: ingest never touches this table; removing the order does.
      CREATE TABLE redemptions (
        id                INTEGER PRIMARY KEY,
        order_id          INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
        code              TEXT NOT NULL,
        store_id          TEXT NOT NULL,
        clerk             TEXT NOT NULL,
        device            TEXT NOT NULL,
        redeemed_at       INTEGER NOT NULL,
        uses              INTEGER NOT NULL DEFAULT 1 CHECK (uses >= 1),
        state             TEXT NOT NULL DEFAULT 'provisional'
                          CHECK (state IN ('provisional', 'confirmed', 'rejected')),
        intent_id         TEXT
      );
      CREATE INDEX redemptions_order ON redemptions (order_id);
      CREATE INDEX redemptions_store_time ON redemptions (store_id, redeemed_at);
    `);
  },
};
