/**
 * Rough timing of the local store at size (not a test; nothing asserts). Run with
 *   npx tsx test/main/db/bench/store-bench.ts [orders=200000] [file]
 * It loads demo orders into a temp file (or `file`, reusing it when already loaded) and times
 * a first page, a deep page, free-text searches and status counts for a few typical users.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { orderListInput, type OrderListInput } from '../../../../src/shared/contract/orders';
import type { DataScope } from '../../../../src/shared/domain/vocabulary';
import { openDatabase } from '../../../../src/main/db/connection';
import { loadDemoOrders } from '../../../../src/main/db/demo';
import { countByStatus, listOrders } from '../../../../src/main/db/orders-query';

const count = Number(process.argv[2] ?? 200_000);
const dir = process.argv[3] ? null : mkdtempSync(join(tmpdir(), 'store-bench-'));
const file = process.argv[3] ?? join(dir as string, 'orders.db');
const NOW = Date.UTC(2025, 5, 1, 4, 0, 0);

const db = openDatabase(file);
const have = (db.prepare('SELECT count(*) AS n FROM orders').get() as { n: number }).n;
if (have < count) {
  const t = performance.now();
  loadDemoOrders(db, { count, seed: 1, now: NOW });
  const ms = performance.now() - t;
  console.log(
    `load ${count} demo orders (generate + ingest): ${(ms / 1000).toFixed(1)} s, ${Math.round(count / (ms / 1000))} orders/s`,
  );
}

const scope = (s: Partial<DataScope>): DataScope => ({
  all: false,
  warehouseIds: [],
  storeIds: [],
  dealerIds: [],
  ...s,
});
const ADMIN = scope({ all: true });
const DESK = scope({ warehouseIds: ['WH-SH'] });
const CLERK = scope({ storeIds: ['ST-01', 'ST-02'] });
const DEALER = scope({ dealerIds: ['DL-01'] });

/** Median of a few runs: the first run also pays for preparing the statement. */
function time(run: () => unknown, times = 7): number {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    run();
    samples.push(performance.now() - t);
  }
  return samples.sort((a, b) => a - b)[Math.floor(times / 2)] ?? NaN;
}

/** A cursor pointing deep into the result: the row at `offset` of the same query. */
function deepCursor(who: DataScope, input: OrderListInput, offset: number): string | null {
  let page = listOrders(db, who, orderListInput.parse({ ...input, limit: 500 }));
  for (let skipped = 500; skipped < offset && page.next; skipped += 500) {
    page = listOrders(db, who, orderListInput.parse({ ...input, limit: 500, after: page.next }));
  }
  return page.next;
}

const report = (label: string, ms: number, extra = '') =>
  console.log(`${label.padEnd(58)} ${ms.toFixed(2).padStart(8)} ms ${extra}`);

const cases: Array<[string, DataScope, OrderListInput]> = [
  ['admin: all, newest first', ADMIN, {}],
  ['admin: 待发货 tab, newest first', ADMIN, { filter: { statuses: ['PENDING_SHIPMENT'] } }],
  ['admin: 交易关闭 tab (rare), newest first', ADMIN, { filter: { statuses: ['CLOSED'] } }],
  ['admin: by paid time asc (NULLs last)', ADMIN, { sort: { field: 'paidAt', direction: 'asc' } }],
  ['admin: by amount desc', ADMIN, { sort: { field: 'payable', direction: 'desc' } }],
  [
    'admin: shipped in May, by shipped desc',
    ADMIN,
    {
      filter: { time: { field: 'shippedAt', from: Date.UTC(2025, 4, 1), to: Date.UTC(2025, 5, 1) } },
      sort: { field: 'shippedAt', direction: 'desc' },
    },
  ],
  ['admin: exception queue', ADMIN, { filter: { exception: true } }],
  [
    'admin: TMALL + 广东省 + paid',
    ADMIN,
    { filter: { platforms: ['TMALL'], provinces: ['广东省'], paymentStatuses: ['PAID'] } },
  ],
  ['desk WH-SH: all, newest first', DESK, {}],
  [
    'desk WH-SH: 待发货 oldest paid first (the queue)',
    DESK,
    { filter: { statuses: ['PENDING_SHIPMENT'] }, sort: { field: 'paidAt', direction: 'asc' } },
  ],
  ['clerk ST-01/02: all', CLERK, {}],
  ['clerk ST-01/02: 待核销', CLERK, { filter: { statuses: ['PENDING_REDEMPTION'] } }],
  ['dealer DL-01: all', DEALER, {}],
];

console.log(`\n${count} orders in ${file}\n`);
for (const [label, who, input] of cases) {
  const first = time(() => listOrders(db, who, orderListInput.parse(input)));
  const filter = orderListInput.parse(input).filter;
  const counts = countByStatus(db, who, filter);
  const total = filter.statuses?.length ? filter.statuses.reduce((n, st) => n + counts.byStatus[st], 0) : counts.all;
  const cursor = deepCursor(who, input, Math.floor(total * 0.8));
  const deep = cursor ? time(() => listOrders(db, who, orderListInput.parse({ ...input, after: cursor }))) : NaN;
  report(`${label}: first page`, first, `(${total} rows match)`);
  if (cursor) report(`${label}: page at 80% depth`, deep);
}

const sample = db
  .prepare(
    "SELECT order_no, receiver_name, receiver_phone, tracking_nos FROM orders WHERE tracking_nos <> '' LIMIT 1 OFFSET 5000",
  )
  .get() as Record<string, string>;
const texts: Array<[string, string]> = [
  ['full order no.', sample.order_no as string],
  ['order no. prefix (2 chars)', (sample.order_no as string).slice(0, 2)],
  ['2-char name (张伟)', '张伟'],
  ['3-char name', sample.receiver_name as string],
  ['phone fragment (6 digits)', (sample.receiver_phone as string).slice(3, 9)],
  ['last 4 of phone', (sample.receiver_phone as string).slice(-4)],
  ['tracking no. fragment', (sample.tracking_nos as string).slice(2, 10)],
];
console.log('');
for (const [label, text] of texts) {
  const input = orderListInput.parse({ filter: { text } });
  const ms = time(() => listOrders(db, ADMIN, input));
  const n = countByStatus(db, ADMIN, input.filter).all;
  report(`text "${text}" (${label})`, ms, `(${n} match)`);
}

console.log('');
report(
  'counts: admin, no filter',
  time(() => countByStatus(db, ADMIN, {})),
);
report(
  'counts: desk WH-SH',
  time(() => countByStatus(db, DESK, {})),
);
report(
  'counts: admin, created in the last 7 days',
  time(() => countByStatus(db, ADMIN, { time: { field: 'createdAt', from: NOW - 7 * 86_400_000 } })),
);
report(
  'counts: admin, text "138"',
  time(() => countByStatus(db, ADMIN, { text: '138' })),
);
report(
  'counts: clerk',
  time(() => countByStatus(db, CLERK, {})),
);

db.close();
if (dir) rmSync(dir, { recursive: true, force: true });
