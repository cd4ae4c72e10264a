import { describe, expect, it } from 'vitest';
import { expectConverged, serviceOrders } from '../../support/convergence';
import { useDeskWorld } from '../../support/world';
import { act, sfNumber, unitsOwed, waitingToShip } from '../shipping/fixtures';

const receiver = {
  name: '李雷',
  phone: '13800138000',
  province: '浙江省',
  city: '杭州市',
  district: '西湖区',
  address: '文三路 90 号 5 楼',
  postcode: '310012',
};

/** Customer service at their desk, for buyers on the phone: each action allowed and refused, then synced. */
describe('customer service’s desk actions for a buyer', () => {
  const world = useDeskWorld({ demoOrders: 600 });

  it('cancels a paid out-of-stock order with its refund, once nothing of the order waits to sync', async () => {
    const [order, other] = await waitingToShip(world.service);
    const cs = await world.desk('service1');
    await act(cs, 'orders.note', { orderNo: order!.orderNo, text: '买家来电：缺货，同意取消' });
    // Money out waits for the service to confirm what this desk changed first.
    expect(await cs.call('orders.cancelPaid', { orderNo: order!.orderNo, reason: '缺货' })).toMatchObject({
      ok: false,
      error: { reason: 'WAITING_SYNC' },
    });
    await cs.sync();
    const cancelled = await act(cs, 'orders.cancelPaid', { orderNo: order!.orderNo, reason: '缺货' });
    expect(cancelled).toMatchObject({ status: 'CLOSED', refundStatus: 'REFUNDED', pendingSync: 1 });
    await cs.sync();
    const held = (await serviceOrders(world.service, 'service1')).get(order!.orderNo)!;
    expect(held).toMatchObject({ status: 'CLOSED', paymentStatus: 'REFUNDED' });
    expect(held.afterSales.at(-1)).toMatchObject({ status: 'SUCCEEDED', amount: order!.amounts.paid });

    const warehouse = await world.desk('warehouse1');
    expect(await warehouse.call('orders.cancelPaid', { orderNo: other!.orderNo, reason: '缺货' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_ROLE' },
    });
    await expectConverged(cs, world.service, 'service1');
  });

  it('changes a receiver before shipping, opens a request and confirms receipt for callers; refuses what the rules refuse', async () => {
    const [, , order] = await waitingToShip(world.service);
    const cs = await world.desk('service1');
    const changed = await act(cs, 'orders.changeReceiver', { orderNo: order!.orderNo, receiver, reason: '买家来电' });
    expect(changed.receiver).toEqual(receiver);
    expect(changed.timeline.at(-1)).toMatchObject({ action: 'CHANGE_RECEIVER' });
    expect(await cs.call('orders.confirmReceipt', { orderNo: order!.orderNo, reason: '买家来电' })).toMatchObject({
      ok: false,
      error: { code: 'ACTION_REFUSED', reason: 'WRONG_STATUS' },
    });
    await cs.sync();

    const warehouse = await world.desk('warehouse1');
    await act(warehouse, 'orders.ship', {
      orderNo: order!.orderNo,
      parcels: [
        {
          carrier: 'SF',
          trackingNo: sfNumber(),
          lines: order!.lines.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity })),
        },
      ],
    });
    expect(unitsOwed(order!)).toBeGreaterThan(0);
    await warehouse.sync();
    await cs.sync();

    expect(await cs.call('orders.changeReceiver', { orderNo: order!.orderNo, receiver, reason: '再改' })).toMatchObject(
      { ok: false, error: { reason: 'WRONG_STATUS' } },
    );
    const extended = await act(cs, 'orders.extendReceipt', { orderNo: order!.orderNo, reason: '买家出差' });
    expect(extended.timeline.at(-1)).toMatchObject({ action: 'EXTEND_RECEIPT' });
    expect(await cs.call('orders.extendReceipt', { orderNo: order!.orderNo, reason: '再延' })).toMatchObject({
      ok: false,
      error: { reason: 'RECEIPT_ALREADY_EXTENDED' },
    });
    const asked = await act(cs, 'aftersales.open', {
      orderNo: order!.orderNo,
      type: 'EXCHANGE',
      reason: '尺码不合适，换大一码',
    });
    expect(asked.afterSales.at(-1)).toMatchObject({ type: 'EXCHANGE', status: 'PENDING_REVIEW' });
    expect(
      await warehouse.call('aftersales.open', { orderNo: order!.orderNo, type: 'EXCHANGE', reason: 'x' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_ROLE' },
    });
    await cs.sync();
    const held = (await serviceOrders(world.service, 'service1')).get(order!.orderNo)!;
    expect(held.receiver).toEqual(receiver);
    expect(held.afterSales.at(-1)).toMatchObject({ type: 'EXCHANGE', status: 'PENDING_REVIEW' });
    await expectConverged(cs, world.service, 'service1');
  });
});
