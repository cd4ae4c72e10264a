import { openSqlite, type Db } from '../../node/sqlite/open';
import { migrate } from './migrations';

export type { Db } from '../../node/sqlite/open';

/**
 * Opens (or creates) the service's SQLite database the way both SQLite users open theirs
 * (src/node/sqlite/open.ts) and brings its schema up to date. synchronous=FULL matters here: an
 * answered intent or redemption must survive a power cut, or a client that was told "applied"
 * could see it undone; the store commits queued units together (group commit, sqlite/store.ts),
 * so the fsyncs stay few under load.
 */
export function openDatabase(file: string): Db {
  const db = openSqlite(file);
  migrate(db);
  return db;
}
