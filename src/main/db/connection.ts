import { openSqlite, type Db } from '../../node/sqlite/open';
import { migrate } from './migrations';

export type { Db } from '../../node/sqlite/open';

/**
 * Opens (or creates) the local store the way both SQLite users open theirs
 * (src/node/sqlite/open.ts: WAL, synchronous=FULL, foreign keys, busy timeout, a 64 MiB page
 * cache) and brings its schema up to date. Only the writer thread opens the store this way.
 */
export function openDatabase(file: string): Db {
  const db = openSqlite(file);
  migrate(db);
  return db;
}

/**
 * A second connection to a store the writer keeps (a reader thread's): it reads the last commit
 * while the writer goes on (WAL) and refuses to write (query_only), so a handler served on a
 * reader by mistake fails loudly instead of racing the writer. It never migrates: the writer did.
 */
export const openReadConnection = (file: string): Db => openSqlite(file, { readOnly: true });
