import { join } from 'node:path';
import { openDatabase, type Db } from './db/connection';
import { privateDir, privateFile, tightenExisting } from './session/private-files';
import type { Session } from './session/session';

/**
 * One signed-in user's world: their own SQLite file under users/<user>/, so switching user can
 * never show the previous user's orders, whatever a query forgets.
 */
export interface Workspace {
  session: Session;
  db: Db;
  dir: string;
  /** The store's file, which the backend's reader threads open too. */
  file: string;
  close(): void;
}

/** Whose store is open and where, as the backend's threads tell each other. */
export interface WorkspaceRef {
  file: string;
  session: Session;
}

export const userDirOf = (dataDir: string, username: string): string =>
  join(dataDir, 'users', encodeURIComponent(username.toLowerCase()));

export function openWorkspace(dir: string, session: Session): Workspace {
  const file = join(dir, 'orders.sqlite');
  privateDir(dir);
  // SQLite gives its -wal and -shm the database file's mode, so a private file keeps them private.
  privateFile(file);
  const db = openDatabase(file);
  tightenExisting(`${file}-wal`, `${file}-shm`);
  return { session, db, dir, file, close: () => db.close() };
}
