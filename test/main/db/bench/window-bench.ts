/**
 * Timing of positional windows at size (not a test; nothing asserts). Run with
 *   npx tsx test/main/db/bench/window-bench.ts <file> (a store filled by store-bench.ts)
 * For a few typical results it times the first window at the top (what the list asks again after
 * every orders.changed: the total, no anchors), the first jump to the end (numbering the whole
 * result once), then 200 windows of 200 rows at random depths, reporting p50 and p95.
 */
import { openDatabase } from '../../../../src/main/db/connection';
import { forgetWindows, listWindow, type WindowQuery } from '../../../../src/main/db/query/window';
import type { OrderListFilter, OrderSort } from '../../../../src/shared/contract/orders';
import type { DataScope } from '../../../../src/shared/domain/vocabulary';

const file = process.argv[2];
if (!file) throw new Error('usage: window-bench.ts <store file>');
const db = openDatabase(file);
console.log(`${db.prepare('SELECT count(*) FROM orders').pluck().get() as number} orders`);

const scope = (s: Partial<DataScope>): DataScope => ({
  all: false,
  warehouseIds: [],
  storeIds: [],
  dealerIds: [],
  ...s,
});
const ADMIN = scope({ all: true });
const DESK = scope({ warehouseIds: ['WH-SH'] });
const newest: OrderSort = { field: 'createdAt', direction: 'desc' };

const cases: Array<[string, DataScope, OrderListFilter, OrderSort]> = [
  ['admin, everything, newest first', ADMIN, {}, newest],
  ['admin, everything, paid oldest first (NULL tail)', ADMIN, {}, { field: 'paidAt', direction: 'asc' }],
  ['admin, everything, payable high first', ADMIN, {}, { field: 'payable', direction: 'desc' }],
  ['admin, 待发货 tab', ADMIN, { statuses: ['PENDING_SHIPMENT'] }, newest],
  ['desk WH-SH, everything', DESK, {}, newest],
  [
    'desk WH-SH, 待发货 + WeChat + 广东省',
    DESK,
    { statuses: ['PENDING_SHIPMENT'], paymentChannels: ['WECHAT_PAY'], provinces: ['广东省'] },
    newest,
  ],
  ['admin, text "138"', ADMIN, { text: '138' }, newest],
];

const pct = (xs: number[], p: number) =>
  xs.sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;

for (const [name, who, filter, sort] of cases) {
  forgetWindows(db);
  const query = (offset: number): WindowQuery => ({ filter, sort, offset, limit: 200 });
  let t = performance.now();
  const { total } = listWindow(db, who, query(0));
  const first = performance.now() - t;
  t = performance.now();
  listWindow(db, who, query(Math.max(0, total - 200)));
  const farJump = performance.now() - t;
  forgetWindows(db);
  listWindow(db, who, query(0));
  t = performance.now();
  listWindow(db, who, query(Math.floor(total / 2)));
  const halfway = performance.now() - t;
  const samples: number[] = [];
  for (let i = 0; i < 200; i++) {
    const offset = Math.floor(Math.random() * Math.max(1, total - 200));
    t = performance.now();
    listWindow(db, who, query(offset));
    samples.push(performance.now() - t);
  }
  t = performance.now();
  const last = listWindow(db, who, query(Math.max(0, total - 200)));
  const lastMs = performance.now() - t;
  console.log(
    `${name}: ${total} matches; first window at the top ${first.toFixed(0)} ms; ` +
      `first jump to the end ${farJump.toFixed(0)} ms, to the middle ${halfway.toFixed(0)} ms; ` +
      `random depth p50 ${pct(samples, 0.5).toFixed(2)} ms, p95 ${pct(samples, 0.95).toFixed(2)} ms; ` +
      `last 200 rows ${lastMs.toFixed(2)} ms (${last.rows.length} rows)`,
  );
}
