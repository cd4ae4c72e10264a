import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { TimerOverrides } from '../shared/domain/timers';
import { AddressQueue, realPause } from './auth/login-guard';
import { hashPassword } from './auth/passwords';
import { SessionCache } from './auth/sessions';
import { resolveConfig, type ConfigOverrides } from './config';
import type { Deps } from './deps';
import { seedDemo } from './demo/seed';
import { buildApp, type ServiceLog } from './http/app';
import { allowedHostNames } from './http/host-check';
import { CodeVerifiers } from './redemption/verifier';
import { takeBackup } from './storage/backup';
import { allRoutes } from './http/routes';
import { DEFAULT_DATA_DIR, openStore, type StoreLocation } from './storage/open';
import type { Store } from './storage/repositories';
import { systemClock, type Clock } from './timers/clock';
import { runDueTimers, type SweepResult } from './timers/sweep';
import { deliverDue, type DeliveryRound } from './outbound/deliver';
import { DELIVERERS } from './outbound/deliverers';
import { startConnectors, type ConnectorOptions, type Connectors } from './connectors/service';

export { ManualClock, systemClock, type Clock } from './timers/clock';
export type { SweepResult } from './timers/sweep';
export type { DeliveryRound } from './outbound/deliver';

export { DEFAULT_DATA_DIR } from './storage/open';
export const DEFAULT_PORT = 4610;
export const DEFAULT_DEMO_ORDERS = 3000;

export interface OrderServiceOptions extends StoreLocation {
  /** 0: any free port. */
  port?: number;
  host?: string;
  /** Seeds the demo company (idempotently), accepts the demo users and serves the buyer-traffic API. */
  demo?: boolean;
  /**
   * The demo users' password for this run instead of the published one: a desk that starts the
   * demo for itself gives it a random one, so nothing else on the machine can sign in with it.
   */
  demoPassword?: string;
  demoOrders?: number;
  clock?: Clock;
  timers?: TimerOverrides;
  /** How often the timers sweep on their own; 0: never (tests call runDueTimers). Default 30 s. */
  timerIntervalMs?: number;
  tokenTtlMs?: number;
  login?: ConfigOverrides['login'];
  codeAttempts?: ConfigOverrides['codeAttempts'];
  /** Write-back retries and timeouts (config.ts outbound). */
  outbound?: ConfigOverrides['outbound'];
  /** How often the outbound queue is delivered on its own; 0: never (tests call deliverOutbound). Default 2 s. */
  outboundIntervalMs?: number;
  /** scrypt cost of code verifiers (default N=2^15); tests and the bench's seeding take a cheap one. */
  codeVerifierCost?: ConfigOverrides['codeVerifierCost'];
  /**
   * Proxies (addresses or CIDRs) whose X-Forwarded-For is believed. Unset: the socket's address
   * counts, so a client cannot pick its own address with a header.
   */
  trustProxy?: string[];
  /**
   * Host names the service answers besides loopback's. Required when `host` is not a loopback
   * address: a deployed service answers only the names it is reached by.
   */
  allowedHosts?: string[];
  /** Between polls of a shop connected to its platform; default 60 s; 0: never on its own (tests poll). */
  pollMs?: number;
  /** Platform call timeout, retries, overlap (connectors/poller.ts); tests shorten the waits. */
  connectorConfig?: ConnectorOptions['config'];
  /** The key shop secrets are sealed with (connectors/secrets.ts); default ORDER_SERVICE_SECRET_KEY or <data>/secret.key. */
  secretKeyFile?: string;
  /**
   * With `demo`: the demo company's 淘宝 and 拼多多 shops fed by stub gateways on loopback, this many
   * orders each, a new one every `arriveMs`. Default: none.
   */
  demoPlatformShops?: { orders: number; arriveMs: number } | null;
  /**
   * Online backups of the SQLite file into `dir` every `everyMs`, the newest `keep` kept
   * (storage/backup.ts). PostgreSQL is backed up with pg_dump instead (docs/deploy.md).
   */
  backups?: { dir: string; everyMs: number; keep: number };
  /** How a slowed sign-in waits; tests observe it instead of sleeping. */
  pause?: (ms: number) => Promise<void>;
  /** JSON lines with request ids (Fastify's pino): true for stdout, or a stream and level; off by default. */
  logger?: ServiceLog;
}

