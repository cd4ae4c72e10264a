import Database from 'better-sqlite3';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { LATEST_VERSION } from './migrations';

/** A refusal a person can act on (a wrong file, an occupied folder): the CLI prints it as it is. */
export class BackupError extends Error {
  override name = 'BackupError';
}

/** What the backup commands write: orders-YYYYMMDD-HHMMSS[-n].sqlite (SQLite) or .dump (pg_dump). */
const NAME = /^orders-\d{8}-\d{6}(-\d+)?\.(sqlite|dump)$/;
/** Pages copied per step: about 1 MiB, a millisecond or two, then the event loop runs again. */
const PAGES_PER_STEP = 256;

export const stamp = (ms: number): string =>
  new Date(ms).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

/**
 * An online backup of the service's SQLite file, taken with SQLite's backup API through a
 * connection of its own: the service keeps serving (WAL readers never block its writer), and the
 * copy is one consistent moment. It is written beside its final name and renamed when complete, so
 * a crash never leaves a half backup that looks whole; then only the newest `keep` are kept.
 */
export async function takeBackup(
  dbFile: string,
  dir: string,
  { keep, now = Date.now() }: { keep: number; now?: number },
): Promise<string> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = backupPath(dir, now, 'sqlite');
  const partial = `${path}.partial`;
  const source = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    await source.backup(partial, { progress: () => PAGES_PER_STEP });
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    source.close();
  }
  // A backup is one self-contained file: in WAL mode (the service's) every later reader, the
  // restore's check included, would leave -wal and -shm files beside it that pruning never removes.
  const copy = new Database(partial);
  copy.pragma('journal_mode = DELETE');
  copy.close();
  chmodSync(partial, 0o600);
  renameSync(partial, path);
  pruneBackups(dir, keep);
  return path;
}

/** A name for a backup taken at `now` that no backup in `dir` has yet. */
export function backupPath(dir: string, now: number, extension: 'sqlite' | 'dump'): string {
  let path = join(dir, `orders-${stamp(now)}.${extension}`);
  for (let n = 2; existsSync(path); n++) path = join(dir, `orders-${stamp(now)}-${n}.${extension}`);
  return path;
}

/** Keeps the newest `keep` backups of a folder (names sort by time); nothing else there is touched. */
export function pruneBackups(dir: string, keep: number): void {
  const backups = readdirSync(dir)
    .filter((name) => NAME.test(name))
    .sort();
  for (const old of backups.slice(0, Math.max(0, backups.length - keep))) rmSync(join(dir, old), { force: true });
}

/** A backup of this service that this build can open: intact, with orders, not from a newer schema. */
function checkBackup(file: string): void {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new BackupError(`${file} is not a backup that can be restored: ${String(integrity)}`);
    const version = db.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get() as number | null;
    db.prepare('SELECT 1 FROM orders LIMIT 1').get();
    if (version === null || version > LATEST_VERSION) {
      throw new BackupError(`${file} has schema version ${version}; this service reads up to ${LATEST_VERSION}`);
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${file} is not a backup of this order service (${(error as Error).message})`);
  } finally {
    db?.close();
  }
}

/**
 * Puts a backup in place as the service's database, with the service stopped. The backup is checked
 * first; a database already there is kept beside it (`orders.sqlite.replaced-<time>`, its WAL folded
 * in first) and replaced only when asked (`force`); the new file is moved in whole.
 */
export function restoreBackup(
  from: string,
  dataDir: string,
  { force, now = Date.now() }: { force: boolean; now?: number },
) {
  if (!existsSync(from)) throw new BackupError(`No backup at ${from}`);
  checkBackup(from);
  const target = join(dataDir, 'orders.sqlite');
  const occupied = existsSync(target);
  if (occupied && !force) {
    throw new BackupError(`${dataDir} already holds a database: stop the service, then restore with --force`);
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const incoming = `${target}.restoring`;
  copyFileSync(from, incoming);
  chmodSync(incoming, 0o600);
  let replaced: string | null = null;
  if (occupied) {
    const old = new Database(target);
    old.pragma('wal_checkpoint(TRUNCATE)');
    old.close();
    replaced = `${target}.replaced-${stamp(now)}`;
    renameSync(target, replaced);
  }
  for (const leftover of [`${target}-wal`, `${target}-shm`]) rmSync(leftover, { force: true });
  renameSync(incoming, target);
  return { target, replaced };
}
