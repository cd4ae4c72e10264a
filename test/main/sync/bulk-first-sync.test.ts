import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../src/main/db/connection';
import { beginBulkLoad, finishBulkLoad } from '../../../src/main/db/bulk-load';
import { createCodeSeal } from '../../../src/main/redemption/code-seal';
import { applyBulkPage, applyPullPage, preparePage } from '../../../src/main/sync/apply-pull';
import type { OrderRecord } from '../../../src/shared/contract/records';
import type { PullResponse } from '../../../src/shared/contract/sync';
import { demoOrders } from '../../fixtures/orders';
import { storeWith } from '../../fixtures/db';

const ctx = { actor: 'admin:admin', device: 'DEV-0001', now: 0, seal: createCodeSeal(randomBytes(32)) };

/** Every row of every table but the search index's own (compared through searches elsewhere), in a fixed order. */
function rowsOf(db: Db): Record<string, unknown[]> {
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'orders_fts%' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((table) => {
      const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).join(', ');
      return [table, db.prepare(`SELECT ${columns} FROM ${table} ORDER BY ${columns}`).raw().all()];
    }),
  );
}

const pageOf = (changes: PullResponse['changes'], cursor: number, hasMore = true): PullResponse => ({
  changes,
  cursor: String(cursor),
  hasMore,
});
const ordersOf = (orders: OrderRecord[], from: number) =>
  orders.map((order, i) => ({ type: 'order' as const, seq: from + i, order }));

describe('a first sync loaded in bulk', () => {
  const orders = demoOrders(900);
  const withAfterSales = orders.filter((o) => o.afterSales.length > 0);
  const reworked = withAfterSales[0]!;
  // Changed again while the load runs: an after-sale gone (its lines too), a timeline entry more.
  const changed: OrderRecord = {
    ...reworked,
    afterSales: reworked.afterSales.slice(1),
    timeline: [...reworked.timeline, { ...reworked.timeline[0]!, at: reworked.updatedAt + 1, action: 'NOTE' }],
  };
  const leaving = orders[10]!;
  const pages: PullResponse[] = [
    pageOf(ordersOf(orders.slice(0, 400), 1), 400),
    pageOf(ordersOf(orders.slice(400, 800), 401), 800),
    pageOf(ordersOf([changed], 801), 801),
    pageOf([{ type: 'order_removed', seq: 802, orderNo: leaving.orderNo }], 802),
    pageOf(ordersOf(orders.slice(800), 803), 903, false),
  ];

  it('leaves exactly the rows a page-at-a-time sync leaves, an order changed and one removed on the way', () => {
    expect(withAfterSales.length).toBeGreaterThan(1);
    expect(reworked.afterSales[0]!.lines.length).toBeGreaterThan(0);
    const plain = storeWith();
    for (const page of pages) applyPullPage(plain, page, ctx);

    const bulk = storeWith();
    beginBulkLoad(bulk);
    for (const page of pages) applyBulkPage(bulk, preparePage(page), ctx);
    finishBulkLoad(bulk);

    expect(rowsOf(bulk)).toEqual(rowsOf(plain));
    expect(bulk.prepare('SELECT count(*) FROM orders WHERE order_no = ?').pluck().get(leaving.orderNo)).toBe(0);
    // Written with its foreign keys unchecked, it holds no row pointing nowhere.
    expect(bulk.pragma('foreign_key_check')).toEqual([]);
    expect(bulk.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(bulk.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
