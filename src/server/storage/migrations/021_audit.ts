import type { Migration } from './migration';

/**
 * Every change an admin makes to the company (users, places, shops, catalogue, stock, replayed
 * dead letters), from the admin API or the command line: who, when, what. Written in the same
 * transaction as the change, so the log and the company never disagree. No password ever
 * appears in `detail`.
 */
export const migration021Audit: Migration = {
  version: 21,
  name: '021_audit',
  up(db) {
    db.exec(`
      CREATE TABLE audit_log (
        id     INTEGER PRIMARY KEY,
        at     INTEGER NOT NULL,
        actor  TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT NOT NULL,
        detail TEXT NOT NULL
      );
      CREATE INDEX audit_target ON audit_log (target, id);
    `);
  },
  postgres: `
      CREATE TABLE audit_log (
        id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at     bigint NOT NULL,
        actor  text NOT NULL,
        action text NOT NULL,
        target text NOT NULL,
        detail text NOT NULL
      );
      CREATE INDEX audit_target ON audit_log (target, id);
    `,
};
