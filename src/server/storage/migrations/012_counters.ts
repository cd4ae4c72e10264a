import type { Migration } from './migration';

/**
 * Counters that hand out numbers once: device codes, the service's own order numbers per day.
 * Taking one is a single upsert on its row, so two nodes (or two requests) asking at the same
 * moment wait for each other on that row and get different numbers, where reading the highest
 * number in use and adding one would give both the same.
 */
export const migration012Counters: Migration = {
  version: 12,
  name: '012_counters',
  up(db) {
    db.exec(`
      CREATE TABLE counters (
        name  TEXT PRIMARY KEY,
        value INTEGER NOT NULL CHECK (value >= 0)
      );
    `);
  },
  postgres: `
      CREATE TABLE counters (
        name  text PRIMARY KEY,
        value bigint NOT NULL CHECK (value >= 0)
      );
    `,
};
