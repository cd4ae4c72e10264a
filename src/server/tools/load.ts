/**
 * One load run by hand, on loopback only:
 *
 *   node --import tsx src/server/tools/load.ts [--clients 200] [--codes 2000] [--contenders 4]
 *        [--push-intents 20000] [--push-devices 20] [--orders 20000] [--think 0]
 *
 * Starts a demo service in a child process (its own CPU, a temp data directory), then measures
 * 1. redeem latency under `clients` concurrent clients, every code contended by `contenders` of
 *    them at once, and checks that each code was redeemed exactly once;
 * 2. push throughput: batches of 100 intents from `push-devices` devices at once;
 * 3. a full first sync of every order, paged at 5000.
 * Every phase is bounded; the whole run stops after ten minutes whatever happens.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { OrderRecord } from '../../shared/contract/records';
import { DEMO_PASSWORD, DEMO_PRODUCTS } from '../demo/company';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '200' },
    codes: { type: 'string', default: '2000' },
    contenders: { type: 'string', default: '4' },
    'push-intents': { type: 'string', default: '20000' },
    'push-devices': { type: 'string', default: '20' },
    think: { type: 'string', default: '0' },
    orders: { type: 'string', default: '20000' },
  },
});
const CLIENTS = Number(values.clients);
const CODES = Number(values.codes);
const CONTENDERS = Number(values.contenders);
const PUSH_INTENTS = Number(values['push-intents']);
const PUSH_DEVICES = Number(values['push-devices']);
const ORDERS = Number(values.orders);
/** Mean pause of a client between two redemptions (0: back to back, i.e. saturation). */
const THINK_MS = Number(values.think);
const RUN_LIMIT_MS = 10 * 60_000;

interface Answer<T> {
  status: number;
  body: T;
}

/**
 * Plain node:http with keep-alive rather than fetch: at thousands of requests a second the load
 * generator's own overhead would otherwise be what is measured (it shares the machine).
 */
const agent = new Agent({ keepAlive: true, maxSockets: 1024 });

function call<T>(url: string, token: string | null, method: string, body?: unknown): Promise<Answer<T>> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method,
        agent,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(payload === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

function startService(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/server/cli.ts',
      '--demo',
      '--port',
      '0',
      '--data',
      dataDir,
      '--demo-orders',
      String(ORDERS),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      if (url) resolve({ child, url });
    });
    child.once('exit', (code) => reject(new Error(`service exited with ${code}: ${out}`)));
  });
}

