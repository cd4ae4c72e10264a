/**
 * 6. The order service on loopback, in its own process with the seeded orders, once on SQLite
 * (one node) and once on PostgreSQL with two nodes, the clients sending each request to the next
 * node in turn as a round-robin balancer would:
 * - redeem latency under 200 concurrent clients, every code asked for by 4 of them at nearly the
 *   same moment, and a check that each code was redeemed exactly once: once back to back (the
 *   service saturated, where latency is about 200 ÷ throughput) and once with each client pausing
 *   about 250 ms between codes, as 200 busy counters would;
 * - push throughput: devices sending full batches of 100 notes at once;
 * - pull: admin's whole scope paged as a first sync pulls it, in orders per second.
 * The clients run in this process and share the two cores with the service, as they would not in
 * production: the figures are pessimistic.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { log, type Bench } from './context';
import { latency } from './figures';
import { buyVouchers, call, login, pool } from './service-api';

const CLIENTS = 200;
const CONTENDERS = 4;
const PUSH_DEVICES = 20;
const BATCH = 100;
const REDEEM_TARGET_MS = 20;

/** Where the clients send requests: one node, or several in turn. */
interface Target {
  /** How its figures are named: "service · " for SQLite (as before), with the engine otherwise. */
  prefix: string;
  next(): string;
}

const roundRobin = (prefix: string, urls: string[]): Target => {
  let turn = 0;
  return { prefix, next: () => urls[turn++ % urls.length]! };
};

export async function service(bench: Bench): Promise<void> {
  await measure(bench, roundRobin('service · ', [await bench.service()]));
  await measure(bench, roundRobin('service · PostgreSQL, 2 nodes · ', await bench.postgresNodes(2)));
  const client = new pg.Client({ connectionString: bench.postgresUrl! });
  await client.connect();
  const { rows } = await client.query<{ bytes: string }>('SELECT pg_database_size(current_database()) AS bytes');
  await client.end();
  bench.add({
    name: 'service · PostgreSQL database per 1M orders (after the bench wrote its notes)',
    value: ((Number(rows[0]!.bytes) / bench.orders) * 1_000_000) / 1024 / 1024,
    unit: 'MB',
    target: null,
    better: 'lower',
  });
}

async function measure(bench: Bench, target: Target): Promise<void> {
  const first = target.next();
  const codeCount = Math.min(2000, Math.max(200, Math.round(bench.orders / 500)));
  const pushIntents = Math.min(20_000, Math.max(2_000, Math.round(bench.orders / 50)));
  const admin = await login(first, 'admin');
  const clerk = await login(first, 'clerk1');
  // Counters keep their connections open: open them before measuring, not during.
  await Promise.all(Array.from({ length: CLIENTS }, () => call(`${target.next()}/v1/health`, null, 'GET')));
  for (const thinkMs of [0, 250]) {
    await redeemRun(bench, target, clerk, await buyVouchers(first, admin, codeCount), thinkMs);
  }
  await pushRun(bench, target, admin, pushIntents);
  await pullRun(bench, target, admin);
}

async function redeemRun(bench: Bench, target: Target, clerk: string, codes: string[], thinkMs: number): Promise<void> {
  const attempts = codes.flatMap((code) => Array.from({ length: CONTENDERS }, () => code));
  const latencies: number[] = [];
  const outcomes = new Map<string, number[]>();
  await pool(attempts, CLIENTS, async (code) => {
    if (thinkMs > 0) await new Promise((resolve) => setTimeout(resolve, Math.random() * 2 * thinkMs));
    const start = performance.now();
    const answer = await call(`${target.next()}/v1/redemptions/redeem`, clerk, 'POST', {
      code,
      storeId: 'ST-01',
      requestId: randomUUID(),
    });
    latencies.push(performance.now() - start);
    outcomes.set(code, [...(outcomes.get(code) ?? []), answer.status]);
  });
  const notOnce = [...outcomes.values()].filter((s) => s.filter((x) => x === 200).length !== 1).length;
  const unexpected = [...outcomes.values()].flat().filter((s) => s !== 200 && s !== 409).length;
  log(`${target.prefix}${attempts.length} redeem requests on ${codes.length} codes; ${unexpected} unexpected answers`);
  const how = thinkMs > 0 ? `pausing ~${thinkMs} ms between codes` : 'back to back';
  bench.add(
    ...latency(
      `${target.prefix}redeem, ${CLIENTS} concurrent clients ${how}, ${CONTENDERS} per code`,
      latencies,
      REDEEM_TARGET_MS,
    ),
    {
      name: `${target.prefix}codes not redeemed exactly once (${how})`,
      value: notOnce,
      unit: 'codes',
      target: 0,
      better: 'lower',
    },
  );
}

