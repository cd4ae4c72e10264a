import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { arch, platform, release } from 'node:os';
import { join } from 'node:path';
import { strToU8, zip, type Zippable } from 'fflate';
import type { SyncStatus } from '../../shared/contract/api';
import type { Db } from '../db/connection';
import { LATEST_VERSION } from '../db/migrations';
import { EXPORT_RETENTION_MS } from '../orders/export';
import { privateDir } from '../session/private-files';
import { readSyncState } from '../sync/sync-state';
import { LOG_NAMES } from './desk-log';
import { scrub } from './scrub';

export interface DiagnosticsSources {
  logsDir: string;
  /** Where the bundle goes (a 0700 folder of the desk's data). */
  outDir: string;
  /** app, electron, chrome, node… as the running process reports them. */
  versions: Record<string, string>;
  /** Electron's crash dumps folder: their names and sizes go in, never their contents. */
  crashDumpsDir: string | null;
  /** The signed-in desk's store and sync status; null before sign-in. */
  desk: { db: Db; role: string; status: SyncStatus } | null;
  now: number;
}

const json = (value: unknown) => strToU8(JSON.stringify(value, null, 2));

/** What the sync engine knows, without an order, a name or a code in it. */
function syncFacts(desk: NonNullable<DiagnosticsSources['desk']>) {
  const { db, role, status } = desk;
  const outbox = db
    .prepare('SELECT state, type, COUNT(*) AS n FROM outbox GROUP BY state, type ORDER BY state, type')
    .all() as Array<{ state: string; type: string; n: number }>;
  return {
    role,
    online: status.online,
    queued: status.queued,
    exceptions: status.exceptions,
    lastSyncAt: status.lastSyncAt === null ? null : new Date(status.lastSyncAt).toISOString(),
    lastError: status.lastError ? scrub(JSON.stringify(status.lastError)) : null,
    deviceCode: readSyncState(db, 'deviceCode'),
    hasCursor: readSyncState(db, 'cursor') !== null,
    orders: (db.prepare('SELECT COUNT(*) FROM orders').pluck().get() as number) ?? 0,
    outbox,
  };
}

function crashDumps(dir: string | null) {
  if (!dir || !existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => ({ name, stat: statSync(join(dir, name)) }))
    .filter(({ stat }) => stat.isFile())
    .map(({ name, stat }) => ({ file: name, bytes: stat.size, at: stat.mtime.toISOString() }));
}

/**
 * 导出诊断信息: one zip for support with the desk's logs (scrubbed once more), versions, the sync
 * engine's state and the crash dumps' names. Never the database, the account, the seal key or a
 * token: only what is listed here goes in.
 */
export async function exportDiagnostics(
  sources: DiagnosticsSources,
): Promise<{ exportId: string; path: string; fileName: string }> {
  const files: Zippable = {};
  for (const name of LOG_NAMES) {
    for (const file of [`${name}.log`, `${name}.old.log`]) {
      const path = join(sources.logsDir, file);
      if (existsSync(path)) files[`logs/${file}`] = strToU8(scrub(readFileSync(path, 'utf8')));
    }
  }
  files['versions.json'] = json({
    ...sources.versions,
    platform: platform(),
    arch: arch(),
    osRelease: release(),
    deskSchema: LATEST_VERSION,
  });
  files['sync.json'] = json(sources.desk ? syncFacts(sources.desk) : { signedIn: false });
  files['crashes.json'] = json(crashDumps(sources.crashDumpsDir));
  const bytes = await new Promise<Uint8Array>((resolve, reject) =>
    zip(files, { level: 6 }, (error, data) => (error ? reject(error) : resolve(data))),
  );
  pruneDiagnostics(sources.outDir, sources.now);
  const exportId = randomUUID();
  const fileName = `diagnostics-${new Date(sources.now).toISOString().replace(/[-:]/g, '').slice(0, 15)}.zip`;
  // A folder per export, so the file keeps the name a person downloads and sends.
  privateDir(join(sources.outDir, exportId));
  const path = join(sources.outDir, exportId, fileName);
  writeFileSync(path, bytes, { mode: 0o600 });
  return { exportId, path, fileName };
}

/** Earlier exports go after the exports' retention: they hold logs, which are not kept forever either. */
function pruneDiagnostics(dir: string, now: number): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).mtimeMs < now - EXPORT_RETENTION_MS) rmSync(path, { recursive: true, force: true });
  }
}
