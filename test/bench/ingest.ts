/**
 * 1. Ingest and first sync. Ingest times the real apply path (applyPullPage: seal, reconcile check,
 * upsert of order, lines and search index, cursor, one transaction per page) on pages pulled from
 * the service beforehand, so the network is not in it. The first sync is the real thing: a desk
 * signs in and its sync engine pulls admin's whole scope from the service on loopback.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../src/main/db/connection';
import { createCodeSeal } from '../../src/main/redemption/code-seal';
import { applyPullPage } from '../../src/main/sync/apply-pull';
import type { SyncContext } from '../../src/main/sync/local-effects';
import { ServiceClient } from '../../src/main/sync/service-client';
import { readSyncState, writeSyncState } from '../../src/main/sync/sync-state';
import type { PullResponse } from '../../src/shared/contract/sync';
import { budget, log, type Bench } from './context';
import { throughput } from './figures';
import { login } from './service-api';

/** What the desk's sync engine asks for per page (its default). */
const PAGE = 200;
const INGEST_TARGET = 50_000;
const FIRST_SYNC_TARGET_S_PER_MILLION = 60;

async function pullPages(bench: Bench, pages: number): Promise<PullResponse[]> {
  const url = await bench.service();
  const token = await login(url, 'admin');
  const client = new ServiceClient({ baseUrl: url, token: () => token, timeoutMs: 120_000 });
  const out: PullResponse[] = [];
  let cursor: string | null = null;
  while (out.length < pages) {
    const pulled = await client.pull(cursor, PAGE);
    if (!pulled.ok) throw new Error(`pull failed: ${JSON.stringify(pulled.failure)}`);
    out.push(pulled.value);
    cursor = pulled.value.cursor;
    if (!pulled.value.hasMore) break;
  }
  return out;
}

const context = (): SyncContext => ({
  actor: 'admin:admin',
  device: 'DEV-0001',
  now: Date.now(),
  seal: createCodeSeal(randomBytes(32)),
});

const ordersIn = (page: PullResponse) => page.changes.filter((c) => c.type === 'order').length;

export async function ingest(bench: Bench): Promise<void> {
  // 20,000 orders at most: enough pages for stable statistics, few enough to hold in memory.
  const pages = await pullPages(bench, Math.min(bench.runs(100), Math.ceil(bench.orders / PAGE)));
  log(`ingest: ${pages.length} pages pulled; applying them to an empty store`);
  const dir = join(bench.cacheDir, 'ingest-scratch');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const empty = openDatabase(join(dir, 'orders.sqlite'));
  const ctx = context();
  const fresh: Array<{ items: number; ms: number }> = [];
  for (const page of pages) {
    const start = performance.now();
    applyPullPage(empty, page, ctx);
    fresh.push({ items: ordersIn(page), ms: performance.now() - start });
  }
  empty.close();
  rmSync(dir, { recursive: true, force: true });
  bench.add(...throughput('ingest · pulled pages into an empty store', fresh, 'orders/s', INGEST_TARGET));

  // The same pages again into the full store: changed orders arriving at a desk that has them all.
  const db = openDatabase(bench.deskFile);
  const cursor = readSyncState(db, 'cursor');
  const updates: Array<{ items: number; ms: number }> = [];
  try {
    const box = budget(120_000, 10);
    for (const page of pages) {
      if (!box.more()) break;
      const start = performance.now();
      applyPullPage(db, page, ctx);
      updates.push({ items: ordersIn(page), ms: performance.now() - start });
    }
  } finally {
    // The desk must go on from where its own sync left off.
    if (cursor !== null) writeSyncState(db, 'cursor', cursor);
    db.close();
  }
  bench.add(
    ...throughput(
      `ingest · changed orders into the ${bench.orders.toLocaleString('en-US')}-order store`,
      updates,
      'orders/s',
      INGEST_TARGET,
    ),
  );
}

/**
 * A full first sync into `deskRoot`: what a new desk does after its first sign-in. The fetch is
 * wrapped to split the time between waiting for the service (query, JSON, loopback) and the
 * desk's own work (parse, validate, apply).
 */
export async function firstSync(bench: Bench, deskRoot: string): Promise<void> {
  let waitingMs = 0;
  const fetchImpl: typeof fetch = async (input, init) => {
    const start = performance.now();
    const response = await fetch(input, init);
    const body = await response.arrayBuffer();
    waitingMs += performance.now() - start;
    return new Response(body, { status: response.status, headers: response.headers });
  };
  const desk = await bench.openDesk(deskRoot, fetchImpl);
  try {
    log(`first sync of ${bench.orders} orders`);
    const start = performance.now();
    const status = await desk.app.sync()!.syncNow();
    const seconds = (performance.now() - start) / 1000;
    if (status.lastError) throw new Error(`first sync failed: ${JSON.stringify(status.lastError)}`);
    const synced = desk.db.prepare('SELECT count(*) FROM orders').pluck().get() as number;
    log(`first sync: ${synced} orders in ${seconds.toFixed(1)} s`);
    const n = bench.orders.toLocaleString('en-US');
    bench.add(
      {
        name: `first sync · ${n} orders from the service on loopback`,
        value: seconds,
        unit: 's',
        target: (FIRST_SYNC_TARGET_S_PER_MILLION * bench.orders) / 1_000_000,
        better: 'lower',
      },
      {
        name: 'first sync · of which waiting for the service',
        value: waitingMs / 1000,
        unit: 's',
        target: null,
        better: 'lower',
      },
      {
        name: 'first sync · orders/s overall',
        value: synced / seconds,
        unit: 'orders/s',
        target: INGEST_TARGET,
        better: 'higher',
      },
    );
  } finally {
    await desk.close();
  }
}
