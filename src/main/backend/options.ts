import type { AppOptions } from '../app/app';
import type { DeskStart } from '../settings/desk-settings';
import type { SyncPhase } from '../sync/engine';

/**
 * How to start a desk's backend: what AppOptions says, in a form that crosses to a worker thread
 * (no functions). Main's own services (token vault, printer) are given to startDeskBackend apart.
 */
export interface DeskBackendOptions {
  dataDir: string;
  serviceUrl: string;
  deviceId: string;
  demo?: boolean;
  /** The embedded demo's password on this run, which the sign-in screen shows. */
  demoPassword?: string;
  /** Where the vault keeps tokens between runs: Electron with a working safeStorage says 'keychain'. */
  tokenStorage?: 'keychain' | 'memory';
  /** Plain http to another machine (a lab network); refused otherwise (session/service-url.ts). */
  allowInsecureServiceUrl?: boolean;
  /** What the running process is (app, electron, chrome, node versions), for 导出诊断信息. */
  versions?: Record<string, string>;
  /** Electron's crash dumps folder: their names go into 导出诊断信息. */
  crashDumpsDir?: string;
  /** 设置: where desk-settings.json lives and what this run started with (the restart is main's). */
  settings?: { dir: string; start: DeskStart };
  autoSync?: boolean;
  syncIntervalMs?: number;
  syncPageSize?: number;
  firstSyncBulkFrom?: number;
  requestTimeoutMs?: number;
  /** Reader threads for list windows, counts, search and exports (default 2). */
  readers?: number;
  /** Tests: the desk's clock reads epoch ms from this shared cell (see sharedClockCell) plus offsetMs. */
  clock?: { cell: SharedArrayBuffer; offsetMs: number };
  /** Tests: backoff jitter as this fixed fraction instead of Math.random(). */
  random?: number;
  /**
   * Tests: a module loaded on the writer thread whose `onSyncPhase(phase, data)` sees each step of
   * a sync round as it happens on that thread (the crash tests freeze the desk there).
   */
  syncPhaseHook?: { module: string; data?: unknown };
}

/** A clock cell two threads share: epoch milliseconds as a 64-bit integer. */
export const sharedClockCell = (at: number): SharedArrayBuffer => {
  const cell = new SharedArrayBuffer(8);
  setSharedClock(cell, at);
  return cell;
};

export const setSharedClock = (cell: SharedArrayBuffer, at: number): void => {
  Atomics.store(new BigInt64Array(cell), 0, BigInt(Math.round(at)));
};

export const readSharedClock = (cell: SharedArrayBuffer): number => Number(Atomics.load(new BigInt64Array(cell), 0));

export type SyncPhaseHook = (phase: SyncPhase, data: unknown) => void;

/** AppOptions for the writer thread's app, apart from main's services. */
export async function appOptionsOf(
  options: DeskBackendOptions,
): Promise<
  Omit<AppOptions, 'vault' | 'printer' | 'labelPrinter' | 'keyProtector' | 'logs' | 'settings' | 'onWorkspace'>
> {
  const { clock, random, syncPhaseHook } = options;
  const hook = syncPhaseHook
    ? ((await import(syncPhaseHook.module)) as { onSyncPhase: SyncPhaseHook }).onSyncPhase
    : null;
  return {
    dataDir: options.dataDir,
    serviceUrl: options.serviceUrl,
    deviceId: options.deviceId,
    demo: options.demo,
    demoPassword: options.demoPassword,
    tokenStorage: options.tokenStorage,
    allowInsecureServiceUrl: options.allowInsecureServiceUrl,
    versions: options.versions,
    crashDumpsDir: options.crashDumpsDir,
    autoSync: options.autoSync,
    syncIntervalMs: options.syncIntervalMs,
    syncPageSize: options.syncPageSize,
    firstSyncBulkFrom: options.firstSyncBulkFrom,
    requestTimeoutMs: options.requestTimeoutMs,
    ...(clock ? { now: () => readSharedClock(clock.cell) + clock.offsetMs } : {}),
    ...(random === undefined ? {} : { random: () => random }),
    ...(hook ? { onSyncPhase: (phase: SyncPhase) => hook(phase, syncPhaseHook?.data) } : {}),
  };
}
