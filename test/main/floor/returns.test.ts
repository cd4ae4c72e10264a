import { describe, expect, it } from 'vitest';
import type { OrderRecord } from '../../../src/shared/contract/records';
import { serviceOrders } from '../../support/convergence';
import type { TestService } from '../../support/service';
import { useDeskWorld } from '../../support/world';
import { act } from '../shipping/fixtures';

/** Shipped Shanghai orders nobody has asked anything about yet. */
async function onTheirWay(service: TestService): Promise<OrderRecord[]> {
  return [...(await serviceOrders(service, 'warehouse1')).values()].filter(
    (o) => o.status === 'PENDING_RECEIPT' && o.refundStatus === 'NONE' && !o.locked && o.warehouseId === 'WH-SH',
  );
}

describe('退货扫描: a return parcel found by its tracking number at the warehouse desk', () => {
  const world = useDeskWorld({ demoOrders: 600 });

  it('finds the request the buyer named the parcel on, and one staff wrote down, then receives the goods', async () => {
    const [first, second] = await onTheirWay(world.service);
    const admin = await world.service.login('admin');
    // The buyer says which parcel the goods come back in (the mall, a platform, an ERP).
    const told = await admin.post('/v1/events/after-sale-requested', {
      orderNo: first!.orderNo,
      type: 'RETURN_REFUND',
      reason: '尺码不合适',
      returnShipment: { carrier: 'YTO', trackingNo: 'YT8800000000001' },
    });
    expect(told.status, JSON.stringify(told.body)).toBe(200);
    // The other buyer phones customer service instead.
    const phoned = await admin.post('/v1/events/after-sale-requested', {
      orderNo: second!.orderNo,
      type: 'EXCHANGE',
      reason: '颜色发错',
    });
    expect(phoned.status).toBe(200);
    const service = await world.desk('service1');
    await act(service, 'aftersales.approve', { orderNo: first!.orderNo, afterSaleId: told.body.id });
    await act(service, 'aftersales.approve', { orderNo: second!.orderNo, afterSaleId: phoned.body.id });
    await service.sync();

    const warehouse = await world.desk('warehouse1');
    // Scanned as it arrives: lower case and spaces from a hand scanner do not matter.
    expect(await act(warehouse, 'returns.find', { trackingNo: ' yt8800000000001 ' })).toEqual({
      orderNo: first!.orderNo,
      afterSaleId: told.body.id,
      afterSaleNo: told.body.afterSaleNo,
      type: 'RETURN_REFUND',
      status: 'AWAITING_RETURN',
    });
    expect(await warehouse.call('returns.find', { trackingNo: 'YT8800000000002' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });

    // Staff write down the parcel the buyer named on the phone; a number that fits no carrier is refused.
    const afterSaleId = phoned.body.id as string;
    expect(
      await warehouse.call('aftersales.returnParcel', {
        orderNo: second!.orderNo,
        afterSaleId,
        carrier: 'YTO',
        trackingNo: '12',
      }),
    ).toMatchObject({ ok: false, error: { reason: 'TRACKING_FORMAT' } });
    const written = await act(warehouse, 'aftersales.returnParcel', {
      orderNo: second!.orderNo,
      afterSaleId,
      carrier: 'YTO',
      trackingNo: 'YT8800000000002',
    });
    expect(written.afterSales.find((a) => a.id === afterSaleId)?.returnShipment).toEqual({
      carrier: 'YTO',
      trackingNo: 'YT8800000000002',
    });
    expect(written.timeline.at(-1)).toMatchObject({ action: 'RETURN_PARCEL', actor: 'warehouse:warehouse1' });
    expect(await act(warehouse, 'returns.find', { trackingNo: 'YT8800000000002' })).toMatchObject({
      orderNo: second!.orderNo,
      afterSaleId,
      type: 'EXCHANGE',
      status: 'AWAITING_EXCHANGE_RETURN',
    });

    const received = await act(warehouse, 'aftersales.receiveReturn', {
      orderNo: first!.orderNo,
      afterSaleId: told.body.id,
    });
    expect(received.afterSales.find((a) => a.id === told.body.id)?.status).toBe('PENDING_REFUND');
    await warehouse.sync();
    const held = await serviceOrders(world.service, 'warehouse1');
    expect(held.get(second!.orderNo)!.afterSales.find((a) => a.id === afterSaleId)?.returnShipment).toEqual({
      carrier: 'YTO',
      trackingNo: 'YT8800000000002',
    });
    expect(held.get(first!.orderNo)!.afterSales.find((a) => a.id === told.body.id)?.status).toBe('PENDING_REFUND');
  });
});
