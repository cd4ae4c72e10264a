import { describe, expect, it } from 'vitest';
import type { OrderListFilter } from '../../../src/shared/contract/orders';
import type { OrderRecord } from '../../../src/shared/contract/records';
import { ORDER_STATUSES, type DataScope } from '../../../src/shared/domain/vocabulary';
import { removeOrders, upsertOrders } from '../../../src/main/db/ingest';
import { countByStatus } from '../../../src/main/db/orders-query';
import { storeWith } from '../../fixtures/db';
import { anOrder, DAY, demoOrders, NOW } from '../../fixtures/orders';
import { ADMIN, clerkOf, dealerOf, deskOf, NOBODY } from '../../fixtures/scopes';

const orders = demoOrders(2000);
const db = storeWith(orders);

const inScope = (scope: DataScope, o: OrderRecord) =>
  scope.all ||
  scope.warehouseIds.includes(o.warehouseId ?? '') ||
  (o.kind === 'SERVICE' && scope.storeIds.includes(o.storeId ?? '')) ||
  scope.dealerIds.includes(o.dealerId ?? '');

/** Counting by hand, the way a person would check the tabs. */
function bruteForce(scope: DataScope, keep: (o: OrderRecord) => boolean = () => true) {
  const byStatus = Object.fromEntries(ORDER_STATUSES.map((s) => [s, 0]));
  let all = 0;
  for (const o of orders) {
    if (!inScope(scope, o) || !keep(o)) continue;
    byStatus[o.status] = (byStatus[o.status] ?? 0) + 1;
    all++;
  }
  return { all, byStatus };
}

describe('status tab counts', () => {
  it.each([
    ['a supervisor', ADMIN],
    ['the Shanghai desk', deskOf('WH-SH')],
    ['a clerk of two stores', clerkOf('ST-01', 'ST-02')],
    ['a dealer', dealerOf('DL-04')],
  ])('match a count by hand for %s', (_who, scope) => {
    expect(countByStatus(db, scope, {})).toEqual(bruteForce(scope));
  });

  it('stay exact while orders are pulled again with new statuses, moved and removed', () => {
    const live = storeWith(orders.slice(0, 600));
    const changed = orders
      .slice(0, 300)
      .map((o, i) =>
        i % 3 === 0 ? { ...o, status: 'COMPLETED' as const } : i % 3 === 1 ? { ...o, warehouseId: 'WH-BJ' } : o,
      );
    upsertOrders(live, changed);
    removeOrders(
      live,
      orders.slice(500, 600).map((o) => o.orderNo),
    );
    const now = [...changed, ...orders.slice(300, 500)];
    for (const scope of [ADMIN, deskOf('WH-BJ'), clerkOf('ST-03')]) {
      const expected = Object.fromEntries(ORDER_STATUSES.map((s) => [s, 0]));
      const inside = now.filter((o) => inScope(scope, o));
      for (const o of inside) expected[o.status] = (expected[o.status] ?? 0) + 1;
      expect(countByStatus(live, scope, {})).toEqual({ all: inside.length, byStatus: expected });
      expect(countByStatus(live, scope, { kinds: ['PHYSICAL'], platforms: [] })).toEqual(
        countByStatus(live, scope, { kinds: ['PHYSICAL'], sources: ['MALL', 'DEALER', 'EXTERNAL'] }),
      );
    }
  });

  it('list every status, with zero for the ones nobody is in', () => {
    const counts = countByStatus(db, NOBODY, {});
    expect(counts).toEqual({ all: 0, byStatus: Object.fromEntries(ORDER_STATUSES.map((s) => [s, 0])) });
    const small = countByStatus(storeWith([anOrder()]), ADMIN, {});
    expect(Object.keys(small.byStatus).sort()).toEqual([...ORDER_STATUSES].sort());
    expect(small).toMatchObject({ all: 1, byStatus: { PENDING_SHIPMENT: 1, COMPLETED: 0 } });
  });

  it('apply the other filters but not the status filter, since each tab is a status', () => {
    const filter: OrderListFilter = {
      statuses: ['CLOSED'],
      sources: ['MALL'],
      time: { field: 'createdAt', from: NOW - 30 * DAY },
    };
    expect(countByStatus(db, deskOf('WH-GZ'), filter)).toEqual(
      bruteForce(deskOf('WH-GZ'), (o) => o.source === 'MALL' && o.createdAt >= NOW - 30 * DAY),
    );
  });

  it('count free-text matches and filters on the parent order too', () => {
    expect(countByStatus(db, ADMIN, { text: '138', paymentChannels: ['WECHAT_PAY'] })).toEqual(
      bruteForce(
        ADMIN,
        (o) =>
          o.payment.channel === 'WECHAT_PAY' &&
          [o.orderNo, o.receiver?.name ?? '', o.receiver?.phone ?? '', ...o.waybills.map((w) => w.trackingNo)].some(
            (t) => t.includes('138'),
          ),
      ),
    );
  });
});
