import { setTimeout as sleep } from 'node:timers/promises';
import type { TimerOverrides } from '../shared/domain/timers';
import { createLimiters } from './auth/limiters';
import { SessionCache } from './auth/sessions';
import { resolveConfig, type ConfigOverrides } from './config';
import type { Deps } from './deps';
import { seedDemo } from './demo/seed';
import { buildApp } from './http/app';
import { allRoutes } from './http/routes';
import { DEFAULT_DATA_DIR, openStore, type StoreLocation } from './storage/open';
import type { Store } from './storage/repositories';
import { systemClock, type Clock } from './timers/clock';
import { runDueTimers, type SweepResult } from './timers/sweep';

export { ManualClock, systemClock, type Clock } from './timers/clock';
export type { SweepResult } from './timers/sweep';

export { DEFAULT_DATA_DIR } from './storage/open';
export const DEFAULT_PORT = 4610;
export const DEFAULT_DEMO_ORDERS = 3000;

export interface OrderServiceOptions extends StoreLocation {
  /** 0: any free port. */
  port?: number;
  host?: string;
  /** Seeds the demo company (idempotently), accepts the demo users and serves the buyer-traffic API. */
  demo?: boolean;
  demoOrders?: number;
  clock?: Clock;
  timers?: TimerOverrides;
  /** How often the timers sweep on their own; 0: never (tests call runDueTimers). Default 30 s. */
  timerIntervalMs?: number;
  tokenTtlMs?: number;
  login?: ConfigOverrides['login'];
  codeAttempts?: ConfigOverrides['codeAttempts'];
  logger?: boolean;
}

export interface OrderService {
  url: string;
  port: number;
  clock: Clock;
  /** One sweep of every due timer, now (by the service's clock). */
  runDueTimers(): Promise<SweepResult>;
  /** Whether an admin could sign in right now (a new company has none until `users add`). */
  hasAdmin(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Seeds the demo company on one node at a time: nodes started together on an empty PostgreSQL
 * database wait for the first to finish, then find everything seeded (seedDemo is idempotent).
 */
async function seedOnce(store: Store, seed: () => Promise<void>): Promise<void> {
  while ((await store.exclusive('demo-seed', async () => (await seed(), true))) === null) {
    await sleep(250);
  }
}

/**
 * Starts the order service: opens (and migrates) its database, seeds the demo company when asked,
 * listens, and sweeps the timers on an interval. The desktop app embeds it this way when no remote
 * service is configured; tests start it on port 0 with a ManualClock.
 */
export async function startOrderService(options: OrderServiceOptions = {}): Promise<OrderService> {
  const store = await openStore({
    database: options.database,
    poolSize: options.poolSize,
    dbFile: options.dbFile,
    dataDir: options.dataDir ?? DEFAULT_DATA_DIR,
  });
  const clock = options.clock ?? systemClock;
  const config = resolveConfig({
    demo: options.demo ?? false,
    timers: options.timers,
    tokenTtlMs: options.tokenTtlMs,
    login: options.login,
    codeAttempts: options.codeAttempts,
  });
  const deps: Deps = { store, clock, config, limiters: createLimiters(config, clock), sessions: new SessionCache() };
  const app = buildApp(deps, allRoutes(deps), { logger: options.logger ?? false });
  try {
    if (config.demo) await seedOnce(store, () => seedDemo(deps, options.demoOrders ?? DEFAULT_DEMO_ORDERS));
    await app.listen({ port: options.port ?? DEFAULT_PORT, host: options.host ?? '127.0.0.1' });
  } catch (error) {
    await app.close();
    await store.close();
    throw error;
  }

  // One sweep at a time, over every node on the database: a slow sweep is not overtaken by the
  // next tick, and while another node sweeps this one finds nothing to do.
  let sweeping: Promise<SweepResult> | null = null;
  const idle: SweepResult = { cancelled: 0, confirmed: 0, codesRetired: 0 };
  const sweep = (): Promise<SweepResult> =>
    (sweeping ??= store
      .exclusive('timer-sweep', () => runDueTimers(deps))
      .then((result) => result ?? idle)
      .finally(() => (sweeping = null)));
  const interval = options.timerIntervalMs ?? 30_000;
  const ticker =
    interval > 0 ? setInterval(() => sweep().catch((error: unknown) => app.log.error(error)), interval).unref() : null;

  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? DEFAULT_PORT);
  const host = options.host ?? '127.0.0.1';
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    clock,
    runDueTimers: sweep,
    hasAdmin: async () => (await store.unit((tx) => tx.users.countActive('admin'))) > 0 || config.demo,
    async close() {
      if (ticker) clearInterval(ticker);
      await sweeping?.catch(() => undefined);
      await app.close();
      await store.close();
    },
  };
}
