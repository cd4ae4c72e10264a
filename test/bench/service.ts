/**
 * 6. The order service on loopback, in its own process with the seeded orders:
 * - redeem latency under 200 concurrent clients, every code asked for by 4 of them at nearly the
 *   same moment, and a check that each code was redeemed exactly once: once back to back (the
 *   service saturated, where latency is about 200 ÷ throughput) and once with each client pausing
 *   about 250 ms between codes, as 200 busy counters would;
 * - push throughput: devices sending full batches of 100 notes at once.
 * The clients run in this process and share the two cores with the service, as they would not in
 * production: the figures are pessimistic.
 */
import { randomUUID } from 'node:crypto';
import { log, type Bench } from './context';
import { latency } from './figures';
import { buyVouchers, call, login, pool } from './service-api';

const CLIENTS = 200;
const CONTENDERS = 4;
const PUSH_DEVICES = 20;
const BATCH = 100;
const REDEEM_TARGET_MS = 20;

export async function service(bench: Bench): Promise<void> {
  const url = await bench.service();
  const codeCount = Math.min(2000, Math.max(200, Math.round(bench.orders / 500)));
  const pushIntents = Math.min(20_000, Math.max(2_000, Math.round(bench.orders / 50)));
  const admin = await login(url, 'admin');
  const clerk = await login(url, 'clerk1');
  // Counters keep their connections open: open them before measuring, not during.
  await Promise.all(Array.from({ length: CLIENTS }, () => call(`${url}/v1/health`, null, 'GET')));
  for (const thinkMs of [0, 250]) {
    await redeemRun(bench, url, clerk, await buyVouchers(url, admin, codeCount), thinkMs);
  }
  await pushRun(bench, url, admin, pushIntents);
}

async function redeemRun(bench: Bench, url: string, clerk: string, codes: string[], thinkMs: number): Promise<void> {
  const attempts = codes.flatMap((code) => Array.from({ length: CONTENDERS }, () => code));
  const latencies: number[] = [];
  const outcomes = new Map<string, number[]>();
  await pool(attempts, CLIENTS, async (code) => {
    if (thinkMs > 0) await new Promise((resolve) => setTimeout(resolve, Math.random() * 2 * thinkMs));
    const start = performance.now();
    const answer = await call(`${url}/v1/redemptions/redeem`, clerk, 'POST', {
      code,
      storeId: 'ST-01',
      requestId: randomUUID(),
    });
    latencies.push(performance.now() - start);
    outcomes.set(code, [...(outcomes.get(code) ?? []), answer.status]);
  });
  const notOnce = [...outcomes.values()].filter((s) => s.filter((x) => x === 200).length !== 1).length;
  const unexpected = [...outcomes.values()].flat().filter((s) => s !== 200 && s !== 409).length;
  log(`service: ${attempts.length} redeem requests on ${codes.length} codes; ${unexpected} unexpected answers`);
  const how = thinkMs > 0 ? `pausing ~${thinkMs} ms between codes` : 'back to back';
  bench.add(
    ...latency(
      `service · redeem, ${CLIENTS} concurrent clients ${how}, ${CONTENDERS} per code`,
      latencies,
      REDEEM_TARGET_MS,
    ),
    {
      name: `service · codes not redeemed exactly once (${how})`,
      value: notOnce,
      unit: 'codes',
      target: 0,
      better: 'lower',
    },
  );
}

async function pushRun(bench: Bench, url: string, admin: string, pushIntents: number): Promise<void> {
  const orders = (
    await call<{ orders: Array<{ orderNo: string }> }>(`${url}/v1/orders?limit=500`, admin, 'GET')
  ).body.orders.map((o) => o.orderNo);
  const devices = await Promise.all(
    Array.from({ length: PUSH_DEVICES }, async () => {
      const deviceId = randomUUID();
      await call(`${url}/v1/devices/register`, admin, 'POST', { deviceId });
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
    const answer = await call<{ results: Array<{ status: string }> }>(`${url}/v1/sync/push`, admin, 'POST', {
      deviceId: devices[b % PUSH_DEVICES],
      intents,
    });
    timings.push(performance.now() - sent);
    applied += answer.body.results.filter((r) => r.status === 'applied').length;
  });
  const seconds = (performance.now() - start) / 1000;
  log(`service: ${applied} of ${batches.length * BATCH} pushed intents applied in ${seconds.toFixed(1)} s`);
  bench.add(
    {
      name: `service · push throughput, ${PUSH_DEVICES} devices, batches of ${BATCH}`,
      value: applied / seconds,
      unit: 'intents/s',
      target: null,
      better: 'higher',
    },
    ...latency(`service · one push batch of ${BATCH}, ${PUSH_DEVICES} devices at once`, timings, null),
  );
}
