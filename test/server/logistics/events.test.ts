import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGISTICS_SECRET } from '../../../src/server/config';
import { signParam } from '../../../src/server/logistics/events';
import { call, startTestService, type Session, type TestService } from '../../support/service';
import { getOrder, paidPhysical, pushOne, sfTracking } from '../helpers';

const DAY = 86_400_000;

describe('carrier events pushed to the signed webhook', () => {
  let service: TestService;
  let admin: Session;
  let warehouse: Session;
  beforeAll(async () => {
    service = await startTestService({ demoOrders: 0 });
    admin = await service.login('admin');
    warehouse = await service.login('warehouse1');
  });
  afterAll(() => service.close());

  const push = (events: unknown[], options: { secret?: string; sentAt?: number } = {}) => {
    const param = JSON.stringify({ sentAt: options.sentAt ?? service.clock.now(), events });
    return call(`${service.url}/v1/logistics/events`, {
      body: { param, sign: signParam(options.secret ?? DEMO_LOGISTICS_SECRET, param) },
    });
  };

  async function shipped() {
    const order = await paidPhysical(admin, 'WH-SH', 1, 3);
    const trackingNo = sfTracking();
    const parcel = { carrier: 'SF', trackingNo, lines: [{ lineNo: 1, quantity: 1 }] };
    expect(await pushOne(warehouse, 'SHIP', { orderNo: order.orderNo, parcels: [parcel] })).toMatchObject({
      status: 'applied',
    });
    return { orderNo: order.orderNo, trackingNo };
  }

  it('signs an order for (签收): the waybill, its history, the timeline; the same push again changes nothing', async () => {
    const { orderNo, trackingNo } = await shipped();
    const t = service.clock.now();
    const events = [
      {
        carrier: 'SF',
        trackingNo,
        time: t + 3_600_000,
        status: 'IN_TRANSIT',
        description: '快件已发往上海浦东',
        location: '上海青浦',
      },
      { carrier: 'SF', trackingNo, time: t + DAY, status: 'DELIVERED', description: '本人签收', location: '上海市' },
    ];
    expect((await push(events)).body).toEqual({ applied: 2, unknown: [] });
    const order = await getOrder(admin, orderNo);
    expect(order.waybills[0]).toMatchObject({ status: 'DELIVERED', signedAt: t + DAY });
    expect(order.waybills[0]!.events.map((e: { text: string }) => e.text)).toEqual([
      '【上海青浦】运输中：快件已发往上海浦东',
      '【上海市】已签收：本人签收',
    ]);
    expect(order.timeline.at(-1)).toMatchObject({ action: 'SIGNED', actor: 'carrier:SF', device: 'logistics' });
    expect((await push(events)).body).toEqual({ applied: 0, unknown: [] });
    expect((await getOrder(admin, orderNo)).waybills[0]!.events).toHaveLength(2);
  });

  it('lets a signed order confirm itself 7 days after the signature, before the 10 days from shipping', async () => {
    const { orderNo, trackingNo } = await shipped();
    const t = service.clock.now();
    await push([
      { carrier: 'SF', trackingNo, time: t + DAY, status: 'DELIVERED', description: '快递柜签收', location: '' },
    ]);
    service.clock.advance(8 * DAY + 60_000);
    await service.runDueTimers();
    expect((await getOrder(admin, orderNo)).status).toBe('COMPLETED');
  });

  it('records 拒收 as a returned parcel, and names numbers it does not know', async () => {
    const { orderNo, trackingNo } = await shipped();
    const answer = await push([
      {
        carrier: 'SF',
        trackingNo,
        time: service.clock.now(),
        status: 'REJECTED',
        description: '收件人拒收',
        location: '杭州',
      },
      {
        carrier: 'SF',
        trackingNo: 'SF9999999999999',
        time: service.clock.now(),
        status: 'IN_TRANSIT',
        description: '揽收',
        location: '',
      },
    ]);
    expect(answer.body).toEqual({ applied: 1, unknown: ['SF9999999999999'] });
    expect((await getOrder(admin, orderNo)).waybills[0]).toMatchObject({ status: 'RETURNED' });
  });

  it('refuses a wrong signature and a replayed push, changing nothing', async () => {
    const { orderNo, trackingNo } = await shipped();
    const event = {
      carrier: 'SF',
      trackingNo,
      time: service.clock.now(),
      status: 'DELIVERED',
      description: '签收',
      location: '',
    };
    expect(await push([event], { secret: 'guessed' })).toMatchObject({
      status: 401,
      body: { error: { code: 'SIGNATURE_INVALID' } },
    });
    expect(await push([event], { sentAt: service.clock.now() - 3_600_000 })).toMatchObject({
      status: 401,
      body: { error: { code: 'SIGNATURE_INVALID' } },
    });
    expect((await getOrder(admin, orderNo)).waybills[0]).toMatchObject({ status: 'IN_TRANSIT', events: [] });
  });
});
