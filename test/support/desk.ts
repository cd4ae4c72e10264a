import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SessionInfo, SyncStatus } from '../../src/shared/contract/api';
import type { Result } from '../../src/shared/contract/result';
import { startDeskBackend, type DeskBackend } from '../../src/main/backend/host';
import type { DeskBackendOptions } from '../../src/main/backend/options';
import type { Db } from '../../src/main/db/connection';
import { MemoryVault } from '../../src/main/session/token-vault';
import { userDirOf } from '../../src/main/workspace';
import { DEMO_PASSWORD, type TestService } from './service';

export interface TestDesk {
  /** The desk's backend as its transports see it: its threads own the store and the sync engine. */
  app: DeskBackend;
  dir: string;
  deviceId: string;
  call(procedure: string, input?: unknown): Promise<Result<unknown>>;
  signIn(username: string, password?: string): Promise<SessionInfo>;
  /** One full sync round (sync.now), as the engine would run it on its own. */
  sync(): Promise<SyncStatus>;
  /** The sync engine's status now (sync.status). */
  status(): Promise<SyncStatus>;
  /**
   * The signed-in user's store as the test reads it: a read-only connection of the test's own
   * (the desk's threads hold theirs), seeing every commit the desk made.
   */
  db(): Db;
  /** Writes a fixture the service would never send straight into the store, beside the desk's writer. */
  tamper(sql: string, ...params: unknown[]): void;
  /** Where the signed-in user's store and exports live. */
  userDir(): string;
  orderCount(): number;
  close(): Promise<void>;
  /** Closes and deletes the desk's data. */
  dispose(): Promise<void>;
}

let devices = 0;

/**
 * A desk as a user has it: the real backend on its worker threads with its own data folder (real
 * SQLite files), talking to a real order service on loopback. Sync runs only when the test says so.
 */
export function openTestDesk(
  service: Pick<TestService, 'url' | 'clock'>,
  {
    dir = mkdtempSync(join(tmpdir(), 'order-desk-')),
    serviceUrl,
    deviceId,
    clockOffsetMs = 0,
    pageSize,
    requestTimeoutMs = 3_000,
    readers = 1,
    syncPhaseHook,
    firstSyncBulkFrom,
  }: {
    dir?: string;
    serviceUrl?: string;
    deviceId?: string;
    /** This desk's clock, wrong by this much: outcomes must not depend on it. */
    clockOffsetMs?: number;
    pageSize?: number;
    requestTimeoutMs?: number;
    readers?: number;
    syncPhaseHook?: DeskBackendOptions['syncPhaseHook'];
    /** Makes a small first sync load in bulk, as a large one does (DeskBackendOptions). */
    firstSyncBulkFrom?: number;
  } = {},
): TestDesk {
  const id = deviceId ?? `00000000-0000-4000-8000-${String(++devices).padStart(12, '0')}`;
  const app = startDeskBackend(
    {
      dataDir: dir,
      serviceUrl: serviceUrl ?? service.url,
      deviceId: id,
      demo: true,
      autoSync: false,
      clock: { cell: service.clock.cell, offsetMs: clockOffsetMs },
      requestTimeoutMs,
      ...(pageSize ? { syncPageSize: pageSize } : {}),
      random: 0.5,
      readers,
      ...(syncPhaseHook ? { syncPhaseHook } : {}),
      ...(firstSyncBulkFrom === undefined ? {} : { firstSyncBulkFrom }),
    },
    { vault: new MemoryVault() },
  );
  const peeks = new Map<string, Db>();
  const userDir = () => {
    const session = app.session();
    if (!session) throw new Error('not signed in');
    return userDirOf(dir, session.username);
  };
  const closePeeks = () => {
    for (const db of peeks.values()) db.close();
    peeks.clear();
  };
  const call = (procedure: string, input: unknown = {}) => app.dispatch(procedure, input);
  const close = async () => {
    closePeeks();
    await app.close();
  };
  return {
    app,
    dir,
    deviceId: id,
    call,
    async signIn(username, password = DEMO_PASSWORD) {
      const result = await call('session.signIn', { username, password });
      if (!result.ok) throw new Error(`sign-in ${username}: ${result.error.code} ${result.error.message}`);
      return result.value as SessionInfo;
    },
    async sync() {
      const result = await call('sync.now');
      if (!result.ok) throw new Error(`sync: ${result.error.code} ${result.error.message}`);
      return result.value as SyncStatus;
    },
    async status() {
      const result = await call('sync.status');
      if (!result.ok) throw new Error(`sync status: ${result.error.code} ${result.error.message}`);
      return result.value as SyncStatus;
    },
    db() {
      const file = join(userDir(), 'orders.sqlite');
      let db = peeks.get(file);
      if (!db) {
        db = new Database(file, { readonly: true, fileMustExist: true });
        peeks.set(file, db);
      }
      return db;
    },
    tamper(sql, ...params) {
      const db = new Database(join(userDir(), 'orders.sqlite'), { fileMustExist: true });
      try {
        db.pragma('busy_timeout = 5000');
        db.prepare(sql).run(...params);
      } finally {
        db.close();
      }
    },
    userDir,
    orderCount() {
      return (this.db().prepare('SELECT COUNT(*) AS n FROM orders').get() as { n: number }).n;
    },
    close,
    async dispose() {
      await close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
