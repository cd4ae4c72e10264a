import { describe, expect, it } from 'vitest';
import type { OrderListInput } from '../../../src/shared/contract/orders';
import { orderNosOf, page, storeWith } from '../../fixtures/db';
import { aDealerOrder, anOrder, aServiceOrder, DAY, HOUR, NOW, shipped, unpaid } from '../../fixtures/orders';
import { ADMIN } from '../../fixtures/scopes';

/**
 * A small desk: each order differs from the plain 待发货 order in one way, so each filter can be
 * seen to pick exactly the orders it should.
 */
const plain = anOrder({ createdAt: NOW - 5 * DAY });
const waitingPayment = unpaid({ createdAt: NOW - 20 * 60_000 });
const inTransit = shipped(anOrder({ createdAt: NOW - 3 * DAY, warehouseId: 'WH-GZ' }), { shippedAt: NOW - 2 * DAY });
const refunding = anOrder({ refundStatus: 'IN_PROGRESS', createdAt: NOW - 4 * DAY });
const refunded = anOrder({
  status: 'CLOSED',
  paymentStatus: 'REFUNDED',
  refundStatus: 'REFUNDED',
  createdAt: NOW - 30 * DAY,
});
const fromTmall = anOrder({
  source: 'EXTERNAL',
  platform: 'TMALL',
  payment: { channel: 'ALIPAY', serialNo: '2025060122001400000000000001' },
});
const inGuangdong = anOrder({
  warehouseId: 'WH-GZ',
  receiver: {
    name: '陈静',
    phone: '13600001111',
    province: '广东省',
    city: '深圳市',
    district: '南山区',
    address: '科技园A座1201',
    postcode: '518000',
  },
});
const locked = anOrder({ locked: true, lockReason: '买家要求修改收货地址，暂停发货', warehouseId: 'WH-BJ' });
const stuck = anOrder({
  exception: {
    reasons: [{ code: 'RECEIVER_INCOMPLETE', detail: '收货地址不完整，需人工确认', lineNo: null }],
    openedAt: NOW - HOUR,
  },
  warehouseId: 'WH-BJ',
});
const coffee = aServiceOrder({ storeId: 'ST-02' });
const dealers = aDealerOrder('DL-03', { createdAt: NOW - 6 * DAY });

const ALL = [
  plain,
  waitingPayment,
  inTransit,
  refunding,
  refunded,
  fromTmall,
  inGuangdong,
  locked,
  stuck,
  coffee,
  dealers,
];
const db = storeWith(ALL);
const find = (filter: OrderListInput['filter']) => orderNosOf(db, ADMIN, { filter }).sort();
const nos = (...orders: typeof ALL) => orders.map((o) => o.orderNo).sort();

