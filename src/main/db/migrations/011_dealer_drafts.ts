import type { Migration } from './migration';

/** A dealer's unfinished orders, kept on the device across restarts until submitted or deleted. */
export const migration011DealerDrafts: Migration = {
  version: 11,
  name: '011_dealer_drafts',
  up(db) {
    db.exec(`
      CREATE TABLE dealer_drafts (
        id        TEXT PRIMARY KEY,
        draft     TEXT NOT NULL CHECK (json_valid(draft)),
        order_no  TEXT,
        saved_at  INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX dealer_drafts_saved ON dealer_drafts (saved_at);
    `);
  },
};
