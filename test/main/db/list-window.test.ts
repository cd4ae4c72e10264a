import { describe, expect, it } from 'vitest';
import { forgetWindows, listWindow, type WindowTuning } from '../../../src/main/db/query/window';
import { upsertOrders } from '../../../src/main/db/ingest';
import type { OrderListFilter, OrderSort } from '../../../src/shared/contract/orders';
import type { DataScope } from '../../../src/shared/domain/vocabulary';
import { allPages, storeWith } from '../../fixtures/db';
import { demoOrders } from '../../fixtures/orders';
import { ADMIN, deskOf } from '../../fixtures/scopes';

const orders = demoOrders(1500);
const db = storeWith(orders);

/** Small sizes, so 1,500 orders take both paths: ids kept (≤ 300 matches) and anchors every 64 rows. */
const SMALL: WindowTuning = { anchorEvery: 64, keepIdsUpTo: 300 };

const SORTS: OrderSort[] = (['createdAt', 'paidAt', 'shippedAt', 'payable'] as const).flatMap((field) =>
  (['asc', 'desc'] as const).map((direction) => ({ field, direction })),
);

const windowAt = (scope: DataScope, filter: OrderListFilter, sort: OrderSort, offset: number, limit = 50) =>
  listWindow(db, scope, { filter, sort, offset, limit }, SMALL);

describe('positional windows of the order list', () => {
  it.each(SORTS)('any window sorted by $field $direction is the same rows the pages walk to', (sort) => {
    const walked = allPages(db, ADMIN, { sort, limit: 500 });
    // Offsets just before, on and after anchors, across the start of the NULL tail, and the end.
    for (const offset of [0, 1, 63, 64, 65, 700, 1234, walked.length - 50, walked.length - 1]) {
      const window = windowAt(ADMIN, {}, sort, offset);
      expect(window.total).toBe(walked.length);
      expect(window.rows.map((r) => r.orderNo)).toEqual(walked.slice(offset, offset + 50));
    }
  });

  it('sizes a status tab of a warehouse desk from the running counts, and its windows match the pages', () => {
    const filter: OrderListFilter = { statuses: ['PENDING_SHIPMENT', 'PENDING_RECEIPT', 'COMPLETED'] };
    for (const sort of [SORTS[1], SORTS[6]] as OrderSort[]) {
      const walked = allPages(db, deskOf('WH-SH'), { filter, sort, limit: 500 });
      expect(walked.length).toBeGreaterThan(SMALL.keepIdsUpTo);
      for (const offset of [0, 64, walked.length - 10]) {
        const window = windowAt(deskOf('WH-SH'), filter, sort, offset, 10);
        expect(window.total).toBe(walked.length);
        expect(window.rows.map((r) => r.orderNo)).toEqual(walked.slice(offset, offset + 10));
      }
    }
  });

  it('steps across the start of the unpaid orders without losing or repeating one', () => {
    const sort: OrderSort = { field: 'paidAt', direction: 'desc' };
    const paid = orders.filter((o) => o.paidAt !== null).length;
    const walked = allPages(db, ADMIN, { sort, limit: 500 });
    for (const offset of [paid - 3, paid - 1, paid, paid + 1]) {
      expect(windowAt(ADMIN, {}, sort, offset, 7).rows.map((r) => r.orderNo)).toEqual(walked.slice(offset, offset + 7));
    }
  });

  it('counts and positions a warehouse desk’s filtered result, read by id when it is small', () => {
    const filter: OrderListFilter = { statuses: ['PENDING_SHIPMENT'], paymentChannels: ['WECHAT_PAY'] };
    const sort: OrderSort = { field: 'paidAt', direction: 'asc' };
    const walked = allPages(db, deskOf('WH-SH'), { filter, sort, limit: 500 });
    expect(walked.length).toBeGreaterThan(10);
    expect(walked.length).toBeLessThan(SMALL.keepIdsUpTo);
    const window = windowAt(deskOf('WH-SH'), filter, sort, 5, 10);
    expect(window.total).toBe(walked.length);
    expect(window.rows.map((r) => r.orderNo)).toEqual(walked.slice(5, 15));
    expect(window.rows.every((r) => r.warehouseId === 'WH-SH' && r.paymentChannel === 'WECHAT_PAY')).toBe(true);
  });

  it('answers no rows past the end, with the total, so a shrunken result is noticed', () => {
    const { total } = windowAt(ADMIN, {}, SORTS[0] as OrderSort, 0);
    expect(windowAt(ADMIN, {}, SORTS[0] as OrderSort, total + 10)).toEqual({ total, offset: total + 10, rows: [] });
  });

  it('sees orders that arrive once the remembered positions are forgotten', () => {
    const local = storeWith(orders.slice(0, 400));
    const sort: OrderSort = { field: 'createdAt', direction: 'desc' };
    const before = listWindow(local, ADMIN, { filter: {}, sort, offset: 0, limit: 10 }, SMALL);
    expect(before.total).toBe(400);
    upsertOrders(local, orders.slice(400, 500));
    forgetWindows(local);
    const after = listWindow(local, ADMIN, { filter: {}, sort, offset: 450, limit: 100 }, SMALL);
    expect(after.total).toBe(500);
    expect(after.rows.map((r) => r.orderNo)).toEqual(allPages(local, ADMIN, { sort, limit: 500 }).slice(450));
  });
});

