import { pollShop, type PollerDeps, type PollReport } from './poller';

/**
 * Polls every active shop when it is due. A tick looks every few seconds (so a shop added by the
 * CLI while the service runs is read within seconds, not after a whole interval) and polls due
 * shops one after another: two cores are shared with everything else the service does, and one
 * platform's throttle must not slow another shop's poll.
 */
export interface ConnectorScheduler {
  /** Polls one shop now (an admin's "re-pull", a test), after any poll already running. */
  pollNow(shopId: string): Promise<PollReport>;
  stop(): Promise<void>;
}

export function startConnectorScheduler(
  deps: PollerDeps,
  options: { tickMs?: number; onReport?: (report: PollReport) => void; onError?: (error: unknown) => void } = {},
): ConnectorScheduler {
  let chain: Promise<unknown> = Promise.resolve();
  let ticking = false;
  let stopped = false;
  const run = <T>(work: () => Promise<T>): Promise<T> => {
    const next = chain.then(work);
    chain = next.catch(() => undefined);
    return next;
  };
  const tick = async () => {
    if (ticking || stopped) return;
    ticking = true;
    try {
      const due = await deps.store.unit((tx) => tx.connectors.due(deps.clock.now()));
      for (const connector of due) {
        if (stopped) break;
        const report = await run(() => pollShop(deps, connector.shopId));
        options.onReport?.(report);
      }
    } catch (error) {
      options.onError?.(error);
    } finally {
      ticking = false;
    }
  };
  const timer = setInterval(() => void tick(), options.tickMs ?? Math.min(2_000, deps.config.pollMs));
  timer.unref();
  void tick();
  return {
    pollNow: (shopId) => run(() => pollShop(deps, shopId)),
    async stop() {
      stopped = true;
      clearInterval(timer);
      await chain;
    },
  };
}
