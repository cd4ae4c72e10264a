import { describe, expect, it } from 'vitest';
import type { OrderRecord } from '../../../src/shared/contract/records';
import type { AfterSaleType } from '../../../src/shared/domain/vocabulary';
import { expectConverged, serviceOrders } from '../../support/convergence';
import type { TestService } from '../../support/service';
import { useDeskWorld } from '../../support/world';
import { act, waitingToShip } from '../shipping/fixtures';

/** Shipped Shanghai orders nobody has asked anything about yet. */
async function onTheirWay(service: TestService): Promise<OrderRecord[]> {
  return [...(await serviceOrders(service, 'warehouse1')).values()].filter(
    (o) => o.status === 'PENDING_RECEIPT' && o.refundStatus === 'NONE' && !o.locked && o.warehouseId === 'WH-SH',
  );
}

/** The buyer asks, through the demo mall, about the whole order. */
async function buyerAsks(service: TestService, orderNo: string, type: AfterSaleType, reason: string) {
  const admin = await service.login('admin');
  const asked = await admin.post('/v1/events/after-sale-requested', { orderNo: orderNo, type, reason });
  expect(asked.status, JSON.stringify(asked.body)).toBe(200);
  return asked.body as { id: string; afterSaleNo: string; amount: number };
}

const requestAt = async (service: TestService, orderNo: string, id: string) =>
  (await serviceOrders(service, 'service1')).get(orderNo)!.afterSales.find((a) => a.id === id)!;

