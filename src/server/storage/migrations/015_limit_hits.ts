import type { Migration } from './migration';

/**
 * Wrong redemption codes, per clerk and per store, kept in the store rather than in each process:
 * every node behind a balancer counts the same guesses, and a restart forgives nothing. A key's
 * hits older than its window are deleted as new ones arrive.
 */
export const migration015LimitHits: Migration = {
  version: 15,
  name: '015_limit_hits',
  up(db) {
    db.exec(`
      CREATE TABLE limit_hits (
        bucket TEXT NOT NULL,
        key    TEXT NOT NULL,
        at     INTEGER NOT NULL
      );
      CREATE INDEX limit_hits_key ON limit_hits (bucket, key, at);
    `);
  },
  postgres: `
      CREATE TABLE limit_hits (
        bucket text NOT NULL,
        key    text NOT NULL,
        at     bigint NOT NULL
      );
      CREATE INDEX limit_hits_key ON limit_hits (bucket, key, at);
    `,
};