export interface OrderService {
  url: string;
  port: number;
  clock: Clock;
  /** One sweep of every due timer, now (by the service's clock). */
  runDueTimers(): Promise<SweepResult>;
  /** Whether an admin could sign in right now (a new company has none until `users add`). */
  hasAdmin(): Promise<boolean>;
  /** One backup now, as the schedule takes them; null when no backups are configured. */
  backupNow(): Promise<string | null>;
  /** One round of write-back deliveries, now (by the service's clock). */
  deliverOutbound(): Promise<DeliveryRound>;
  /** The platform connectors: poll a shop now, every due shop, health. */
  connectors: Pick<Connectors, 'pollNow' | 'pollDue' | 'health'>;
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
  const host = options.host ?? '127.0.0.1';
  const allowedHosts = allowedHostNames(host, options.allowedHosts);
  if (options.backups && options.database !== undefined) {
    throw new Error('PostgreSQL is backed up with pg_dump (docs/deploy.md), not --backup-dir');
  }
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
    outbound: options.outbound,
    codeVerifierCost: options.codeVerifierCost,
    demoPasswordHash: options.demoPassword === undefined ? null : await hashPassword(options.demoPassword),
  });
  const deps: Deps = {
    store,
    clock,
    config,
    loginQueue: new AddressQueue(options.pause ?? realPause),
    sessions: new SessionCache(),
    codeVerifiers: new CodeVerifiers({ store, clock, config }),
  };
  const connectors = await startConnectors(deps, {
    pollMs: options.pollMs,
    secretKeyFile: options.secretKeyFile,
    config: options.connectorConfig,
    dataDir: options.dataDir ?? DEFAULT_DATA_DIR,
  });
  const app = buildApp(deps, allRoutes(deps, connectors), {
    logger: options.logger ?? false,
    allowedHosts,
    ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
  });
  try {
    if (config.demo) await seedOnce(store, () => seedDemo(deps, options.demoOrders ?? DEFAULT_DEMO_ORDERS));
    // The generated history holds receipts and payments its own timers have already decided: a demo
    // that sweeps on its own sweeps them before its first answer, or the first tick 30 s later
    // changes the counts under a user (tests that drive the timers by hand keep them).
    if (config.demo && (options.timerIntervalMs ?? 30_000) > 0)
      await store.exclusive('timer-sweep', () => runDueTimers(deps));
    if (config.demo && options.demoPlatformShops) await connectors.startDemoShops(options.demoPlatformShops);
    await app.listen({ port: options.port ?? DEFAULT_PORT, host });
    connectors.start((error) => app.log.error(error));
  } catch (error) {
    await connectors.stop();
    await app.close();
    await store.close();
    throw error;
  }

  // Codes issued before a restart (or by a unit that did not kick it) get their verifiers now.
  deps.codeVerifiers.kick();
  // One sweep at a time, over every node on the database: a slow sweep is not overtaken by the
  // next tick, and while another node sweeps this one finds nothing to do. Each tick also hashes
  // any code still without a verifier.
  let sweeping: Promise<SweepResult> | null = null;
  const idle: SweepResult = { cancelled: 0, confirmed: 0, codesRetired: 0 };
  const sweep = (): Promise<SweepResult> =>
    (sweeping ??= deps.codeVerifiers
      .flush()
      .then(() => store.exclusive('timer-sweep', () => runDueTimers(deps)))
      .then((result) => result ?? idle)
      .finally(() => (sweeping = null)));
  const interval = options.timerIntervalMs ?? 30_000;
  const ticker =
    interval > 0 ? setInterval(() => sweep().catch((error: unknown) => app.log.error(error)), interval).unref() : null;

  // Online backups of the SQLite file, one at a time, on their own schedule.
  const backups = options.backups;
  const dbFile = options.dbFile ?? join(options.dataDir ?? DEFAULT_DATA_DIR, 'orders.sqlite');
  let backingUp: Promise<string> | null = null;
  const backupNow = async (): Promise<string | null> =>
    backups
      ? (backingUp ??= takeBackup(dbFile, backups.dir, { keep: backups.keep }).finally(() => (backingUp = null)))
      : null;
  const backupTicker =
    backups && backups.everyMs > 0
      ? setInterval(() => backupNow().catch((error: unknown) => app.log.error(error)), backups.everyMs).unref()
      : null;

  // Deliveries run one round at a time too; a round repeats until nothing more is due.
  let delivering: Promise<DeliveryRound> | null = null;
  // A shop connected to its platform is told by its connector, ahead of any webhook.
  const deliverers = [connectors.deliverer, ...DELIVERERS];
  const deliver = (): Promise<DeliveryRound> =>
    (delivering ??= deliverDue(deps, deliverers).finally(() => (delivering = null)));
  const outboundInterval = options.outboundIntervalMs ?? 2_000;
  const courier =
    outboundInterval > 0
      ? setInterval(() => deliver().catch((error: unknown) => app.log.error(error)), outboundInterval).unref()
      : null;

  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? DEFAULT_PORT);
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    clock,
    runDueTimers: sweep,
    backupNow,
    hasAdmin: async () => (await store.unit((tx) => tx.users.countActive('admin'))) > 0 || config.demo,
    deliverOutbound: deliver,
    connectors,
    async close() {
      if (ticker) clearInterval(ticker);
      if (backupTicker) clearInterval(backupTicker);
      await backingUp?.catch(() => undefined);
      if (courier) clearInterval(courier);
      await connectors.stop();
      await sweeping?.catch(() => undefined);
      await delivering?.catch(() => undefined);
      await deps.codeVerifiers.flush().catch(() => undefined);
      await app.close();
      await store.close();
    },
  };
}
