import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { PlatformRefund } from '../../../src/server/connectors/platform';
import {
  DEFAULT_CONNECTOR_CONFIG,
  pollShop,
  type IntakeOutcome,
  type PollerDeps,
} from '../../../src/server/connectors/poller';
import { sealSecrets } from '../../../src/server/connectors/shop-secrets';
import { startStub } from '../../../src/server/connectors/stub/start';
import type { RunningStub } from '../../../src/server/connectors/stub/server';
import type { ConnectorRow, ConnectorsRepo } from '../../../src/server/storage/connectors';
import type { Store, Tx } from '../../../src/server/storage/repositories';
import { systemClock } from '../../../src/server/timers/clock';
import type { ExternalOrder } from '../../../src/shared/external/order';

/**
 * The poll loop against a real stub gateway, with the intake pipeline and the store stood in for
 * by memory (the whole path through the real service is test/server/connectors/connector.test.ts).
 */
let stub: RunningStub | null = null;
afterEach(async () => {
  await stub?.close();
  stub = null;
});

function memoryStore(row: ConnectorRow): { store: Store; row: () => ConnectorRow; refunds: PlatformRefund[] } {
  let current = row;
  const refunds: PlatformRefund[] = [];
  const connectors: ConnectorsRepo = {
    get: async () => current,
    list: async () => [current],
    due: async (now) => (current.nextPollAt <= now && !current.paused ? [current] : []),
    put: async (next) => void (current = { ...next }),
    putRefund: async (_shop, refund) => void refunds.push(refund),
    refundsOf: async (_shop, no) => refunds.filter((r) => r.externalOrderNo === no),
    counts: async () => ({ ordersLastHour: 0, deadLetters: 0 }),
  };
  const store = { unit: async <T>(work: (tx: Tx) => Promise<T>) => work({ connectors } as Tx), close: async () => {} };
  return { store: store as Store, row: () => current, refunds };
}

function recordingIntake() {
  const seen = new Map<string, ExternalOrder>();
  const counts = { created: 0, updated: 0, unchanged: 0 };
  return {
    seen,
    counts,
    async receive(_shop: string, order: ExternalOrder): Promise<IntakeOutcome> {
      const before = seen.get(order.externalOrderNo);
      seen.set(order.externalOrderNo, order);
      const outcome = !before ? 'created' : JSON.stringify(before) === JSON.stringify(order) ? 'unchanged' : 'updated';
      counts[outcome]++;
      return outcome;
    },
  };
}

async function setUp(orders: number, options: { secret?: string; timeoutMs?: number } = {}) {
  stub = await startStub({ platform: 'taobao', orders, seed: 21 });
  const key = randomBytes(32);
  const now = Date.now();
  const memory = memoryStore({
    shopId: 'TB-1',
    platform: 'taobao',
    gateway: stub.url,
    appKey: stub.credentials.appKey,
    sealedSecrets: sealSecrets(key, {
      appSecret: options.secret ?? stub.credentials.appSecret,
      session: stub.credentials.session,
    }),
    paused: false,
    ordersCursor: now - 3 * 24 * 3_600_000,
    refundsCursor: now - 3 * 24 * 3_600_000,
    nextPollAt: now,
    lastPollAt: null,
    lastSuccessAt: null,
    lastErrorCode: null,
    lastErrorMessage: null,
    lastErrorAt: null,
    failures: 0,
    createdAt: now,
    updatedAt: now,
  });
  const intake = recordingIntake();
  const waits: number[] = [];
  const deps: PollerDeps = {
    store: memory.store,
    clock: systemClock,
    key,
    intake,
    // Every window of the look-back in one poll: these stories are about one poll at a time.
    config: { ...DEFAULT_CONNECTOR_CONFIG, timeoutMs: options.timeoutMs ?? 3_000, maxWindowsPerPoll: 1_000 },
    sleep: async (ms) => void waits.push(ms),
  };
  return { stub, deps, memory, intake, waits };
}

