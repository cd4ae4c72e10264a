import { spawn, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import { startCluster, type Cluster } from '../../scripts/pg-cluster.mjs';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createApp, type App } from '../../src/main/app/app';
import type { Db } from '../../src/main/db/connection';
import { loadOrCreateDeviceId } from '../../src/main/session/device';
import { MemoryVault } from '../../src/main/session/token-vault';
import { DEMO_PASSWORD } from '../../src/server/demo/company';
import type { DataScope } from '../../src/shared/domain/vocabulary';
import type { Figure } from './figures';
import { formatValue } from './figures';
import { closeConnections } from './service-api';

/** A desk signed in as admin on the bench's store, its sync engine idle (only the bench drives it). */
export interface Desk {
  app: App;
  db: Db;
  scope: DataScope;
  close(): Promise<void>;
}

/** Seeding a million orders takes about a quarter of an hour on two cores; allow for a slow day. */
const SEED_MS_PER_ORDER = 6;
const MIN_START_MS = 120_000;

/**
 * What every group shares: the figures so far, and the seeded data in the cache directory
 * (/tmp/order-desk-bench/<orders>/), reused when present so that a re-run does not seed a
 * million orders again:
 *   service/      the order service's data, seeded with the demo company and `orders` orders;
 *   desk/         a desk's data folder as browser mode lays it out (client/users/admin/orders.sqlite),
 *                 filled by a real first sync of admin's whole scope.
 */
export class Bench {
  readonly figures: Figure[] = [];
  private serviceProcess: { child: ChildProcess; url: string } | null = null;
  private postgres: { cluster: Cluster; nodes: Array<{ child: ChildProcess; url: string }> } | null = null;
  /** Set by the first-sync group when it runs, so other groups do not sync a second time. */
  firstSync: ((deskRoot: string) => Promise<void>) | null = null;

  constructor(
    readonly orders: number,
    readonly cacheDir: string,
  ) {
    mkdirSync(cacheDir, { recursive: true });
  }

  /**
   * Runs per measurement: many at the sizes users have, a few for a small store (CI's 10,000
   * orders must stay near a minute and a half; it checks that the bench runs, not its figures).
   */
  runs(many: number): number {
    return this.orders >= 100_000 ? many : Math.max(3, Math.round(many / 3));
  }

  get serviceDir(): string {
    return join(this.cacheDir, 'service');
  }

  get deskRoot(): string {
    return join(this.cacheDir, 'desk');
  }

  get deskFile(): string {
    return join(this.deskRoot, 'client', 'users', 'admin', 'orders.sqlite');
  }

  add(...figures: Figure[]): void {
    for (const figure of figures) {
      this.figures.push(figure);
      const target =
        figure.target === null ? '' : ` (target ${figure.better === 'lower' ? '≤' : '≥'} ${figure.target})`;
      console.log(`  ${figure.name}: ${formatValue(figure.value)} ${figure.unit}${target}`);
    }
  }

  /** The order service on loopback in its own process (its own CPU share), seeding on first start. */
  async service(): Promise<string> {
    if (this.serviceProcess) return this.serviceProcess.url;
    const seeded = existsSync(join(this.serviceDir, 'orders.sqlite'));
    log(
      seeded ? 'starting the order service on its seeded data' : `seeding the order service with ${this.orders} orders`,
    );
    this.serviceProcess = await this.startNode(['--data', this.serviceDir]);
    return this.serviceProcess.url;
  }

  /**
   * `count` service nodes on one PostgreSQL database, each in its own process: a cluster kept in
   * the cache directory (fsync on, as in production), seeded by the first node on first start.
   */
  async postgresNodes(count: number): Promise<string[]> {
    if (!this.postgres) {
      const dir = join(this.cacheDir, 'postgres');
      const seeded = existsSync(join(dir, 'data', 'PG_VERSION'));
      const cluster = await startCluster({ durable: true, dir });
      this.postgres = { cluster, nodes: [] };
      const admin = new pg.Client({ connectionString: cluster.url });
      await admin.connect();
      const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'orders'");
      if (exists.rowCount === 0) await admin.query('CREATE DATABASE orders');
      await admin.end();
      log(seeded ? 'starting service nodes on the seeded PostgreSQL' : `seeding PostgreSQL with ${this.orders} orders`);
    }
    const database = `${this.postgres.cluster.url.replace(/\/postgres$/, '')}/orders`;
    while (this.postgres.nodes.length < count) this.postgres.nodes.push(await this.startNode(['--database', database]));
    return this.postgres.nodes.slice(0, count).map((node) => node.url);
  }

