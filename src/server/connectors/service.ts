import type { Deps } from '../deps';
import type { DelivererFor } from '../outbound/deliverers';
import { DEFAULT_DATA_DIR } from '../storage/open';
import { connectorDeliverer } from './deliverer';
import { startDemoShops } from './demo';
import { shopHealth } from './health';
import { intakeSink } from './intake-sink';
import { DEFAULT_CONNECTOR_CONFIG, pollShop, type ConnectorConfig, type PollerDeps, type PollReport } from './poller';
import { startConnectorScheduler, type ConnectorScheduler } from './scheduler';
import { loadSecretKey, SECRET_KEY_ENV } from './secrets';
import type { RunningStub } from './stub/server';
import type { ShopHealth } from '../../shared/contract/connectors';

/**
 * The platform connectors inside the running service: the key shop secrets are sealed with, the
 * poller (every active shop, when due), the deliverer the outbound queue asks for connected
 * shops, and the demo company's two platform shops with their embedded stub gateways.
 */
export interface ConnectorOptions {
  /** Between polls of a healthy shop; default 60 s (`--poll-ms`); 0: no polling on its own (tests call pollDue). */
  pollMs?: number;
  /** The key file shop secrets are sealed with; default ORDER_SERVICE_SECRET_KEY or <data>/secret.key. */
  secretKeyFile?: string;
  dataDir?: string;
  config?: Partial<Omit<ConnectorConfig, 'pollMs'>>;
}

export interface Connectors {
  key: Buffer;
  config: ConnectorConfig;
  deliverer: DelivererFor;
  /** Polls one shop now, after any poll already running. */
  pollNow(shopId: string): Promise<PollReport>;
  /** Polls every shop that is due now (by the service's clock). */
  pollDue(): Promise<PollReport[]>;
  health(shopId?: string): Promise<ShopHealth[]>;
  /** Starts polling on the interval (after the demo shops are connected: never against a gateway of the last run). */
  start(onError: (error: unknown) => void): void;
  /** Connects the demo company's 淘宝 and 拼多多 shops to stub gateways started on loopback (demo.ts). */
  startDemoShops(options: { orders: number; arriveMs: number }): Promise<readonly RunningStub[]>;
  /** Cuts a poll in flight short (poller.ts) and waits for it to end. */
  stop(): Promise<void>;
}

export async function startConnectors(deps: Deps, options: ConnectorOptions = {}): Promise<Connectors> {
  const { key } = loadSecretKey({
    env: process.env[SECRET_KEY_ENV],
    keyFile: options.secretKeyFile,
    dataDir: options.dataDir ?? DEFAULT_DATA_DIR,
  });
  const pollMs = options.pollMs ?? DEFAULT_CONNECTOR_CONFIG.pollMs;
  const config: ConnectorConfig = {
    ...DEFAULT_CONNECTOR_CONFIG,
    ...options.config,
    pollMs: pollMs > 0 ? pollMs : DEFAULT_CONNECTOR_CONFIG.pollMs,
  };
  // Stopping aborts a poll in flight (its call, its retry's wait) instead of waiting out a slow
  // platform: a shutdown takes at most the order being taken in, which is taken whole.
  const stopping = new AbortController();
  const pollerDeps: PollerDeps = {
    store: deps.store,
    clock: deps.clock,
    key,
    config,
    intake: intakeSink(deps),
    stop: stopping.signal,
  };
  const stubs: RunningStub[] = [];
  let scheduler: ConnectorScheduler | null = null;
  // Polls of one shop never overlap: the scheduler's chain when it runs, this one otherwise.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = chain.then(work);
    chain = next.catch(() => undefined);
    return next;
  };
  const pollNow = (shopId: string) =>
    scheduler ? scheduler.pollNow(shopId) : serial(() => pollShop(pollerDeps, shopId));
  return {
    key,
    config,
    deliverer: connectorDeliverer(deps, key),
    start(onError) {
      if (pollMs > 0 && !scheduler) scheduler = startConnectorScheduler(pollerDeps, { onError });
    },
    async startDemoShops(demo) {
      stubs.push(...(await startDemoShops(deps, key, demo)));
      return stubs;
    },
    pollNow,
    async pollDue() {
      const due = await deps.store.unit((tx) => tx.connectors.due(deps.clock.now()));
      const reports: PollReport[] = [];
      for (const row of due) reports.push(await pollNow(row.shopId));
      return reports;
    },
    health: (shopId) =>
      deps.store.unit(async (tx) => {
        const now = deps.clock.now();
        const rows = shopId ? [await tx.connectors.get(shopId)].filter((r) => r !== null) : await tx.connectors.list();
        // One statement at a time: a unit's queries share one connection.
        const health: ShopHealth[] = [];
        for (const row of rows) {
          const name = (await tx.shops.get(row.shopId))?.name ?? row.shopId;
          health.push(shopHealth(row, name, await tx.connectors.counts(row.shopId, now), now));
        }
        return health;
      }),
    async stop() {
      stopping.abort();
      await scheduler?.stop();
      await chain;
      for (const stub of stubs) await stub.close();
    },
  };
}
