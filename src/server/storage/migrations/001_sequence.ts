import type { Migration } from './migration';

/**
 * The server sequence: every change a client can pull (an order, an order leaving a scope, a
 * catalogue item) takes the next value inside the transaction that makes the change, so a pull
 * cursor is a position in commit order, never a wall-clock time. One counter row: under
 * PostgreSQL, `UPDATE ... RETURNING` on it also serialises writers, which keeps commit order equal
 * to sequence order there too.
 */
export const migration001Sequence: Migration = {
  version: 1,
  name: '001_sequence',
  up(db) {
    db.exec(`
      CREATE TABLE sync_sequence (
        id    INTEGER PRIMARY KEY CHECK (id = 1),
        value INTEGER NOT NULL CHECK (value >= 0)
      );
      INSERT INTO sync_sequence (id, value) VALUES (1, 0);

      -- Small facts about this database (e.g. that the demo company has been seeded).
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `);
  },
};