async function pushRun(bench: Bench, target: Target, admin: string, pushIntents: number): Promise<void> {
  const orders = (
    await call<{ orders: Array<{ orderNo: string }> }>(`${target.next()}/v1/orders?limit=500`, admin, 'GET')
  ).body.orders.map((o) => o.orderNo);
  const devices = await Promise.all(
    Array.from({ length: PUSH_DEVICES }, async () => {
      const deviceId = randomUUID();
      await call(`${target.next()}/v1/devices/register`, admin, 'POST', { deviceId });
      return deviceId;
    }),
  );
  const batches = Array.from({ length: Math.ceil(pushIntents / BATCH) }, (_, b) => b);
  const timings: number[] = [];
  let applied = 0;
  const start = performance.now();
  await pool(batches, PUSH_DEVICES, async (b) => {
    const intents = Array.from({ length: BATCH }, (_, i) => ({
      id: randomUUID(),
      seq: Math.floor(b / PUSH_DEVICES) * BATCH + i + 1,
      type: 'NOTE',
      payload: { orderNo: orders[(b * BATCH + i) % orders.length], text: `压测备注 ${b}-${i}` },
      clientTime: Date.now(),
    }));
    const sent = performance.now();
    const answer = await call<{ results: Array<{ status: string }> }>(`${target.next()}/v1/sync/push`, admin, 'POST', {
      deviceId: devices[b % PUSH_DEVICES],
      intents,
    });
    timings.push(performance.now() - sent);
    applied += answer.body.results.filter((r) => r.status === 'applied').length;
  });
  const seconds = (performance.now() - start) / 1000;
  log(`${target.prefix}${applied} of ${batches.length * BATCH} pushed intents applied in ${seconds.toFixed(1)} s`);
  bench.add(
    {
      name: `${target.prefix}push throughput, ${PUSH_DEVICES} devices, batches of ${BATCH}`,
      value: applied / seconds,
      unit: 'intents/s',
      target: null,
      better: 'higher',
    },
    ...latency(`${target.prefix}one push batch of ${BATCH}, ${PUSH_DEVICES} devices at once`, timings, null),
  );
}

/** admin's whole scope pulled page after page (5,000 a page, the service's largest), as a first sync. */
async function pullRun(bench: Bench, target: Target, admin: string): Promise<void> {
  let cursor = '';
  let orders = 0;
  const start = performance.now();
  for (;;) {
    const page = await call<{ changes: Array<{ type: string }>; cursor: string; hasMore: boolean }>(
      `${target.next()}/v1/sync/pull?cursor=${cursor}&limit=5000`,
      admin,
      'GET',
    );
    if (page.status !== 200) throw new Error(`pull answered ${page.status}`);
    orders += page.body.changes.filter((c) => c.type === 'order').length;
    cursor = page.body.cursor;
    if (!page.body.hasMore) break;
  }
  const seconds = (performance.now() - start) / 1000;
  log(`${target.prefix}pulled ${orders} orders in ${seconds.toFixed(1)} s`);
  bench.add({
    name: `${target.prefix}pull of admin's whole scope, pages of 5,000`,
    value: orders / seconds,
    unit: 'orders/s',
    target: null,
    better: 'higher',
  });
}