  /** The cluster's URL for its own database (the bench's size figures read it). */
  get postgresUrl(): string | null {
    return this.postgres ? `${this.postgres.cluster.url.replace(/\/postgres$/, '')}/orders` : null;
  }

  private async startNode(store: string[]): Promise<{ child: ChildProcess; url: string }> {
    const limit = Math.max(MIN_START_MS, this.orders * SEED_MS_PER_ORDER);
    const started = performance.now();
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/server/cli.ts',
        '--demo',
        '--port',
        '0',
        ...store,
        '--demo-orders',
        String(this.orders),
        // A request log line each would be measured too: warnings and errors only.
        '--log-level',
        'warn',
        // Cheap code verifiers: the production cost would add most of an hour to a million-order seed.
        '--code-verifier-cost',
        '1024',
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => {
        child.kill('SIGTERM');
        reject(new Error(`the order service was not ready after ${limit / 1000} s`));
      }, limit);
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
        if (found) {
          clearTimeout(timer);
          resolve(found);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the order service exited with ${code}: ${out}`));
      });
    });
    log(`order service at ${url} after ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return { child, url };
  }

  /** The desk's data folder with admin's whole scope synced: a first sync the first time. */
  async desk(): Promise<string> {
    if (!existsSync(this.deskFile)) await this.resync();
    return this.deskRoot;
  }

  /** A fresh first sync into a new folder, which then replaces the cached desk. */
  async resync(): Promise<void> {
    if (!this.firstSync) throw new Error('no first-sync group to make a desk store');
    const fresh = `${this.deskRoot}.partial`;
    rmSync(fresh, { recursive: true, force: true });
    await this.firstSync(fresh);
    rmSync(this.deskRoot, { recursive: true, force: true });
    renameSync(fresh, this.deskRoot);
  }

  /** A desk app on `root` (the synced store unless given), signed in as admin, not syncing by itself. */
  async openDesk(root?: string, fetchImpl?: typeof fetch): Promise<Desk> {
    const deskRoot = root ?? (await this.desk());
    const app = createApp({
      dataDir: join(deskRoot, 'client'),
      serviceUrl: await this.service(),
      vault: new MemoryVault(),
      deviceId: loadOrCreateDeviceId(deskRoot),
      autoSync: false,
      requestTimeoutMs: 120_000,
      fetchImpl,
    });
    const signedIn = await app.dispatch('session.signIn', { username: 'admin', password: DEMO_PASSWORD });
    if (!signedIn.ok) throw new Error(`desk sign-in failed: ${JSON.stringify(signedIn)}`);
    const workspace = app.workspace()!;
    return { app, db: workspace.db, scope: workspace.session.scope, close: () => app.close() };
  }

  async close(): Promise<void> {
    closeConnections();
    const running = [...(this.serviceProcess ? [this.serviceProcess] : []), ...(this.postgres?.nodes ?? [])];
    const cluster = this.postgres?.cluster;
    this.serviceProcess = null;
    this.postgres = null;
    await Promise.all(
      running.map(({ child }) => {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        return exited;
      }),
    );
    cluster?.stop();
  }
}

export function log(message: string): void {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

/** A loop's time box: `more()` stays true until `ms` have passed (and at least `min` rounds ran). */
export function budget(ms: number, min = 1): { more(): boolean } {
  const end = performance.now() + ms;
  let rounds = 0;
  return { more: () => rounds++ < min || performance.now() < end };
}

/** Times one call in milliseconds. */
export function timed(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

export async function timedAsync(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}
