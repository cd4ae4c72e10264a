import { describe, expect, it } from 'vitest';
import { serviceOrders } from '../../support/convergence';
import { useDeskWorld } from '../../support/world';
import { act, sfNumber, waitingToShip } from '../shipping/fixtures';

describe('tracking events entered by staff', () => {
  const world = useDeskWorld({ demoOrders: 300 });

  it('signs a parcel for from the desk, offline-first like any change; a number not on the order is refused', async () => {
    const desk = await world.desk('warehouse1');
    const [order] = await waitingToShip(world.service);
    const trackingNo = sfNumber();
    const lines = order!.lines.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity }));
    await act(desk, 'orders.ship', { orderNo: order!.orderNo, parcels: [{ carrier: 'SF', trackingNo, lines }] });
    const entry = {
      orderNo: order!.orderNo,
      trackingNo,
      time: world.service.clock.now(),
      status: 'DELIVERED',
      description: '快递员来电：门卫代收',
      location: '上海市',
    };
    const signed = await act(desk, 'orders.trackingEvent', entry);
    expect(signed.waybills[0]).toMatchObject({ status: 'DELIVERED', signedAt: entry.time });
    expect(signed.timeline.at(-1)).toMatchObject({ action: 'TRACKING_ENTRY', actor: 'warehouse:warehouse1' });
    expect(await desk.call('orders.trackingEvent', { ...entry, trackingNo: sfNumber() })).toMatchObject({
      ok: false,
      error: { reason: 'TRACKING_NOT_ON_ORDER' },
    });
    await desk.sync();
    const held = (await serviceOrders(world.service, 'warehouse1')).get(order!.orderNo)!;
    expect(held.waybills[0]).toMatchObject({
      status: 'DELIVERED',
      events: [{ text: '【上海市】已签收：快递员来电：门卫代收' }],
    });
  });
});
