import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type Session, type TestService } from '../../support/service';
import { paidPhysical, pushOne } from '../helpers';

describe('电子面单 number pools', () => {
  let service: TestService;
  let admin: Session;
  let warehouse: Session;
  beforeAll(async () => {
    service = await startTestService({ demoOrders: 0 });
    admin = await service.login('admin');
    warehouse = await service.login('warehouse1');
  });
  afterAll(() => service.close());

  const reserve = (count: number, reservation = randomUUID(), deviceId = 'desk-a') =>
    warehouse.post('/v1/waybill-numbers/reserve', {
      deviceId,
      carrier: 'SF',
      warehouseId: 'WH-SH',
      count,
      reservation,
    });

  it('loads a range and a list an admin was given by the carrier, refusing numbers of another format', async () => {
    const range = await admin.post('/v1/admin/waybill-pools/load', {
      carrier: 'SF',
      warehouseId: 'WH-SH',
      range: { prefix: 'SF', from: 1400000000001, to: 1400000000010 },
    });
    expect(range).toMatchObject({ status: 200, body: { added: 10, alreadyLoaded: 0 } });
    const list = await admin.post('/v1/admin/waybill-pools/load', {
      carrier: 'SF',
      warehouseId: 'WH-SH',
      numbers: ['SF1400000000010', 'sf1400000000011'],
    });
    expect(list).toMatchObject({ status: 200, body: { added: 1, alreadyLoaded: 1 } });
    const bad = await admin.post('/v1/admin/waybill-pools/load', {
      carrier: 'SF',
      warehouseId: 'WH-SH',
      numbers: ['YT123'],
    });
    expect(bad).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
    expect(
      (await warehouse.post('/v1/admin/waybill-pools/load', { carrier: 'SF', warehouseId: 'WH-SH', numbers: [] }))
        .status,
    ).toBe(403);
  });

  it('hands out blocks in load order, never the same number twice; a retried request gets the same block', async () => {
    const reservation = randomUUID();
    const first = await reserve(4, reservation);
    expect(first.body.trackingNos).toEqual([
      'SF1400000000001',
      'SF1400000000002',
      'SF1400000000003',
      'SF1400000000004',
    ]);
    expect((await reserve(4, reservation)).body.trackingNos).toEqual(first.body.trackingNos);
    const second = await reserve(4, randomUUID(), 'desk-b');
    expect(second.body.trackingNos).toEqual([
      'SF1400000000005',
      'SF1400000000006',
      'SF1400000000007',
      'SF1400000000008',
    ]);
    const counts = await admin.get('/v1/admin/waybill-pools');
    expect(counts.body.pools).toEqual([
      { carrier: 'SF', warehouseId: 'WH-SH', state: 'FREE', count: 3 },
      { carrier: 'SF', warehouseId: 'WH-SH', state: 'RESERVED', count: 8 },
    ]);
  });

  it('marks a shipped number used, and never ships a voided one', async () => {
    const [a, b] = [await paidPhysical(admin, 'WH-SH', 1, 1), await paidPhysical(admin, 'WH-SH', 1, 2)];
    const parcel = (trackingNo: string, order: typeof a) => ({
      carrier: 'SF',
      trackingNo,
      lines: order.lines.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity })),
    });
    expect(
      await pushOne(warehouse, 'SHIP', { orderNo: a.orderNo, parcels: [parcel('SF1400000000001', a)] }),
    ).toMatchObject({
      status: 'applied',
    });
    expect(
      await warehouse.post('/v1/waybill-numbers/void', { trackingNo: 'SF1400000000001', reason: '打印错位' }),
    ).toMatchObject({
      status: 409,
      body: { error: { code: 'TRACKING_IN_USE' } },
    });
    expect(
      await warehouse.post('/v1/waybill-numbers/void', { trackingNo: 'SF1400000000002', reason: '面单卡纸' }),
    ).toMatchObject({
      status: 200,
      body: { state: 'VOID' },
    });
    expect(
      await pushOne(warehouse, 'SHIP', { orderNo: b.orderNo, parcels: [parcel('SF1400000000002', b)] }),
    ).toMatchObject({
      status: 'rejected',
      code: 'TRACKING_VOIDED',
    });
    const counts = (await admin.get('/v1/admin/waybill-pools')).body.pools as Array<{ state: string; count: number }>;
    expect(Object.fromEntries(counts.map((c) => [c.state, c.count]))).toEqual({
      FREE: 3,
      RESERVED: 6,
      USED: 1,
      VOID: 1,
    });
  });
});
