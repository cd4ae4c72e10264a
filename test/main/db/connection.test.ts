import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/db/connection';
import { upsertOrders } from '../../../src/main/db/ingest';
import { LATEST_VERSION } from '../../../src/main/db/migrations';
import { anOrder } from '../../fixtures/orders';
import { fileStore } from '../../fixtures/db';

describe('openDatabase', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('opens a store file in WAL mode with durable commits and enforced foreign keys', () => {
    const store = fileStore();
    cleanup = store.cleanup;
    const { db, file } = store;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);

    upsertOrders(db, [anOrder()]);
    expect(existsSync(`${file}-wal`)).toBe(true);
  });

  it('finds the orders again after the app restarts, without migrating twice', () => {
    const store = fileStore();
    cleanup = store.cleanup;
    const order = anOrder();
    upsertOrders(store.db, [order]);
    store.db.close();

    const reopened = openDatabase(store.file);
    expect(reopened.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(reopened.prepare('SELECT order_no AS orderNo FROM orders').all()).toEqual([{ orderNo: order.orderNo }]);
    reopened.close();
  });

  it('opens an in-memory store for tests', () => {
    const db = openDatabase(':memory:');
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });
});
