import type { ConnectorRow } from '../storage/connectors';
import type { Store } from '../storage/repositories';
import type { Clock } from '../timers/clock';
import { floorToSecond } from './china-time';
import type { PlatformFailure, PlatformResult } from './failure';
import type { PlatformRefund } from './platform';
import type { ExternalOrder } from '../../shared/external/order';
import { PLATFORMS } from './platforms';
import { sleep as realSleep, withRetry, type RetryPolicy } from './retry';
import { openSecrets } from './shop-secrets';

/**
 * One poll of one shop: read every order modified since the shop's cursor (less an overlap of a
 * few minutes, re-read on purpose: intake makes the repeat free), in windows the platform
 * accepts, each order in full, into the intake pipeline; then the same for refunds. The cursor
 * moves only past a window that was read completely, and is stored with it, so a poll that stops
 * (a throttle that outlasts its retries, a 500, a timeout, the service stopping) resumes exactly
 * there and misses nothing. Failures are data: they end in the shop's health, not in a crash.
 * The service stopping (`stop`) ends a poll at once, even mid-call or mid-wait: every order taken
 * so far was taken whole in its own unit, the cursor stays before the unfinished window, nothing
 * is recorded against the shop, and it is still due when the service starts again.
 */

export interface ConnectorConfig {
  /** Between two polls of a healthy shop; default 60 s (`--poll-ms`). */
  pollMs: number;
  /** Re-read this much before the cursor on every poll; default 5 minutes. */
  overlapMs: number;
  /** Leave the last seconds for the next poll: a platform's index lags its writes a little. */
  settleMs: number;
  /** Where a new shop's cursor starts; default 3 days back. */
  initialLookbackMs: number;
  timeoutMs: number;
  /** Windows one poll reads at most before it yields to other shops (it continues at once). */
  maxWindowsPerPoll: number;
  retry: { attempts: number; maxWaitMs: number };
}

export const DEFAULT_CONNECTOR_CONFIG: ConnectorConfig = {
  pollMs: 60_000,
  overlapMs: 5 * 60_000,
  settleMs: 2_000,
  initialLookbackMs: 3 * 24 * 3_600_000,
  timeoutMs: 15_000,
  maxWindowsPerPoll: 12,
  retry: { attempts: 4, maxWaitMs: 8_000 },
};

/** The intake pipeline as a connector hands it an order (connectors/intake-sink.ts). */
export interface IntakeSink {
  receive(shopId: string, order: ExternalOrder, refunds: readonly PlatformRefund[]): Promise<IntakeOutcome>;
}
export type IntakeOutcome = 'created' | 'updated' | 'unchanged';

export interface PollerDeps {
  store: Store;
  clock: Clock;
  key: Buffer;
  intake: IntakeSink;
  config: ConnectorConfig;
  sleep?: (ms: number, stop?: AbortSignal) => Promise<void>;
  /** Platforms by name; tests may wrap them. */
  platforms?: typeof PLATFORMS;
  /** Aborted when the service stops. */
  stop?: AbortSignal;
}

export interface PollReport {
  shopId: string;
  outcome: 'done' | 'partial' | 'failed' | 'skipped';
  created: number;
  updated: number;
  unchanged: number;
  /** Orders the platform sent that could not be read or taken in (named in the health's last error). */
  skipped: number;
  refunds: number;
  failure: PlatformFailure | null;
}

const SECOND = 1000;
/** A poll longer than this leaves enough unread behind it to poll again at once. */
const LONG_POLL_MS = 5 * SECOND;

