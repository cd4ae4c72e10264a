import Database from 'better-sqlite3';

export type Db = Database.Database;

export interface OpenOptions {
  /** Page cache in MiB (SQLite's default is 2). */
  cacheMb?: number;
  /** A second connection to a file another one writes: it reads, and refuses to write. */
  readOnly?: boolean;
}

/**
 * Opens an SQLite file the way both of this repository's stores want it (the desk's local store,
 * the order service's database), so the two never drift apart:
 *
 * - WAL: a commit is one sequential append, and readers never block the writer (the desk's reader
 *   threads, the service's reads during a write).
 * - synchronous=FULL: what a user was told is done (an outbox commit at the desk, an answered
 *   intent at the service) survives a power cut; bulk writers lower it for what can be fetched
 *   again (pulled pages) and raise it back.
 * - foreign_keys, busy_timeout (a second connection waits instead of failing), temp_store=MEMORY.
 * - a 64 MiB page cache by default: the hot parts of a million orders' indexes.
 *
 * A read-only connection (query_only) leaves the journal mode to the writer that owns the file.
 */
export function openSqlite(file: string, { cacheMb = 64, readOnly = false }: OpenOptions = {}): Db {
  const db = new Database(file, readOnly ? { fileMustExist: true } : {});
  if (readOnly) db.pragma('query_only = ON');
  else {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
  }
  db.pragma('busy_timeout = 5000');
  db.pragma(`cache_size = -${cacheMb * 1024}`);
  db.pragma('temp_store = MEMORY');
  return db;
}
