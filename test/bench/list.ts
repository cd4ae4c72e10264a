/**
 * 2. A list page of 200 rows (orders.window, what the virtualized list asks for) for typical
 * filter combinations at the first, a middle and the last page, in main (the dispatcher, as the
 * IPC handler calls it) and through the HTTP transport of browser mode. A result's first window
 * also pays for its anchor pass (total and anchors); that is timed on its own, after forgetting
 * the remembered windows, because it is what a user waits for after changing a filter.
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { forgetWindows } from '../../src/main/db/query/window';
import { startHttpBridge } from '../../src/main/transport/http-bridge';
import type { OrderListFilter, OrderListWindowInput, OrderSort } from '../../src/shared/contract/orders';
import { budget, log, type Bench, type Desk } from './context';
import { latency } from './figures';
import { call } from './service-api';

const MAIN_TARGET_MS = 10;
const HTTP_TARGET_MS = 20;
const ROWS = 200;
const DAY = 86_400_000;

interface Combination {
  name: string;
  filter: OrderListFilter;
  sort: OrderSort;
}

const newest: OrderSort = { field: 'createdAt', direction: 'desc' };

/** Relative to the newest order in the store, so any seed's dates fit. */
export function combinations(latest: number): Combination[] {
  return [
    { name: 'all, newest first', filter: {}, sort: newest },
    { name: '待发货 tab', filter: { statuses: ['PENDING_SHIPMENT'] }, sort: newest },
    {
      name: 'WH-SH 待发货, oldest paid first',
      filter: { statuses: ['PENDING_SHIPMENT'], warehouseIds: ['WH-SH'] },
      sort: { field: 'paidAt', direction: 'asc' },
    },
    { name: '交易关闭 (rare), newest first', filter: { statuses: ['CLOSED'] }, sort: newest },
    {
      name: 'TMALL + 广东省 + paid, amount high first',
      filter: { platforms: ['TMALL'], provinces: ['广东省'], paymentStatuses: ['PAID'] },
      sort: { field: 'payable', direction: 'desc' },
    },
    {
      name: 'shipped in the last 30 days, by shipped time',
      filter: { time: { field: 'shippedAt', from: latest - 30 * DAY, to: latest + DAY } },
      sort: { field: 'shippedAt', direction: 'desc' },
    },
    { name: 'exception queue', filter: { exception: true }, sort: newest },
  ];
}

type Call = (input: OrderListWindowInput) => Promise<{ total: number; rows: unknown[] }>;

function mainCall(desk: Desk): Call {
  return async (input) => {
    const answer = await desk.app.dispatch('orders.window', input);
    if (!answer.ok) throw new Error(`orders.window failed: ${JSON.stringify(answer)}`);
    return answer.value as { total: number; rows: unknown[] };
  };
}

function httpCall(origin: string, token: string): Call {
  return async (input) => {
    const answer = await call<{ ok: boolean; value: { total: number; rows: unknown[] } }>(
      `${origin}/api/orders.window`,
      token,
      'POST',
      input,
    ).catch((error: NodeJS.ErrnoException) => {
      // A kept-alive socket the bridge closed while idle (a slow anchor pass in main outlasts its
      // keep-alive): the read is safe to send again, on a fresh socket.
      if (error.code !== 'ECONNRESET') throw error;
      return call<{ ok: boolean; value: { total: number; rows: unknown[] } }>(
        `${origin}/api/orders.window`,
        token,
        'POST',
        input,
      );
    });
    if (answer.status !== 200 || !answer.body.ok) throw new Error(`HTTP orders.window answered ${answer.status}`);
    return answer.body.value;
  };
}

async function sample(run: () => Promise<unknown>, ms: number, min: number, max: number): Promise<number[]> {
  const out: number[] = [];
  const box = budget(ms, min);
  while (out.length < max && box.more()) {
    const start = performance.now();
    await run();
    out.push(performance.now() - start);
  }
  return out;
}

export async function list(bench: Bench): Promise<void> {
  const desk = await bench.openDesk();
  const token = randomBytes(24).toString('base64url');
  const bridge = await startHttpBridge({ app: desk.app, token, staticDir: resolve('out', 'renderer'), port: 0 });
  const origin = new URL(bridge.url).origin;
  try {
    const latest = desk.db.prepare('SELECT max(created_at) FROM orders').pluck().get() as number;
    for (const combo of combinations(latest)) {
      const base = { filter: combo.filter, sort: combo.sort, limit: ROWS };
      const cold = await sample(
        async () => {
          forgetWindows(desk.db);
          await mainCall(desk)({ ...base, offset: 0 });
        },
        10_000,
        3,
        bench.runs(10),
      );
      const { total } = await mainCall(desk)({ ...base, offset: 0 });
      log(`list: ${combo.name}: ${total} matches`);
      bench.add(...latency(`list · main · ${combo.name} · first window after a filter change`, cold, MAIN_TARGET_MS));
      const depths: Array<[string, () => number]> = [
        ['first page', () => 0],
        // Anywhere in the middle fifth: a thumb drag lands on a different row every time.
        ['middle page', () => Math.floor(total * (0.4 + Math.random() * 0.2))],
        ['last page', () => Math.max(0, total - ROWS)],
      ];
      for (const [transport, run, target] of [
        ['main', mainCall(desk), MAIN_TARGET_MS],
        ['HTTP', httpCall(origin, token), HTTP_TARGET_MS],
      ] as const) {
        for (const [depth, offset] of depths) {
          // Not timed: opens the connection (HTTP) and warms the statement for this depth.
          await run({ ...base, offset: offset() });
          const samples = await sample(() => run({ ...base, offset: offset() }), 4_000, 10, bench.runs(60));
          bench.add(...latency(`list · ${transport} · ${combo.name} · ${depth}`, samples, target));
        }
      }
    }
  } finally {
    await bridge.close();
    await desk.close();
  }
}
