import Database from 'better-sqlite3';
import { migrate } from './migrations';

export type Db = Database.Database;

/**
 * Opens (or creates) the service's database and brings its schema up to date.
 *
 * - WAL: a commit is one sequential append, and readers never block the writer.
 * - synchronous=FULL: an answered intent or redemption must survive a power cut, or a client
 *   that was told "applied" could see it undone. The store commits queued units together
 *   (group commit, sqlite-store.ts), so the fsyncs stay few under load.
 * - foreign_keys, busy_timeout, a 64 MiB page cache for a million orders' indexes.
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
