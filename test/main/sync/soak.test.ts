import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderDetail } from '../../../src/shared/contract/orders';
import type { OrderRecord } from '../../../src/shared/contract/records';
import type { ParcelInput } from '../../../src/shared/contract/sync';
import { expectConverged, expectEachIntentOnce, serviceIntentOutcomes, serviceOrders } from '../../support/convergence';
import { openTestDesk, type TestDesk } from '../../support/desk';
import { startFaultProxy, type Fault, type FaultProxy } from '../../support/fault-proxy';
import { startTestService, type TestService } from '../../support/service';
import { nextTrackingNo } from './fixtures';

/** Replay a failed run with SOAK_SEED=<the seed in the failure>; SOAK_MS sets how long the desks work. */
const SEED = Number(process.env.SOAK_SEED ?? Math.floor(Math.random() * 2 ** 31));
const ACTIVE_MS = Number(process.env.SOAK_MS ?? 15_000);

/** mulberry32: small, fast, and the same sequence for the same seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface SoakDesk {
  desk: TestDesk;
  username: string;
  proxy: FaultProxy;
  random: () => number;
  /** Rounds started and not yet finished: the user keeps working while they run. */
  rounds: Set<Promise<unknown>>;
}

/**
 * Several desks work on the same orders at once, behind proxies that drop answers after the
 * service committed, answer 500, cut bodies, send garbage, stall and refuse connections, at random.
 * Afterwards, on a clean network: every desk equals the service, and every intent any desk queued
 * had its effect on the service exactly once (or was refused and had none).
 */