describe('polling a shop', () => {
  it('reads every order once, moves the cursor, and a second poll only re-reads the overlap', async () => {
    const { stub, deps, memory, intake } = await setUp(150);
    const first = await pollShop(deps, 'TB-1');
    expect(first).toMatchObject({ outcome: 'done', created: 150, skipped: 0, failure: null });
    expect([...intake.seen.keys()].sort()).toEqual(
      stub.world
        .orders()
        .map((o) => o.id)
        .sort(),
    );
    expect(memory.row()).toMatchObject({ failures: 0, lastErrorCode: null });
    expect(memory.row().ordersCursor).toBeGreaterThan(Date.now() - 10_000);
    const second = await pollShop(deps, 'TB-1');
    expect(second).toMatchObject({ outcome: 'done', created: 0, updated: 0 });
    expect(second.unchanged).toBeLessThan(20);
  });

  it('survives a throttle by waiting what TOP asks, and shows it as the last error', async () => {
    const { stub, deps, memory, waits } = await setUp(40);
    stub.addFault({ kind: 'throttle', method: 'taobao.trade.fullinfo.get', times: 2 });
    const report = await pollShop(deps, 'TB-1');
    expect(report).toMatchObject({ outcome: 'done', created: 40 });
    expect(waits).toEqual([1000, 1000]);
    expect(memory.row()).toMatchObject({
      failures: 0,
      lastErrorCode: 'TOP_7:accesscontrol.limited-by-app-access-count',
    });
  });

  it('stops on a 500 its retries do not outlast, keeps the cursor, and the next poll misses nothing', async () => {
    const { stub, deps, memory, intake } = await setUp(80);
    const startCursor = memory.row().ordersCursor;
    let served = 0;
    const gate = { kind: 'http500' as const, method: 'taobao.trade.fullinfo.get', times: -1 };
    // Let 30 orders through, then the gateway fails until cleared.
    const original = deps.intake.receive.bind(deps.intake);
    deps.intake = {
      receive: async (shop, order, refunds) => {
        if (++served === 30) stub.addFault(gate);
        return original(shop, order, refunds);
      },
    };
    const failed = await pollShop(deps, 'TB-1');
    expect(failed).toMatchObject({ outcome: 'failed', failure: { code: 'HTTP_500', kind: 'transient' } });
    expect(memory.row()).toMatchObject({ failures: 1, lastErrorCode: 'HTTP_500' });
    expect(memory.row().ordersCursor).toBeLessThan(Date.now() - 60_000);
    expect(memory.row().ordersCursor).toBeGreaterThanOrEqual(startCursor);
    expect(memory.row().nextPollAt).toBeGreaterThan(Date.now());
    stub.clearFaults();
    const resumed = await pollShop(deps, 'TB-1');
    expect(resumed).toMatchObject({ outcome: 'done', failure: null });
    expect(intake.seen.size).toBe(80);
    expect(memory.row().failures).toBe(0);
    expect(memory.row().lastErrorCode).toBe('HTTP_500');
  });

  it('survives a gateway that does not answer, by its timeout', async () => {
    const { stub, deps, memory } = await setUp(20, { timeoutMs: 300 });
    stub.addFault({ kind: 'hang', method: 'taobao.trades.sold.increment.get', times: 1 });
    const report = await pollShop(deps, 'TB-1');
    expect(report).toMatchObject({ outcome: 'done', created: 20 });
    expect(memory.row().lastErrorCode).toBe('TIMEOUT');
  });

  it('stops at once when the service stops while a call hangs: what it took stays, the shop owes nothing, the next poll misses nothing', async () => {
    // A platform that stops answering mid-poll, with a timeout long enough that only the stop can end it.
    const { stub, deps, memory, intake } = await setUp(40, { timeoutMs: 60_000 });
    const before = memory.row();
    const stopping = new AbortController();
    deps.stop = stopping.signal;
    const original = deps.intake.receive.bind(deps.intake);
    deps.intake = {
      receive: async (shop, order, refunds) => {
        if (intake.seen.size === 9) stub.addFault({ kind: 'hang', method: 'taobao.trade.fullinfo.get', times: -1 });
        return original(shop, order, refunds);
      },
    };
    const polling = pollShop(deps, 'TB-1');
    while (!stub.calls().some((c) => c.outcome === 'hang')) await new Promise((r) => setTimeout(r, 20));

    const stoppedAt = Date.now();
    stopping.abort();
    const report = await polling;
    expect(Date.now() - stoppedAt).toBeLessThan(5_000);
    expect(report).toMatchObject({ outcome: 'partial', created: 10, failure: null });
    expect(intake.seen.size).toBe(10);
    // Nothing recorded against the shop: no failure, no poll, the cursor where the last whole window left it.
    expect(memory.row()).toMatchObject({
      failures: 0,
      lastErrorCode: null,
      lastPollAt: null,
      nextPollAt: before.nextPollAt,
    });
    expect(memory.row().ordersCursor).toBeLessThanOrEqual(
      Math.min(
        ...stub.world
          .orders()
          .filter((o) => !intake.seen.has(o.id))
          .map((o) => o.modifiedAt),
      ),
    );
    expect(await pollShop(deps, 'TB-1')).toMatchObject({ outcome: 'skipped' });

    stub.clearFaults();
    delete deps.stop;
    const resumed = await pollShop(deps, 'TB-1');
    expect(resumed).toMatchObject({ outcome: 'done', created: 30, failure: null });
    expect(intake.seen.size).toBe(40);
  });

  it('shows a wrong app secret as the platform’s own refusal and polls it again at the normal interval', async () => {
    const { deps, memory } = await setUp(5, { secret: 'wrong-secret' });
    const report = await pollShop(deps, 'TB-1');
    expect(report).toMatchObject({ outcome: 'failed', failure: { kind: 'credentials', code: 'TOP_25' } });
    expect(memory.row()).toMatchObject({ failures: 1, lastErrorCode: 'TOP_25', lastErrorMessage: 'Invalid signature' });
    expect(memory.row().nextPollAt - Date.now()).toBeGreaterThan(DEFAULT_CONNECTOR_CONFIG.pollMs - 5_000);
  });

  it('keeps the refunds it lists and re-reads their orders so a request intercepts shipping', async () => {
    const { stub, deps, memory, intake } = await setUp(30);
    await pollShop(deps, 'TB-1');
    const order = stub.world.orders().find((o) => o.state === 'PAID' && o.refunds.length === 0)!;
    await new Promise((r) => setTimeout(r, 1100));
    stub.world.requestRefund(order.id, Date.now());
    const before = intake.seen.get(order.id)!.refundStatus;
    await new Promise((r) => setTimeout(r, deps.config.settleMs + 1100));
    await pollShop(deps, 'TB-1');
    expect(before).toBe('NONE');
    expect(intake.seen.get(order.id)!.refundStatus).toBe('IN_PROGRESS');
    expect(memory.refunds.map((r) => r.externalOrderNo)).toContain(order.id);
  });
});
