import type { Statement } from 'better-sqlite3';
import type { Db } from './connection';

const statements = new WeakMap<Db, Statement>();

/**
 * A token that changes whenever the store's contents may have changed: a commit made through
 * another connection (PRAGMA data_version, which SQLite bumps for exactly that) or a row changed
 * through this one (total_changes()). Results remembered from the store (the list's anchors) are
 * valid only for the version they were read at, whichever thread or connection wrote since, so
 * no event has to reach them to say "forget".
 */
export function dataVersion(db: Db): string {
  let statement = statements.get(db);
  if (!statement) {
    statement = db.prepare("SELECT (SELECT data_version FROM pragma_data_version) || ':' || total_changes()").pluck();
    statements.set(db, statement);
  }
  return statement.get() as string;
}
