import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SessionInfo, SyncStatus } from '../../src/shared/contract/api';
import type { Result } from '../../src/shared/contract/result';
import { createApp, type App } from '../../src/main/app/app';
import { MemoryVault } from '../../src/main/session/token-vault';
import { DEMO_PASSWORD, type TestService } from './service';

export interface TestDesk {
  app: App;
  dir: string;
  deviceId: string;
  call(procedure: string, input?: unknown): Promise<Result<unknown>>;
  signIn(username: string, password?: string): Promise<SessionInfo>;
  /** One full sync round, as the engine would run it on its own. */
  sync(): Promise<SyncStatus>;
  orderCount(): number;
  close(): Promise<void>;
  /** Closes and deletes the desk's data. */
  dispose(): Promise<void>;
}

let devices = 0;

/**
 * A desk as a user has it: the real main-process app with its own data folder (real SQLite
 * files), talking to a real order service on loopback. Sync runs only when the test says so.
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
  }: {
    dir?: string;
    serviceUrl?: string;
    deviceId?: string;
    /** This desk's clock, wrong by this much: outcomes must not depend on it. */
    clockOffsetMs?: number;
    pageSize?: number;
    requestTimeoutMs?: number;
  } = {},
): TestDesk {
  const id = deviceId ?? `00000000-0000-4000-8000-${String(++devices).padStart(12, '0')}`;
  const app = createApp({
    dataDir: dir,
    serviceUrl: serviceUrl ?? service.url,
    vault: new MemoryVault(),
    deviceId: id,
    demo: true,
    autoSync: false,
    now: () => service.clock.now() + clockOffsetMs,
    requestTimeoutMs,
    ...(pageSize ? { syncPageSize: pageSize } : {}),
    random: () => 0.5,
  });
  const call = (procedure: string, input: unknown = {}) => app.dispatch(procedure, input);
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
      const engine = app.sync();
      if (!engine) throw new Error('not signed in');
      return engine.syncNow();
    },
    orderCount() {
      const db = app.workspace()?.db;
      if (!db) throw new Error('not signed in');
      return (db.prepare('SELECT COUNT(*) AS n FROM orders').get() as { n: number }).n;
    },
    close: () => app.close(),
    async dispose() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
