import { describe, expect, it } from 'vitest';
import type { OrderRecord, WaybillRecord } from '../../../src/shared/contract/records';
import { orderNosOf, storeWith } from '../../fixtures/db';
import { anOrder, aWaybill, DAY, HOUR, shipped } from '../../fixtures/orders';
import { ADMIN } from '../../fixtures/scopes';

/**
 * 物流异常 measured against the real clock, as the desk's list does: parcels shipped some days ago
 * that went quiet, came back, were refused, or are moving along as they should.
 */
const now = Date.now();
let n = 0;
function sent(days: number, over: Partial<WaybillRecord> = {}, order: Partial<OrderRecord> = {}): OrderRecord {
  n += 1;
  const shippedAt = now - days * DAY;
  const orderNo = `M25060100010000${String(n).padStart(3, '0')}01`;
  const parcel = shipped(anOrder({ orderNo, createdAt: shippedAt - DAY }), {
    trackingNo: `SF${String(1_000_000_000_000 + n)}`,
    shippedAt,
    events: [{ at: shippedAt + HOUR, text: '【上海市】已揽收：顺丰速运 已收取快件' }],
    ...over,
  });
  return { ...parcel, ...order };
}

const movingAlong = sent(2);
const quietFourDays = sent(4);
const quietButHeardFromToday = sent(6, {
  events: [
    { at: now - 6 * DAY + HOUR, text: '【上海市】已揽收：顺丰速运 已收取快件' },
    { at: now - 2 * HOUR, text: '【杭州市】运输中：快件已到达杭州转运中心' },
  ],
});
const returned = sent(2, {
  status: 'RETURNED',
  events: [{ at: now - DAY, text: '【杭州市】已退回：收件人地址错误，退回寄件人' }],
});
const signed = sent(5, { status: 'DELIVERED', signedAt: now - 4 * DAY });
const longDone = sent(20, {}, { status: 'COMPLETED', completedAt: now - 5 * DAY });
const notShipped = anOrder({ orderNo: 'M25060100019990001', createdAt: now - 9 * DAY });
/** Two parcels: one signed for, the other quiet for a week. */
const halfStuck: OrderRecord = (() => {
  const base = sent(7, { status: 'DELIVERED', signedAt: now - 6 * DAY });
  const second = aWaybill(base, {
    id: `${base.orderNo}-W2`,
    trackingNo: 'SF1999999999999',
    shippedAt: now - 7 * DAY,
    events: [],
  });
  return { ...base, waybills: [...base.waybills, second] };
})();

const ALL = [movingAlong, quietFourDays, quietButHeardFromToday, returned, signed, longDone, notShipped, halfStuck];
const db = storeWith(ALL);
const find = (quietDays: number) => orderNosOf(db, ADMIN, { filter: { logisticsAnomaly: { quietDays } } }).sort();
const nos = (...orders: OrderRecord[]) => orders.map((o) => o.orderNo).sort();

describe('the 物流异常 filter', () => {
  it('finds parcels quiet for the chosen days, returned or refused ones, and no order that is fine', () => {
    expect(find(3)).toEqual(nos(quietFourDays, returned, halfStuck));
    expect(find(5)).toEqual(nos(returned, halfStuck));
    expect(find(1)).toEqual(nos(movingAlong, quietFourDays, returned, halfStuck));
  });

  it('follows an order as it changes: a sign-for takes it off the list', () => {
    const later = storeWith([quietFourDays]);
    expect(orderNosOf(later, ADMIN, { filter: { logisticsAnomaly: { quietDays: 3 } } })).toEqual([
      quietFourDays.orderNo,
    ]);
    const [parcel] = quietFourDays.waybills;
    const delivered: OrderRecord = {
      ...quietFourDays,
      status: 'COMPLETED',
      waybills: [{ ...parcel!, status: 'DELIVERED', signedAt: now }],
      updatedAt: now,
    };
    const again = storeWith([delivered]);
    expect(orderNosOf(again, ADMIN, { filter: { logisticsAnomaly: { quietDays: 3 } } })).toEqual([]);
  });
});
