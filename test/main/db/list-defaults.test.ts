import { describe, expect, it } from 'vitest';
import { LIST_DEFAULTS } from '../../../src/shared/domain/list-defaults';
import { allPages, storeWith } from '../../fixtures/db';
import { anOrder, aServiceOrder, HOUR, NOW, shipped } from '../../fixtures/orders';
import { deskOf } from '../../fixtures/scopes';

describe('how the order list opens for a warehouse desk', () => {
  const paidAt = (hoursAgo: number, n: number) =>
    anOrder({
      orderNo: `M2506010002000${n}01`,
      paidAt: NOW - hoursAgo * HOUR,
      createdAt: NOW - hoursAgo * HOUR - 60_000,
    });
  const yesterday = paidAt(20, 101);
  const lastWeek = paidAt(150, 102);
  const anHourAgo = paidAt(1, 103);
  const gone = shipped(paidAt(200, 104));
  const db = storeWith([yesterday, lastWeek, anHourAgo, gone, aServiceOrder()]);

  it('lands on 待发货 with the oldest paid order first', () => {
    const { status, sort } = LIST_DEFAULTS.warehouse;
    expect(allPages(db, deskOf('WH-SH'), { filter: { statuses: [status!] }, sort: sort! })).toEqual([
      lastWeek.orderNo,
      yesterday.orderNo,
      anHourAgo.orderNo,
    ]);
  });

  it('hides only tabs the role can never have an order in', () => {
    expect(LIST_DEFAULTS.warehouse.hiddenStatuses).toEqual(['PENDING_REDEMPTION']);
    // A warehouse's scope never holds a service order, which is what 待核销 lists.
    expect(allPages(db, deskOf('WH-SH'), { filter: { statuses: ['PENDING_REDEMPTION'] } })).toEqual([]);
    for (const defaults of Object.values(LIST_DEFAULTS))
      expect(defaults.status === null || !defaults.hiddenStatuses.includes(defaults.status)).toBe(true);
  });
});
