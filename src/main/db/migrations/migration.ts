import type Database from 'better-sqlite3';

/**
 * One schema step. `up` runs inside a transaction opened by `migrate`, so a migration that throws
 * halfway leaves the database exactly as it was. Migrations are append-only: once released, a
 * migration's SQL never changes; a later one alters what it made.
 */
export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}