describe('returns and after-sales at the desks', () => {
  const world = useDeskWorld({ demoOrders: 600 });

  it('a return: service approves, the warehouse receives the goods (待退款), service refunds by the original route', async () => {
    const [order] = await onTheirWay(world.service);
    const request = await buyerAsks(world.service, order!.orderNo, 'RETURN_REFUND', '尺码不合适');
    const service = await world.desk('service1');
    const approved = await act(service, 'aftersales.approve', { orderNo: order!.orderNo, afterSaleId: request.id });
    expect(approved.afterSales.find((a) => a.id === request.id)?.status).toBe('AWAITING_RETURN');
    await service.sync();

    const warehouse = await world.desk('warehouse1');
    // Reviewing is not the warehouse's to do.
    expect(
      await warehouse.call('aftersales.approve', { orderNo: order!.orderNo, afterSaleId: request.id }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ROLE' } });
    const received = await act(warehouse, 'aftersales.receiveReturn', {
      orderNo: order!.orderNo,
      afterSaleId: request.id,
    });
    expect(received.afterSales.find((a) => a.id === request.id)?.status).toBe('PENDING_REFUND');
    await warehouse.sync();
    expect(await requestAt(world.service, order!.orderNo, request.id)).toMatchObject({ status: 'PENDING_REFUND' });

    await service.sync();
    const refunded = await act(service, 'aftersales.refund', { orderNo: order!.orderNo, afterSaleId: request.id });
    expect(refunded.timeline.at(-1)?.action).toMatch(/REFUND|CLOSE/);
    await service.sync();
    const after = (await serviceOrders(world.service, 'service1')).get(order!.orderNo)!;
    expect(after.afterSales.find((a) => a.id === request.id)).toMatchObject({ status: 'SUCCEEDED' });
    expect(after.refundStatus).toBe('REFUNDED');
    expect(after.status).toBe('CLOSED');
    expect(after.timeline.some((e) => e.action === 'REFUND' && e.detail.includes('原路退回'))).toBe(true);
    await expectConverged(service, world.service, 'service1');
    await warehouse.sync();
    await expectConverged(warehouse, world.service, 'warehouse1');
  });

  it('an exchange: the goods come back and the replacement leaves with a waybill of its own', async () => {
    const [, order] = await onTheirWay(world.service);
    const request = await buyerAsks(world.service, order!.orderNo, 'EXCHANGE', '颜色发错了');
    const service = await world.desk('service1');
    await act(service, 'aftersales.approve', { orderNo: order!.orderNo, afterSaleId: request.id });
    await service.sync();
    const warehouse = await world.desk('warehouse1');
    await act(warehouse, 'aftersales.receiveReturn', { orderNo: order!.orderNo, afterSaleId: request.id });
    expect(
      await warehouse.call('aftersales.shipExchange', {
        orderNo: order!.orderNo,
        afterSaleId: request.id,
        carrier: 'ZTO',
        trackingNo: 'SF1234567890123',
      }),
    ).toMatchObject({ ok: false, error: { code: 'ACTION_REFUSED', reason: 'TRACKING_FORMAT' } });
    const sent = await act(warehouse, 'aftersales.shipExchange', {
      orderNo: order!.orderNo,
      afterSaleId: request.id,
      carrier: 'ZTO',
      trackingNo: '75312345678901',
    });
    expect(sent.waybills.at(-1)).toMatchObject({ carrier: 'ZTO', trackingNo: '75312345678901' });
    await warehouse.sync();
    const after = (await serviceOrders(world.service, 'warehouse1')).get(order!.orderNo)!;
    expect(after.afterSales.find((a) => a.id === request.id)).toMatchObject({ status: 'SUCCEEDED' });
    expect(after.waybills.map((w) => w.trackingNo)).toContain('75312345678901');
    await expectConverged(warehouse, world.service, 'warehouse1');
  });

  it('a refund-only request holds the shipment until service rejects it with a reason', async () => {
    const [order] = await waitingToShip(world.service);
    const request = await buyerAsks(world.service, order!.orderNo, 'REFUND_ONLY', '不想要了');
    const warehouse = await world.desk('warehouse1');
    const whole = order!.lines.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity }));
    const ship = { orderNo: order!.orderNo, parcels: [{ carrier: 'SF', trackingNo: 'SF7319999999999', lines: whole }] };
    expect(await warehouse.call('orders.ship', ship)).toMatchObject({
      ok: false,
      error: { reason: 'SHIPPING_INTERCEPTED' },
    });

    const service = await world.desk('service1');
    expect(
      await service.call('aftersales.reject', { orderNo: order!.orderNo, afterSaleId: request.id, reason: ' ' }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    await act(service, 'aftersales.reject', {
      orderNo: order!.orderNo,
      afterSaleId: request.id,
      reason: '商品已打包出库，请收货后申请退货',
    });
    await service.sync();
    expect(await requestAt(world.service, order!.orderNo, request.id)).toMatchObject({
      status: 'REJECTED',
      rejectReason: '商品已打包出库，请收货后申请退货',
    });
    await warehouse.sync();
    expect(await act(warehouse, 'orders.ship', ship)).toMatchObject({ status: 'PENDING_RECEIPT' });
    await warehouse.sync();
    await expectConverged(warehouse, world.service, 'warehouse1');
  });

  it('a refund waits until the approval made on this desk has reached the service, then closes the unshipped order', async () => {
    const [, order] = await waitingToShip(world.service);
    const request = await buyerAsks(world.service, order!.orderNo, 'REFUND_ONLY', '地址填写错误');
    const service = await world.desk('service1');
    await act(service, 'aftersales.approve', { orderNo: order!.orderNo, afterSaleId: request.id });
    const refund = { orderNo: order!.orderNo, afterSaleId: request.id };
    expect(await service.call('aftersales.refund', refund)).toMatchObject({
      ok: false,
      error: { code: 'ACTION_REFUSED', reason: 'WAITING_SYNC' },
    });
    await service.sync();
    expect(await act(service, 'aftersales.refund', refund)).toMatchObject({
      status: 'CLOSED',
      refundStatus: 'REFUNDED',
    });
    await service.sync();
    expect((await serviceOrders(world.service, 'service1')).get(order!.orderNo)).toMatchObject({
      status: 'CLOSED',
      paymentStatus: 'REFUNDED',
    });
    await expectConverged(service, world.service, 'service1');
  });
});
