import Database from 'better-sqlite3';
import { migrate } from './migrations';

export type Db = Database.Database;

/**
 * Opens (or creates) the local store and brings its schema up to date.
 *
 * - WAL: readers never block the single writer, and a commit is one sequential append.
 * - synchronous=FULL: an outbox commit must survive a power cut (the intent would otherwise be
 *   lost after the user saw it accepted). Bulk writes batch thousands of rows per transaction so
 *   the fsyncs stay few.
 * - foreign_keys: child rows go with their order (ON DELETE CASCADE).
 * - busy_timeout: a second connection (a worker, a backup) waits instead of failing at once.
 * - a 64 MiB page cache (the default is 2 MiB) keeps the hot parts of the list indexes in memory.
 */
export function openDatabase(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
  migrate(db);
  return db;
}

/**
 * A second connection to a store the writer keeps (a reader thread's): it reads the last commit
 * while the writer goes on (WAL) and refuses to write (query_only), so a handler served on a
 * reader by mistake fails loudly instead of racing the writer. It never migrates: the writer did.
 */
export function openReadConnection(file: string): Db {
  const db = new Database(file, { fileMustExist: true });
  db.pragma('query_only = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
  return db;
}
