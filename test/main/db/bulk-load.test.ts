import { describe, expect, it } from 'vitest';
import type { Db } from '../../../src/main/db/connection';
import { beginBulkLoad, finishBulkLoad, inBulkLoad, isEmptyStore } from '../../../src/main/db/bulk-load';
import { upsertOrders } from '../../../src/main/db/ingest';
import { countByStatus, getOrderDetail } from '../../../src/main/db/orders-query';
import { demoOrders } from '../../fixtures/orders';
import { ADMIN, deskOf } from '../../fixtures/scopes';
import { orderNosOf, storeWith } from '../../fixtures/db';

const schemaOf = (db: Db) => db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY type, name').all();

function loadInBulk(pages: ReturnType<typeof demoOrders>[]): Db {
  const db = storeWith();
  expect(isEmptyStore(db)).toBe(true);
  beginBulkLoad(db);
  for (const page of pages) upsertOrders(db, page);
  return db;
}

describe('an empty store’s first sync, loaded in bulk', () => {
  const orders = demoOrders(600);
  const pages = [orders.slice(0, 250), orders.slice(250, 500), orders.slice(500)];

  it('ends with the same schema, search index and status counts as orders stored one page at a time', () => {
    const plain = storeWith();
    for (const page of pages) upsertOrders(plain, page);
    const bulk = loadInBulk(pages);
    expect(inBulkLoad(bulk)).toBe(true);
    finishBulkLoad(bulk);

    expect(inBulkLoad(bulk)).toBe(false);
    expect(schemaOf(bulk)).toEqual(schemaOf(plain));
    expect(countByStatus(bulk, ADMIN, {})).toEqual(countByStatus(plain, ADMIN, {}));
    expect(countByStatus(bulk, deskOf('WH-SH'), {})).toEqual(countByStatus(plain, deskOf('WH-SH'), {}));
    const phone = orders.find((o) => o.receiver)!.receiver!.phone.slice(3, 9);
    expect(orderNosOf(bulk, ADMIN, { filter: { text: phone } })).toEqual(
      orderNosOf(plain, ADMIN, { filter: { text: phone } }),
    );
    expect(orderNosOf(bulk, ADMIN, { filter: { text: phone } }).length).toBeGreaterThan(0);
    bulk.exec("INSERT INTO orders_fts (orders_fts) VALUES ('integrity-check')");
    expect(bulk.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('builds its indexes at the end even when the load was interrupted and went on later', () => {
    const db = loadInBulk(pages.slice(0, 2));
    // A desk killed here starts again with the load's record in the store: it goes on in bulk.
    expect(inBulkLoad(db)).toBe(true);
    beginBulkLoad(db);
    upsertOrders(db, pages[2]!);
    finishBulkLoad(db);
    expect(schemaOf(db)).toEqual(schemaOf(storeWith()));
    expect(getOrderDetail(db, ADMIN, orders[599]!.orderNo)).toMatchObject({ orderNo: orders[599]!.orderNo });
  });

  it('keeps the indexes of the few orders that need a person through the load, and they stay exact', () => {
    const indexes = (db: Db) =>
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'orders'").pluck().all();
    const db = loadInBulk(pages);
    expect(indexes(db)).toEqual(expect.arrayContaining(['orders_exception_created', 'orders_locked_created']));
    // A broad index is built once, at the end.
    expect(indexes(db)).not.toContain('orders_created');
    const locked = db.prepare('SELECT count(*) FROM orders INDEXED BY orders_locked_created WHERE locked = 1');
    expect(orders.filter((o) => o.locked).length).toBeGreaterThan(0);
    expect(locked.pluck().get()).toBe(orders.filter((o) => o.locked).length);
    finishBulkLoad(db);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('is only for a store with no orders and nothing queued', () => {
    expect(isEmptyStore(storeWith(orders.slice(0, 1)))).toBe(false);
  });
});