describe('order list filters', () => {
  it('shows every order when nothing is filtered', () => {
    expect(find({})).toEqual(nos(...ALL));
  });

  it('finds an order by its number, whole or by its beginning, in any case', () => {
    expect(find({ orderNo: inTransit.orderNo })).toEqual(nos(inTransit));
    expect(find({ orderNo: inTransit.orderNo.toLowerCase() })).toEqual(nos(inTransit));
    expect(find({ orderNo: inTransit.parentNo })).toEqual(nos(inTransit));
    expect(find({ orderNo: 'D25' })).toEqual(nos(dealers));
  });

  it('filters by order status, several at once', () => {
    expect(find({ statuses: ['PENDING_PAYMENT'] })).toEqual(nos(waitingPayment));
    expect(find({ statuses: ['PENDING_RECEIPT', 'CLOSED'] })).toEqual(nos(inTransit, refunded));
  });

  it('treats an empty selection like no selection', () => {
    expect(find({ statuses: [], platforms: [] })).toEqual(nos(...ALL));
  });

  it('filters by payment status and by refund status, separately', () => {
    expect(find({ paymentStatuses: ['UNPAID'] })).toEqual(nos(waitingPayment));
    expect(find({ paymentStatuses: ['REFUNDED'] })).toEqual(nos(refunded));
    expect(find({ refundStatuses: ['IN_PROGRESS'] })).toEqual(nos(refunding));
  });

  it('filters by kind, source and platform', () => {
    expect(find({ kinds: ['SERVICE'] })).toEqual(nos(coffee));
    expect(find({ sources: ['DEALER'] })).toEqual(nos(dealers));
    expect(find({ sources: ['EXTERNAL'] })).toEqual(nos(fromTmall));
    expect(find({ platforms: ['TMALL', 'OFFLINE'] })).toEqual(nos(fromTmall, dealers));
  });

  it('filters by payment channel, which is kept on the parent order', () => {
    expect(find({ paymentChannels: ['ALIPAY'] })).toEqual(nos(fromTmall));
    expect(find({ paymentChannels: ['BANK_TRANSFER'] })).toEqual(nos(dealers));
  });

  it("filters by the receiver's province", () => {
    expect(find({ provinces: ['广东省'] })).toEqual(nos(inGuangdong));
  });

  it('filters by warehouse, store and dealer', () => {
    expect(find({ warehouseIds: ['WH-BJ'] })).toEqual(nos(locked, stuck));
    expect(find({ warehouseIds: ['WH-GZ'] })).toEqual(nos(inTransit, inGuangdong));
    expect(find({ storeIds: ['ST-02'] })).toEqual(nos(coffee));
    expect(find({ dealerIds: ['DL-03'] })).toEqual(nos(dealers));
  });

  it('finds locked orders, and the ones that are not', () => {
    expect(find({ locked: true })).toEqual(nos(locked));
    expect(find({ locked: false })).toHaveLength(ALL.length - 1);
  });

  it('finds the exception queue, and the orders outside it', () => {
    expect(find({ exception: true })).toEqual(nos(stuck));
    expect(find({ exception: false })).not.toContain(stuck.orderNo);
  });

  it('filters by creation time, both ends inclusive', () => {
    expect(find({ time: { field: 'createdAt', from: NOW - 6 * DAY, to: NOW - 4 * DAY } })).toEqual(
      nos(plain, refunding, dealers),
    );
    expect(find({ time: { field: 'createdAt', to: NOW - 30 * DAY } })).toEqual(nos(refunded));
    expect(find({ time: { field: 'createdAt', from: dealers.createdAt, to: dealers.createdAt } })).toEqual(
      nos(dealers),
    );
  });

  it('filters by payment time, leaving out unpaid orders', () => {
    expect(find({ time: { field: 'paidAt', from: NOW - HOUR } })).not.toContain(waitingPayment.orderNo);
    expect(find({ time: { field: 'paidAt', to: NOW - 29 * DAY } })).toEqual(nos(refunded));
  });

  it('filters by shipping time', () => {
    expect(find({ time: { field: 'shippedAt', from: NOW - 3 * DAY } })).toEqual(nos(inTransit));
    expect(find({ time: { field: 'shippedAt', to: NOW - 3 * DAY } })).toEqual([]);
  });

  it('combines filters: each one narrows further', () => {
    expect(find({ statuses: ['PENDING_SHIPMENT'], warehouseIds: ['WH-BJ'], locked: false })).toEqual(nos(stuck));
    expect(find({ statuses: ['PENDING_SHIPMENT'], warehouseIds: ['WH-GZ'], provinces: ['广东省'] })).toEqual(
      nos(inGuangdong),
    );
    expect(find({ sources: ['MALL'], time: { field: 'createdAt', from: NOW - 5 * DAY, to: NOW - 4 * DAY } })).toEqual(
      nos(plain, refunding),
    );
    expect(find({ text: '陈静', warehouseIds: ['WH-SH'] })).toEqual([]);
  });

  it('lists rows with what the list shows', () => {
    const [row] = page(db, ADMIN, { filter: { orderNo: inTransit.orderNo } }).rows;
    expect(row).toEqual({
      orderNo: inTransit.orderNo,
      parentNo: inTransit.parentNo,
      kind: 'PHYSICAL',
      source: 'MALL',
      platform: 'MINI_PROGRAM',
      status: 'PENDING_RECEIPT',
      paymentStatus: 'PAID',
      refundStatus: 'NONE',
      locked: false,
      exception: null,
      paymentChannel: 'WECHAT_PAY',
      paymentSerialNo: '4200001234202506011234567890',
      merchantName: '官方自营',
      warehouseId: 'WH-GZ',
      storeId: null,
      dealerId: null,
      buyerAccount: '13812345678',
      receiverName: '张伟',
      receiverPhone: '13812345678',
      province: '上海市',
      city: '上海市',
      itemSummary: '纯棉短袖T恤×2',
      itemCount: 2,
      payable: 11800,
      trackingNos: 'SF1234567890123',
      createdAt: inTransit.createdAt,
      paidAt: inTransit.paidAt,
      shippedAt: NOW - 2 * DAY,
      pendingSync: 0,
    });
  });
});