export async function pollShop(deps: PollerDeps, shopId: string): Promise<PollReport> {
  const { store, clock, config } = deps;
  const report: PollReport = {
    shopId,
    outcome: 'done',
    created: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    refunds: 0,
    failure: null,
  };
  if (deps.stop?.aborted) return { ...report, outcome: 'skipped' };
  const connector = await store.unit((tx) => tx.connectors.get(shopId));
  if (!connector || connector.paused) return { ...report, outcome: 'skipped' };
  const startedAt = clock.now();
  let lastProblem: { code: string; message: string; at: number } | null = null;
  const note = (code: string, message: string) => (lastProblem = { code, message, at: clock.now() });

  const secrets = openSecrets(deps.key, connector.sealedSecrets);
  if (!secrets) {
    note('SECRETS_UNREADABLE', 'the stored credentials cannot be opened with this service’s key');
    return finish(deps, connector, startedAt, { ...report, outcome: 'failed' }, lastProblem, true);
  }
  const platform = (deps.platforms ?? PLATFORMS)[connector.platform]({
    gateway: connector.gateway,
    credentials: { appKey: connector.appKey, ...secrets },
    timeoutMs: config.timeoutMs,
    clock: () => clock.now(),
    signal: deps.stop,
  });
  const policy: RetryPolicy = {
    ...config.retry,
    sleep: deps.sleep ?? realSleep,
    stop: deps.stop,
    onFailure: (f) => note(f.code, f.message),
  };
  const call = <T>(fn: () => Promise<PlatformResult<T>>) => withRetry(fn, policy);
  /** A failure ends the poll and goes into the shop's health, unless the service is stopping. */
  const failWith = (failure: PlatformFailure): Promise<PollReport> =>
    deps.stop?.aborted
      ? Promise.resolve({ ...report, outcome: 'partial' })
      : fail(deps, connector, startedAt, report, failure, lastProblem);

  const take = async (externalOrderNo: string): Promise<PlatformFailure | null> => {
    const read = await call(() => platform.order(externalOrderNo));
    if (!read.ok) return read.failure;
    if (!read.value.ok) {
      report.skipped++;
      note('ORDER_UNREADABLE', `${externalOrderNo}: ${read.value.reason}`);
      return null;
    }
    const refunds = await store.unit((tx) => tx.connectors.refundsOf(shopId, externalOrderNo));
    try {
      report[await deps.intake.receive(shopId, read.value.order, refunds)]++;
    } catch (error) {
      report.skipped++;
      note('INTAKE_REFUSED', `${externalOrderNo}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return null;
  };

  const end = floorToSecond(startedAt - config.settleMs);
  // Refunds first: kept for write-back (and for the buyer's reason, which the order alone does
  // not carry), and each changed one re-reads its order, so a request the platform files without
  // touching the trade still intercepts shipping, in the buyer's words.
  let refundsCursor = connector.refundsCursor;
  for (let start = Math.max(0, refundsCursor - config.overlapMs); start <= end;) {
    const windowEnd = Math.min(start + platform.maxWindowMs - SECOND, end);
    const listed = await call(() => platform.refunds(start, windowEnd));
    if (!listed.ok) return failWith(listed.failure);
    await store.unit(async (tx) => {
      for (const refund of listed.value) await tx.connectors.putRefund(shopId, refund);
    });
    report.refunds += listed.value.length;
    for (const no of new Set(listed.value.map((r) => r.externalOrderNo))) {
      const failure = await take(no);
      if (failure) return failWith(failure);
    }
    refundsCursor = Math.max(refundsCursor, windowEnd + SECOND);
    const moved = refundsCursor;
    if (!(await moveCursor(deps, connector, 'refundsCursor', moved)))
      return finish(deps, connector, startedAt, { ...report, outcome: 'partial' }, lastProblem, false);
    start = windowEnd + SECOND;
  }
  let windows = 0;
  // Orders: window by window, the cursor stored after each.
  let cursor = connector.ordersCursor;
  for (let start = Math.max(0, cursor - config.overlapMs); start <= end;) {
    if (windows++ >= config.maxWindowsPerPoll)
      return finish(deps, connector, startedAt, { ...report, outcome: 'partial' }, lastProblem, false);
    const windowEnd = Math.min(start + platform.maxWindowMs - SECOND, end);
    const changed = await call(() => platform.changedOrders(start, windowEnd));
    if (!changed.ok) return failWith(changed.failure);
    for (const no of changed.value) {
      const failure = await take(no);
      if (failure) return failWith(failure);
    }
    cursor = Math.max(cursor, windowEnd + SECOND);
    const moved = cursor;
    if (!(await moveCursor(deps, connector, 'ordersCursor', moved)))
      return finish(deps, connector, startedAt, { ...report, outcome: 'partial' }, lastProblem, false);
    start = windowEnd + SECOND;
  }

  return finish(deps, connector, startedAt, report, lastProblem, false);
}

/**
 * Stores a cursor past a window read completely, on the row as it is now (an admin may have paused
 * the shop or changed its credentials meanwhile). When the cursor is no longer where this poll
 * found it, someone re-pulled: theirs wins, and the poll ends so the next one starts from there.
 */
async function moveCursor(
  deps: PollerDeps,
  connector: ConnectorRow,
  field: 'ordersCursor' | 'refundsCursor',
  to: number,
): Promise<boolean> {
  const moved = await deps.store.unit(async (tx) => {
    const current = await tx.connectors.get(connector.shopId);
    if (!current || current[field] !== connector[field]) return false;
    await tx.connectors.put({ ...current, [field]: to, updatedAt: deps.clock.now() });
    return true;
  });
  if (moved) connector[field] = to;
  return moved;
}

/** Records a finished poll: healthy again, next one after the poll interval (at once when cut short). */
async function finish(
  deps: PollerDeps,
  connector: ConnectorRow,
  startedAt: number,
  report: PollReport,
  problem: { code: string; message: string; at: number } | null,
  failedOutright: boolean,
): Promise<PollReport> {
  const now = deps.clock.now();
  const failures = failedOutright ? connector.failures + 1 : 0;
  await deps.store.unit(async (tx) => {
    const current = (await tx.connectors.get(connector.shopId)) ?? connector;
    await tx.connectors.put({
      ...current,
      lastPollAt: startedAt,
      lastSuccessAt: failedOutright ? current.lastSuccessAt : now,
      lastErrorCode: problem?.code ?? current.lastErrorCode,
      lastErrorMessage: problem?.message ?? current.lastErrorMessage,
      lastErrorAt: problem?.at ?? current.lastErrorAt,
      failures,
      // A poll cut short, or one that took a while (a first read of days of orders, a slow
      // platform), is followed at once by one covering what changed while it ran.
      nextPollAt: report.outcome === 'partial' || now - startedAt > LONG_POLL_MS ? now : now + deps.config.pollMs,
      updatedAt: now,
    });
  });
  return report;
}

/**
 * A poll that stopped on a failure its retries did not outlast: the cursor stays where the last
 * complete window left it, and the next poll comes after a backoff that grows with each failed
 * poll (a throttle's own wait when it named one; a credentials problem at the normal interval,
 * until someone fixes the shop).
 */
async function fail(
  deps: PollerDeps,
  connector: ConnectorRow,
  startedAt: number,
  report: PollReport,
  failure: PlatformFailure,
  problem: { code: string; message: string; at: number } | null,
): Promise<PollReport> {
  const now = deps.clock.now();
  const failures = connector.failures + 1;
  const { pollMs } = deps.config;
  const backoff =
    failure.kind === 'credentials' || failure.kind === 'refused'
      ? pollMs
      : Math.min(pollMs, Math.max(failure.retryAfterMs ?? 0, 2_000 * 2 ** Math.min(failures - 1, 10)));
  await deps.store.unit(async (tx) => {
    const current = (await tx.connectors.get(connector.shopId)) ?? connector;
    await tx.connectors.put({
      ...current,
      lastPollAt: startedAt,
      lastErrorCode: failure.code,
      lastErrorMessage: failure.message,
      lastErrorAt: problem?.at ?? now,
      failures,
      nextPollAt: now + backoff,
      updatedAt: now,
    });
  });
  return { ...report, outcome: 'failed', failure };
}
