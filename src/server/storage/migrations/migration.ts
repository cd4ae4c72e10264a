import type Database from 'better-sqlite3';

/**
 * One schema step. `up` runs inside the transaction that also records it in schema_migrations, so
 * a migration that throws halfway leaves the database as it was. Append-only: a released
 * migration never changes; a later one alters what it made.
 *
 * The DDL is SQLite's; the PostgreSQL store will carry its own migrations with the same tables and
 * columns (INTEGER PRIMARY KEY becomes an identity column, 0/1 flags become booleans).
 */
export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}