describe('randomized soak: desks, faults and syncs at random', () => {
  let service: TestService;
  const desks: SoakDesk[] = [];
  const log: string[] = [];

  // Four desks, each signing in and making its first sync: real work, tens of seconds on a loaded two-core machine.
  beforeAll(async () => {
    service = await startTestService();
    const clocks = { warehouse1: -3 * 3_600_000, service1: 7 * 60_000, admin: 2 * 3_600_000 };
    for (const [i, username] of ['warehouse1', 'warehouse1', 'service1', 'admin'].entries()) {
      const proxy = await startFaultProxy(service.url);
      const desk = openTestDesk(service, {
        serviceUrl: proxy.url,
        requestTimeoutMs: 1_000,
        clockOffsetMs: clocks[username as keyof typeof clocks] + i * 1_000,
      });
      await desk.signIn(username);
      await desk.sync();
      desks.push({ desk, username, proxy, random: prng(SEED + i + 1), rounds: new Set() });
    }
  }, 60_000);
  afterAll(async () => {
    for (const { desk, proxy } of desks) {
      proxy.clear();
      await proxy.restore();
      await desk.dispose();
      await proxy.close();
    }
    await service.close();
  });

  it(`keeps every desk's work exactly once under random faults (seed ${SEED})`, async () => {
    try {
      await soak();
    } catch (error) {
      const e = error as Error;
      e.message = `[soak seed ${SEED}: replay with SOAK_SEED=${SEED}]\n${e.message}\nlast steps:\n${log.slice(-40).join('\n')}`;
      throw e;
    }
  }, 60_000);

  async function soak(): Promise<void> {
    const random = prng(SEED);
    const pick = <T>(from: readonly T[], r = random): T => from[Math.floor(r() * from.length)]!;
    const before = await serviceOrders(service, 'admin');
    // The hot orders every desk can see (warehouse 1's), shippable ones and a few unpaid ones, so
    // that desks collide: two ship the same order, one locks what another ships, one cancels.
    const [first] = desks;
    const scoped = [...(await serviceOrders(service, 'warehouse1')).values()];
    const shippable = scoped.filter(
      (o) =>
        o.status === 'PENDING_SHIPMENT' &&
        !o.locked &&
        o.exception === null &&
        o.afterSales.length === 0 &&
        o.lines.some((l) => l.quantity - l.shippedQuantity - l.refundedQuantity > 0),
    );
    const unpaid = scoped.filter((o) => o.status === 'PENDING_PAYMENT');
    // A seeded shuffle, then a fixed number: a coin per order sometimes left too few to collide.
    const someOf = <T>(items: T[], n: number): T[] =>
      items
        .map((item) => ({ item, key: random() }))
        .sort((a, b) => a.key - b.key)
        .slice(0, n)
        .map(({ item }) => item);
    const hot = [...someOf(shippable, 24), ...someOf(unpaid, 6)].map((o) => o.orderNo);
    expect(hot.length, 'hot orders').toBeGreaterThan(10);
    const all = (d: SoakDesk) =>
      d.desk.db().prepare('SELECT order_no FROM orders ORDER BY order_no').pluck().all() as string[];
    const ownOrders = new Map(desks.map((d) => [d, all(d)]));
    expect(ownOrders.get(first!)!.length).toBeGreaterThan(0);
    let notes = 0;

    const act = async (d: SoakDesk): Promise<void> => {
      const r = d.random;
      const orderNo = r() < 0.75 ? pick(hot, r) : pick(ownOrders.get(d)!, r);
      const detail = await d.desk.call('orders.detail', { orderNo });
      if (!detail.ok) return;
      const order = detail.value as OrderDetail;
      const roll = r();
      let procedure: string;
      let input: unknown;
      if (roll < 0.4) {
        procedure = 'orders.ship';
        input = { orderNo, parcels: parcelsFor(order, r) };
      } else if (roll < 0.65) {
        procedure = 'orders.note';
        input = { orderNo, text: `巡检【#${++notes}】` };
      } else if (roll < 0.8) {
        procedure = 'orders.lock';
        input = { orderNo, reason: '风控复核' };
      } else if (roll < 0.93) {
        procedure = 'orders.unlock';
        input = { orderNo };
      } else {
        procedure = 'orders.cancel';
        input = { orderNo, reason: '客户要求取消' };
      }
      // The desk may refuse (a role without the right, an order in the wrong state): that is fine.
      const result = await d.desk.call(procedure, input);
      log.push(`${d.desk.deviceId.slice(-2)} ${procedure} ${orderNo} → ${result.ok ? 'ok' : result.error.code}`);
    };

    const faultFor = (r: () => number): Fault =>
      pick<Fault>(
        [
          { kind: 'drop-response' },
          { kind: 'status', status: 500 },
          { kind: 'status', status: 503 },
          { kind: 'truncate' },
          { kind: 'garbage', body: '{"results": [{"id": 1}]}' },
          { kind: 'garbage', body: '{"changes": "lots", "cursor": 5}' },
          { kind: 'garbage', body: '<html>bad gateway</html>' },
          { kind: 'delay', ms: 50 + Math.floor(r() * 400) },
          { kind: 'delay', ms: 1_200 },
        ],
        r,
      );

    const deadline = Date.now() + ACTIVE_MS;
    const work = async (d: SoakDesk): Promise<void> => {
      const r = d.random;
      while (Date.now() < deadline) {
        const roll = r();
        if (roll < 0.5) await act(d);
        else if (roll < 0.72) {
          // A sync round in the background, as the engine runs it: the desk goes on working meanwhile.
          const round = d.desk.sync().finally(() => d.rounds.delete(round));
          d.rounds.add(round);
          log.push(`${d.desk.deviceId.slice(-2)} sync`);
        } else if (roll < 0.9) {
          const fault = faultFor(r);
          const path = pick([undefined, '/v1/sync/push', '/v1/sync/pull'], r);
          d.proxy.inject(fault, { times: 1 + Math.floor(r() * 3), ...(path ? { path } : {}) });
          log.push(`${d.desk.deviceId.slice(-2)} fault ${JSON.stringify(fault)} on ${path ?? 'any'}`);
        } else if (roll < 0.95) {
          await d.proxy.refuse();
          log.push(`${d.desk.deviceId.slice(-2)} refuse`);
        } else {
          await d.proxy.restore();
          log.push(`${d.desk.deviceId.slice(-2)} restore`);
        }
        if (r() < 0.05) service.clock.advance(Math.floor(r() * 10 * 60_000));
        await new Promise((resolve) => setTimeout(resolve, Math.floor(r() * 40)));
      }
    };
    await Promise.all(desks.map(work));

    // A clean network: every desk syncs until nothing is left to send, then once more for the others' news.
    for (const d of desks) {
      d.proxy.clear();
      await d.proxy.restore();
    }
    await Promise.all(desks.flatMap((d) => [...d.rounds]));
    const anyQueued = async () =>
      (await Promise.all(desks.map((d) => d.desk.status()))).some((status) => status.queued > 0);
    for (let round = 0; round < 5 && (await anyQueued()); round++) {
      for (const d of desks) await d.desk.sync();
    }
    for (const d of desks) {
      expect(await d.desk.sync(), d.username).toMatchObject({ online: true, queued: 0, lastError: null });
    }

    const intents = desks.flatMap((d) =>
      (
        d.desk.db().prepare('SELECT id, type, payload, state FROM outbox').all() as Array<{
          id: string;
          type: string;
          payload: string;
          state: string;
        }>
      ).map((row) => ({ ...row, payload: JSON.parse(row.payload) as Record<string, unknown> })),
    );
    log.push(`${intents.length} intents: ${JSON.stringify(countBy(intents, (i) => `${i.type} ${i.state}`))}`);
    expect(intents.length, 'the desks did some work').toBeGreaterThan(20);
    if (process.env.SOAK_VERBOSE) console.log(log.slice(-1)[0], log.length);
    await expectEachIntentOnce(
      desks.map((d) => d.desk),
      service,
    );
    for (const d of desks) await expectConverged(d.desk, service, d.username);

    // No effect twice: per order, the service's timeline grew by exactly the intents it applied.
    const outcomes = await serviceIntentOutcomes(service);
    const after = await serviceOrders(service, 'admin');
    const applied = intents.filter((i) => outcomes.get(i.id) === 'applied');
    for (const [orderNo, order] of after) {
      const grown = countBy(order.timeline.slice(before.get(orderNo)?.timeline.length ?? 0), (t) => t.action);
      const expected = countBy(
        applied.filter((i) => i.payload.orderNo === orderNo),
        (i) => i.type,
      );
      expect(grown, orderNo).toEqual(expected);
      const trackingNos = order.waybills.map((w) => w.trackingNo);
      expect(new Set(trackingNos).size, `${orderNo} waybills ${trackingNos.join(',')}`).toBe(trackingNos.length);
    }
    // Each shipped parcel is on its order once; each note once; a refused intent left no trace.
    const waybillsOf = new Map<string, string>();
    for (const order of after.values()) for (const w of order.waybills) waybillsOf.set(w.trackingNo, order.orderNo);
    for (const intent of intents) {
      const order = after.get(intent.payload.orderNo as string)!;
      const done = outcomes.get(intent.id) === 'applied';
      if (intent.type === 'SHIP') {
        for (const parcel of intent.payload.parcels as ParcelInput[]) {
          expect(waybillsOf.get(parcel.trackingNo), parcel.trackingNo).toBe(done ? order.orderNo : undefined);
        }
      }
      if (intent.type === 'NOTE') {
        const text = intent.payload.text as string;
        expect(
          order.timeline.filter((t) => t.action === 'NOTE' && t.detail === text),
          text,
        ).toHaveLength(done ? 1 : 0);
      }
    }
  }
});

/** Everything left to ship, in one parcel or two, or one unit of one line (a partial shipment). */
function parcelsFor(order: OrderRecord, r: () => number): ParcelInput[] {
  const left = order.lines
    .map((l) => ({ lineNo: l.lineNo, quantity: l.quantity - l.shippedQuantity - l.refundedQuantity }))
    .filter((l) => l.quantity > 0);
  if (left.length === 0) return [{ carrier: 'SF', trackingNo: nextTrackingNo(), lines: [{ lineNo: 1, quantity: 1 }] }];
  const roll = r();
  if (roll < 0.3) return [{ carrier: 'SF', trackingNo: nextTrackingNo(), lines: [{ ...left[0]!, quantity: 1 }] }];
  if (roll < 0.5 && left.length > 1) {
    return [
      { carrier: 'SF', trackingNo: nextTrackingNo(), lines: left.slice(0, 1) },
      { carrier: 'SF', trackingNo: nextTrackingNo(), lines: left.slice(1) },
    ];
  }
  return [{ carrier: 'SF', trackingNo: nextTrackingNo(), lines: left }];
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}
