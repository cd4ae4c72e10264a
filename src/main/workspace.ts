import { join } from 'node:path';
import { openDatabase, type Db } from './db/connection';
import type { Session } from './session/session';

/**
 * One signed-in user's world: their own SQLite file under users/<user>/, so switching user can
 * never show the previous user's orders, whatever a query forgets.
 */
export interface Workspace {
  session: Session;
  db: Db;
  dir: string;
  close(): void;
}

export const userDirOf = (dataDir: string, username: string): string =>
  join(dataDir, 'users', encodeURIComponent(username.toLowerCase()));

export function openWorkspace(dir: string, session: Session): Workspace {
  const db = openDatabase(join(dir, 'orders.sqlite'));
  return { session, db, dir, close: () => db.close() };
}
