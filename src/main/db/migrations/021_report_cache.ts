import type { Migration } from './migration';

/**
 * Reports are computed by the service; the desk keeps the last answer for each range it asked, so a
 * supervisor can read them offline (marked with when they were fetched).
 */
export const migration021ReportCache: Migration = {
  version: 21,
  name: '021_report_cache',
  up(db) {
    db.exec(`
      CREATE TABLE report_cache (
        query      TEXT PRIMARY KEY,
        fetched_at INTEGER NOT NULL,
        body       TEXT NOT NULL CHECK (json_valid(body))
      ) WITHOUT ROWID;
    `);
  },
};
