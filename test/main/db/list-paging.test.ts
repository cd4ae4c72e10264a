import { describe, expect, it } from 'vitest';
import type { OrderListInput, OrderSort } from '../../../src/shared/contract/orders';
import type { OrderRecord } from '../../../src/shared/contract/records';
import { upsertOrders } from '../../../src/main/db/ingest';
import { nextDeadline } from '../../../src/shared/domain/deadlines';
import { receiptExtendedOf } from '../../../src/shared/intents/state';
import { allPages, page, storeWith } from '../../fixtures/db';
import { anOrder, demoOrders, NOW } from '../../fixtures/orders';
import { ADMIN, deskOf } from '../../fixtures/scopes';

const orders = demoOrders(1500);
const db = storeWith(orders);
const idOf = new Map(
  (db.prepare('SELECT order_no AS orderNo, id FROM orders').all() as Array<{ orderNo: string; id: number }>).map(
    (r) => [r.orderNo, r.id],
  ),
);

/** The list order spelled out: by the sort value, NULLs last either way, then by id the same way. */
function expectedOrder(records: OrderRecord[], { field, direction }: OrderSort): string[] {
  const value = (o: OrderRecord) =>
    field === 'payable'
      ? o.amounts.payable
      : field === 'dueAt'
        ? (nextDeadline({ ...o, receiptExtended: receiptExtendedOf(o) })?.at ?? null)
        : o[field];
  const sign = direction === 'asc' ? 1 : -1;
  return [...records]
    .sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      if (va === null || vb === null) {
        if (va !== vb) return va === null ? 1 : -1;
      } else if (va !== vb) return sign * (va - vb);
      return sign * ((idOf.get(a.orderNo) ?? 0) - (idOf.get(b.orderNo) ?? 0));
    })
    .map((o) => o.orderNo);
}

const SORTS: OrderSort[] = (['createdAt', 'paidAt', 'shippedAt', 'payable', 'dueAt'] as const).flatMap((field) =>
  (['asc', 'desc'] as const).map((direction) => ({ field, direction })),
);

describe('keyset paging of the order list', () => {
  it.each(SORTS)('walks every order exactly once, in order, sorted by $field $direction', (sort) => {
    const walked = allPages(db, ADMIN, { sort, limit: 97 });
    expect(new Set(walked).size).toBe(walked.length);
    expect(walked).toEqual(expectedOrder(orders, sort));
  });

  it('puts unpaid orders after all paid ones, whichever way payment time is sorted', () => {
    const unpaidCount = orders.filter((o) => o.paidAt === null).length;
    expect(unpaidCount).toBeGreaterThan(50);
    for (const direction of ['asc', 'desc'] as const) {
      const walked = allPages(db, ADMIN, { sort: { field: 'paidAt', direction }, limit: 60 });
      const tail = walked.slice(-unpaidCount);
      expect(tail.every((no) => orders.find((o) => o.orderNo === no)?.paidAt === null)).toBe(true);
    }
  });

  it('breaks ties between equal amounts by id, so no order is skipped or repeated', () => {
    const tally = new Map<number, number>();
    for (const o of orders) tally.set(o.amounts.payable, (tally.get(o.amounts.payable) ?? 0) + 1);
    const sameAmount = Math.max(...tally.values());
    expect(sameAmount).toBeGreaterThan(5);
    const walked = allPages(db, ADMIN, { sort: { field: 'payable', direction: 'desc' }, limit: 7 });
    expect(walked).toEqual(expectedOrder(orders, { field: 'payable', direction: 'desc' }));
  });

  it('pages a filtered, scoped list the same way', () => {
    const input: OrderListInput = {
      filter: { statuses: ['COMPLETED', 'PENDING_RECEIPT'] },
      sort: { field: 'shippedAt', direction: 'asc' },
      limit: 33,
    };
    const expected = expectedOrder(
      orders.filter((o) => o.warehouseId === 'WH-GZ' && (o.status === 'COMPLETED' || o.status === 'PENDING_RECEIPT')),
      { field: 'shippedAt', direction: 'asc' },
    );
    expect(allPages(db, deskOf('WH-GZ'), input)).toEqual(expected);
  });

  it('says there is no next page on the last one, even when it is exactly full', () => {
    const small = storeWith(orders.slice(0, 10));
    const first = page(small, ADMIN, { limit: 5 });
    expect(first.rows).toHaveLength(5);
    const second = page(small, ADMIN, { limit: 5, after: first.next ?? undefined });
    expect(second.rows).toHaveLength(5);
    expect(second.next).toBeNull();
  });

  it('does not shift or repeat rows when new orders arrive between two pages', () => {
    const live = storeWith(orders.slice(0, 200));
    const first = page(live, ADMIN, { limit: 50 });
    upsertOrders(live, [anOrder({ createdAt: NOW }), anOrder({ createdAt: NOW - 1 })]);
    const rest = allPages(live, ADMIN, { limit: 50, after: first.next ?? undefined });
    const seen = [...first.rows.map((r) => r.orderNo), ...rest];
    expect(seen).toEqual(expectedOrder(orders.slice(0, 200), { field: 'createdAt', direction: 'desc' }));
  });

  it.each([
    ['garbage', 'not a cursor!'],
    ['valid base64 but not JSON', Buffer.from('hello').toString('base64url')],
    ['the wrong shape', Buffer.from(JSON.stringify({ value: 1, id: 2 })).toString('base64url')],
    ['a fractional id', Buffer.from(JSON.stringify([1, 2.5])).toString('base64url')],
    ['a text sort value', Buffer.from(JSON.stringify(['1', 2])).toString('base64url')],
    ['a NULL value for a column that has none', Buffer.from(JSON.stringify([null, 2])).toString('base64url')],
  ])('refuses a cursor that is %s with BAD_CURSOR', (_label, after) => {
    expect(() => page(db, ADMIN, { after })).toThrowError(
      expect.objectContaining({ code: 'BAD_CURSOR', name: 'DbInputError' }),
    );
  });
});