/** Runs `work` for every item with at most `concurrency` at once, in order of the items. */
async function pool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'order-service-load-'));
  const seeding = performance.now();
  const { child, url } = await startService(dataDir);
  const guard = setTimeout(() => {
    console.error('load run took too long; stopping');
    child.kill('SIGTERM');
    process.exit(2);
  }, RUN_LIMIT_MS);
  console.log(
    `service ${url} ready with ${ORDERS} demo orders after ${((performance.now() - seeding) / 1000).toFixed(1)} s`,
  );
  try {
    const login = async (username: string) =>
      (await call<{ token: string }>(`${url}/v1/auth/login`, null, 'POST', { username, password: DEMO_PASSWORD })).body
        .token;
    const admin = await login('admin');
    const clerk = await login('clerk1');

    // Codes to redeem: single-use service vouchers, bought and paid by demo buyers.
    const vouchers = DEMO_PRODUCTS.filter((p) => p.kind === 'SERVICE' && p.onSale && p.uses === 1).map((p) => p.sku);
    const codes: string[] = [];
    await pool(
      Array.from({ length: CODES }, (_, i) => i),
      16,
      async (i) => {
        const placed = await call<{ parentNo: string }>(`${url}/v1/demo/orders`, admin, 'POST', {
          lines: [{ sku: vouchers[i % vouchers.length], quantity: 1 }],
          storeId: 'ST-01',
        });
        const paid = await call<{ orders: OrderRecord[] }>(
          `${url}/v1/demo/orders/${placed.body.parentNo}/pay`,
          admin,
          'POST',
          {},
        );
        codes.push(paid.body.orders[0]!.redemptionCode!.code);
      },
    );

    // Counters keep their connections open: open them before measuring, not during.
    await Promise.all(Array.from({ length: CLIENTS }, () => call(`${url}/v1/health`, null, 'GET')));

    // 1. Redeem: every code requested by CONTENDERS clients at nearly the same moment.
    const attempts = codes.flatMap((code) => Array.from({ length: CONTENDERS }, () => code));
    const latencies: number[] = [];
    const outcomes = new Map<string, number[]>();
    const redeemStart = performance.now();
    await pool(attempts, CLIENTS, async (code) => {
      if (THINK_MS > 0) await new Promise((resolve) => setTimeout(resolve, Math.random() * 2 * THINK_MS));
      const t = performance.now();
      const answer = await call(`${url}/v1/redemptions/redeem`, clerk, 'POST', {
        code,
        storeId: 'ST-01',
        requestId: randomUUID(),
      });
      latencies.push(performance.now() - t);
      outcomes.set(code, [...(outcomes.get(code) ?? []), answer.status]);
    });
    const redeemSeconds = (performance.now() - redeemStart) / 1000;
    latencies.sort((a, b) => a - b);
    const doubles = [...outcomes.values()].filter((s) => s.filter((x) => x === 200).length !== 1).length;
    const unexpected = [...outcomes.values()].flat().filter((s) => s !== 200 && s !== 409).length;

    // 2. Push: devices sending full batches of notes at once (each note a timeline entry and a new sequence).
    const orders = (await call<{ orders: OrderRecord[] }>(`${url}/v1/orders?limit=500`, admin, 'GET')).body.orders.map(
      (o) => o.orderNo,
    );
    const devices = await Promise.all(
      Array.from({ length: PUSH_DEVICES }, async () => {
        const deviceId = randomUUID();
        await call(`${url}/v1/devices/register`, admin, 'POST', { deviceId });
        return deviceId;
      }),
    );
    const batches = Array.from({ length: Math.ceil(PUSH_INTENTS / 100) }, (_, b) => b);
    let applied = 0;
    const pushStart = performance.now();
    await pool(batches, PUSH_DEVICES, async (b) => {
      const intents = Array.from({ length: 100 }, (_, i) => ({
        id: randomUUID(),
        seq: b * 100 + i + 1,
        type: 'NOTE',
        payload: { orderNo: orders[(b * 100 + i) % orders.length], text: `压测备注 ${b}-${i}` },
        clientTime: Date.now(),
      }));
      const answer = await call<{ results: Array<{ status: string }> }>(`${url}/v1/sync/push`, admin, 'POST', {
        deviceId: devices[b % devices.length],
        intents,
      });
      applied += answer.body.results.filter((r) => r.status === 'applied').length;
    });
    const pushSeconds = (performance.now() - pushStart) / 1000;

    // 3. A full first sync of everything, as a new admin desk would do.
    const pullStart = performance.now();
    let cursor = '';
    let pulled = 0;
    let bytes = 0;
    for (;;) {
      const response = await fetch(`${url}/v1/sync/pull?cursor=${cursor}&limit=5000`, {
        headers: { authorization: `Bearer ${admin}` },
      });
      const text = await response.text();
      bytes += Buffer.byteLength(text);
      const page = JSON.parse(text) as { changes: Array<{ type: string }>; cursor: string; hasMore: boolean };
      pulled += page.changes.filter((c) => c.type === 'order').length;
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    const pullSeconds = (performance.now() - pullStart) / 1000;

    console.log(
      `\nredeem: ${attempts.length} requests on ${codes.length} codes, ${CLIENTS} concurrent clients, ${CONTENDERS} per code, think ${THINK_MS} ms`,
    );
    console.log(
      `  p50 ${ms(percentile(latencies, 50))}  p95 ${ms(percentile(latencies, 95))}  p99 ${ms(percentile(latencies, 99))}  max ${ms(latencies.at(-1) ?? NaN)}`,
    );
    console.log(
      `  ${(attempts.length / redeemSeconds).toFixed(0)} requests/s; codes not redeemed exactly once: ${doubles}; unexpected answers: ${unexpected}`,
    );
    console.log(
      `push: ${applied} of ${batches.length * 100} intents applied in ${pushSeconds.toFixed(2)} s = ${(applied / pushSeconds).toFixed(0)} intents/s (${PUSH_DEVICES} devices, batches of 100)`,
    );
    console.log(
      `pull: ${pulled} orders (${(bytes / 1e6).toFixed(0)} MB) in ${pullSeconds.toFixed(2)} s = ${(pulled / pullSeconds).toFixed(0)} orders/s`,
    );
    if (doubles > 0 || unexpected > 0) process.exitCode = 1;
  } finally {
    clearTimeout(guard);
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