describe('positions found only as far as a window asks', () => {
  it.each(SORTS)('jumps in any order by $field $direction land on the rows the pages walk to', (sort) => {
    forgetWindows(db);
    const walked = allPages(db, ADMIN, { sort, limit: 500 });
    const end = walked.length;
    // The last rows first (the whole result numbered at once), then back to the top, the middle, a step on.
    for (const offset of [end - 1, 0, 700, 640, 1400, 65, end - 50, 1]) {
      const window = windowAt(ADMIN, {}, sort, offset);
      expect(window.total).toBe(end);
      expect(window.rows.map((r) => r.orderNo)).toEqual(walked.slice(offset, offset + 50));
    }
  });

  it.each(SORTS)('a walk down the result a window at a time by $field $direction reads every row once', (sort) => {
    forgetWindows(db);
    const walked = allPages(db, ADMIN, { sort, limit: 500 });
    const read: string[] = [];
    for (let offset = 0; offset < walked.length; offset += 37) {
      read.push(...windowAt(ADMIN, {}, sort, offset, 37).rows.map((r) => r.orderNo));
    }
    expect(read).toEqual(walked);
  });

  it.each(SORTS)('a walk up from the last row by $field $direction reads every row once', (sort) => {
    forgetWindows(db);
    const walked = allPages(db, ADMIN, { sort, limit: 500 });
    const read: string[][] = [];
    for (let offset = walked.length - 37; offset > -37; offset -= 37) {
      const from = Math.max(0, offset);
      read.unshift(windowAt(ADMIN, {}, sort, from, offset + 37 - from).rows.map((r) => r.orderNo));
    }
    expect(read.flat()).toEqual(walked);
  });

  it.each([
    ['a warehouse’s queue', deskOf('WH-SH'), { statuses: ['PENDING_SHIPMENT'] }],
    ['one payment channel', ADMIN, { paymentChannels: ['ALIPAY'] }],
  ] as Array<[string, DataScope, OrderListFilter]>)(
    'a narrower result (%s) is numbered in one pass and lands on the same rows',
    (_name, scope, filter) => {
      forgetWindows(db);
      // Anchors every 16 rows and ids kept up to 50: these results, under a quarter of the store, take the one-pass path.
      const TINY: WindowTuning = { anchorEvery: 16, keepIdsUpTo: 50 };
      for (const sort of SORTS) {
        const walked = allPages(db, scope, { filter, sort, limit: 500 });
        expect(walked.length).toBeGreaterThan(TINY.keepIdsUpTo);
        expect(walked.length * 4).toBeLessThan(orders.length);
        for (const offset of [walked.length - 5, 40, 17, walked.length >> 1, 0]) {
          const window = listWindow(db, scope, { filter, sort, offset, limit: 5 }, TINY);
          expect(window.rows.map((r) => r.orderNo)).toEqual(walked.slice(offset, offset + 5));
        }
      }
    },
  );

  it('jumps straight into the unpaid tail and back before the start of it', () => {
    forgetWindows(db);
    const sort: OrderSort = { field: 'paidAt', direction: 'asc' };
    const paid = orders.filter((o) => o.paidAt !== null).length;
    const walked = allPages(db, ADMIN, { sort, limit: 500 });
    for (const offset of [walked.length - 3, paid + 200, paid + 1, paid - 1, paid - 300]) {
      expect(windowAt(ADMIN, {}, sort, offset, 5).rows.map((r) => r.orderNo)).toEqual(walked.slice(offset, offset + 5));
    }
  });
});
