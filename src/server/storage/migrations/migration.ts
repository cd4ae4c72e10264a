import type { Migration as SqliteMigration } from '../../../node/sqlite/migrate';

/**
 * One schema step, for both engines. `up` runs SQLite's DDL, `postgres` is the same step for
 * PostgreSQL (run as one script); each runs inside the transaction that also records it in
 * schema_migrations, so a migration that throws halfway leaves the database as it was.
 * Append-only: a released migration never changes; a later one alters what it made.
 *
 * Both build the same tables and columns (a test holds them equal at every version); the types fit
 * each engine: SQLite's INTEGER and 0/1 flags, PostgreSQL's bigint for money and epoch
 * milliseconds, boolean flags, jsonb for JSON records, identity columns, COLLATE "C" where text is
 * compared by range (order numbers), like SQLite's byte order.
 */
export interface Migration extends SqliteMigration {
  postgres: string;
}
