import type { Migration } from './migration';

/**
 * The order list's saved views (filters, columns, sort) of the user this store belongs to. At
 * most one is the default, which the list opens with: a partial unique index says so, so two
 * defaults cannot exist even if two windows save at once.
 */
export const migration012SavedViews: Migration = {
  version: 12,
  name: '012_saved_views',
  up(db) {
    db.exec(`
      CREATE TABLE saved_views (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL UNIQUE,
        settings   TEXT NOT NULL CHECK (json_valid(settings)),
        is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
        saved_at   INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE UNIQUE INDEX saved_views_one_default ON saved_views (is_default) WHERE is_default = 1;
    `);
  },
};
