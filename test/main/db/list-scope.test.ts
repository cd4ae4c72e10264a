import { describe, expect, it } from 'vitest';
import type { OrderRecord } from '../../../src/shared/contract/records';
import type { DataScope } from '../../../src/shared/domain/vocabulary';
import { allPages, storeWith } from '../../fixtures/db';
import { anOrder, demoOrders } from '../../fixtures/orders';
import { ADMIN, clerkOf, dealerOf, deskOf, NOBODY } from '../../fixtures/scopes';

/** vocabulary.ts DataScope, written out plainly as the oracle. */
const visible = (scope: DataScope, o: OrderRecord): boolean =>
  scope.all ||
  (o.warehouseId !== null && scope.warehouseIds.includes(o.warehouseId)) ||
  (o.kind === 'SERVICE' && o.storeId !== null && scope.storeIds.includes(o.storeId)) ||
  (o.dealerId !== null && scope.dealerIds.includes(o.dealerId));

// A physical order that carries a store id must still not reach that store's clerk.
const oddball = anOrder({ storeId: 'ST-01', warehouseId: 'WH-GZ' });
const orders = [...demoOrders(2500), oddball];
const db = storeWith(orders);
const seenBy = (scope: DataScope, input = {}) => allPages(db, scope, { limit: 500, ...input }).sort();
const expectedFor = (scope: DataScope, keep: (o: OrderRecord) => boolean = () => true) =>
  orders
    .filter((o) => visible(scope, o) && keep(o))
    .map((o) => o.orderNo)
    .sort();

describe('data scope in the order list', () => {
  it('shows a supervisor everything', () => {
    expect(seenBy(ADMIN)).toHaveLength(orders.length);
  });

  it("never shows a warehouse desk another warehouse's orders", () => {
    const seen = seenBy(deskOf('WH-SH'));
    expect(seen).toEqual(expectedFor(deskOf('WH-SH')));
    expect(seen.length).toBeGreaterThan(100);
    expect(orders.filter((o) => seen.includes(o.orderNo)).every((o) => o.warehouseId === 'WH-SH')).toBe(true);
  });

  it('keeps a desk in its warehouse even when it filters for another one', () => {
    expect(seenBy(deskOf('WH-SH'), { filter: { warehouseIds: ['WH-GZ'] } })).toEqual([]);
  });

  it('shows a desk its 待发货 queue, oldest payment first', () => {
    const queue = allPages(db, deskOf('WH-SH'), {
      filter: { statuses: ['PENDING_SHIPMENT'] },
      sort: { field: 'paidAt', direction: 'asc' },
      limit: 50,
    });
    const expected = orders
      .filter((o) => o.warehouseId === 'WH-SH' && o.status === 'PENDING_SHIPMENT')
      .sort((a, b) => (a.paidAt ?? 0) - (b.paidAt ?? 0));
    expect(queue).toEqual(expected.map((o) => o.orderNo));
  });

  it('shows a store clerk only the service orders of its own stores', () => {
    const clerk = clerkOf('ST-01', 'ST-02');
    const seen = seenBy(clerk);
    expect(seen).toEqual(expectedFor(clerk));
    expect(seen).not.toContain(oddball.orderNo);
    expect(orders.filter((o) => seen.includes(o.orderNo)).every((o) => o.kind === 'SERVICE')).toBe(true);
  });

  it('shows a dealer only its own orders', () => {
    const seen = seenBy(dealerOf('DL-01'));
    expect(seen).toEqual(expectedFor(dealerOf('DL-01')));
    expect(seen.length).toBeGreaterThan(0);
  });

  it('shows a user with several kinds of scope the union of them', () => {
    const mixed: DataScope = { all: false, warehouseIds: ['WH-BJ'], storeIds: ['ST-05'], dealerIds: ['DL-02'] };
    expect(seenBy(mixed)).toEqual(expectedFor(mixed));
    expect(seenBy(mixed, { filter: { statuses: ['COMPLETED'] } })).toEqual(
      expectedFor(mixed, (o) => o.status === 'COMPLETED'),
    );
  });

  it('shows nothing to a user whose scope names nothing', () => {
    expect(seenBy(NOBODY)).toEqual([]);
  });
});
