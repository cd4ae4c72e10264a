import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushResponse } from '../../../src/shared/contract/sync';
import { startTestService, type Session, type TestService } from '../../support/service';
import { getOrder, paidPhysical, place, pushOne, SELF, sfTracking, shipAll, sku } from '../helpers';

describe('pushing intents: the service re-executes each one against its own state', () => {
  let service: TestService;
  let admin: Session;
  let warehouse: Session;
  let otherDesk: Session;
  let clerk: Session;
  let supervisor: Session;

  beforeAll(async () => {
    service = await startTestService({ demoOrders: 150 });
    admin = await service.login('admin');
    warehouse = await service.login('warehouse1');
    otherDesk = await service.login('warehouse1');
    clerk = await service.login('clerk1');
    supervisor = await service.login('service1');
  });
  afterAll(() => service.close());

  it('ships a partial parcel (still 待发货), then the rest (待收货), with a waybill per parcel', async () => {
    const order = await paidPhysical(admin, 'WH-SH', 3);
    const first = await pushOne(warehouse, 'SHIP', {
      orderNo: order.orderNo,
      parcels: [{ carrier: 'SF', trackingNo: ' sf1234567890123 ', lines: [{ lineNo: 1, quantity: 1 }] }],
    });
    expect(first).toMatchObject({ status: 'applied', order: { status: 'PENDING_SHIPMENT' } });
    expect(first.order!.waybills).toEqual([
      expect.objectContaining({ carrier: 'SF', trackingNo: 'SF1234567890123', lines: [{ lineNo: 1, quantity: 1 }] }),
    ]);
    expect(first.order!.shippedAt).toBeNull();

    const rest = await shipAll(warehouse, first.order!, 'ZTO', '75312345678901');
    expect(rest).toMatchObject({
      status: 'applied',
      order: { status: 'PENDING_RECEIPT', shippedAt: service.clock.now() },
    });
    expect(rest.order!.waybills).toHaveLength(2);
    expect(rest.order!.timeline.at(-1)).toMatchObject({ actor: 'warehouse:warehouse1', action: 'SHIP' });
    expect(rest.order!.timeline.at(-1)!.device).toMatch(/^DEV-\d{4}$/);
  });

  it('lets the first desk to reach the service win a double shipment, whatever the device clocks said', async () => {
    const order = await paidPhysical(admin, 'WH-SH', 1);
    const parcel = (trackingNo: string) => ({
      orderNo: order.orderNo,
      parcels: [{ carrier: 'SF', trackingNo, lines: [{ lineNo: 1, quantity: 1 }] }],
    });
    // The losing desk's clock is hours ahead: the service orders by arrival, not by clientTime.
    const early = await warehouse.push([
      { type: 'SHIP', payload: parcel('SF1111111111111'), clientTime: service.clock.now() - 3_600_000 },
    ]);
    const late = await otherDesk.push([
      { type: 'SHIP', payload: parcel('SF2222222222222'), clientTime: service.clock.now() + 7_200_000 },
    ]);
    expect(early.body.results[0]).toMatchObject({ status: 'applied' });
    expect(late.body.results[0]).toMatchObject({ status: 'rejected', code: 'WRONG_STATUS' });
    // The loser sees the truth: the winner's parcel, not its own.
    expect(late.body.results[0]!.order!.waybills.map((w) => w.trackingNo)).toEqual(['SF1111111111111']);
  });

  it('refuses a parcel with a malformed tracking number and names the parcel', async () => {
    const order = await paidPhysical(admin, 'WH-SH', 1);
    const result = await pushOne(warehouse, 'SHIP', {
      orderNo: order.orderNo,
      parcels: [
        { carrier: 'SF', trackingNo: sfTracking(), lines: [{ lineNo: 1, quantity: 1 }] },
        { carrier: 'YTO', trackingNo: '12345', lines: [{ lineNo: 1, quantity: 1 }] },
      ],
    });
    expect(result).toMatchObject({
      status: 'rejected',
      code: 'TRACKING_FORMAT',
      fieldErrors: { 'parcels.1.trackingNo': 'TRACKING_FORMAT' },
    });
    expect((await getOrder(admin, order.orderNo)).waybills).toEqual([]);
  });

  it('refuses a waybill number already on another order, whoever used it, and ships nothing', async () => {
    const [first, second] = [await paidPhysical(admin, 'WH-SH', 1), await paidPhysical(admin, 'WH-SH', 2)];
    const trackingNo = sfTracking();
    const ship = (orderNo: string, number: string) =>
      pushOne(otherDesk, 'SHIP', {
        orderNo,
        parcels: [{ carrier: 'SF', trackingNo: number, lines: [{ lineNo: 1, quantity: 1 }] }],
      });
    expect(
      await pushOne(warehouse, 'SHIP', {
        orderNo: first.orderNo,
        parcels: [{ carrier: 'SF', trackingNo, lines: [{ lineNo: 1, quantity: 1 }] }],
      }),
    ).toMatchObject({ status: 'applied' });
    // The second desk scanned the same label (lower case, spaces: the same number once normalized).
    const reused = await ship(second.orderNo, ` ${trackingNo.toLowerCase()} `);
    expect(reused).toMatchObject({
      status: 'rejected',
      code: 'TRACKING_IN_USE',
      order: { status: 'PENDING_SHIPMENT' },
    });
    expect(reused.message).toContain(trackingNo);
    expect((await getOrder(admin, second.orderNo)).waybills).toEqual([]);
    // Its own number again on the same order is no conflict: a second parcel ships with a new one.
    expect(await ship(second.orderNo, sfTracking())).toMatchObject({ status: 'applied' });
  });

  it('applies an intent pushed twice once, and answers a lost-response retry with duplicate', async () => {
    const order = await paidPhysical(admin, 'WH-SH', 1);
    const note = warehouse.intent('NOTE', { orderNo: order.orderNo, text: '买家来电催发货，已安抚' });
    const first = await warehouse.push([note]);
    // The response is lost on the way; the client retries the very same intent.
    const retry = await warehouse.push([note]);
    expect(first.body.results[0]).toMatchObject({ id: note.id, status: 'applied' });
    expect(retry.body.results[0]).toMatchObject({ id: note.id, status: 'duplicate' });
    const notes = (await getOrder(admin, order.orderNo)).timeline.filter((t) => t.action === 'NOTE');
    expect(notes).toHaveLength(1);
    // Twice in one batch, too.
    const twice = warehouse.intent('NOTE', { orderNo: order.orderNo, text: '已电话联系买家确认地址' });
    const batch = await warehouse.push([twice, twice]);
    expect(batch.body.results.map((r) => r.status)).toEqual(['applied', 'duplicate']);
  });

  it('answers a retried refusal with the same refusal, even after the order changed', async () => {
    const order = await paidPhysical(admin, 'WH-SH', 1);
    const lock = supervisor.intent('LOCK', { orderNo: order.orderNo, reason: '疑似刷单，待风控核查' });
    await supervisor.push([lock]);
    const ship = warehouse.intent('SHIP', {
      orderNo: order.orderNo,
      parcels: [{ carrier: 'SF', trackingNo: sfTracking(), lines: [{ lineNo: 1, quantity: 1 }] }],
    });
    const refused = await warehouse.push([ship]);
    expect(refused.body.results[0]).toMatchObject({
      status: 'rejected',
      code: 'ORDER_LOCKED',
      order: { locked: true },
    });
    expect(await pushOne(supervisor, 'UNLOCK', { orderNo: order.orderNo })).toMatchObject({ status: 'applied' });
    const again = await warehouse.push([ship]);
    expect(again.body.results[0]).toMatchObject({ status: 'rejected', code: 'ORDER_LOCKED', order: { locked: false } });
  });

  it('keeps applying a batch after a malformed, an unknown and a refused intent, answering in order', async () => {
    const order = await paidPhysical(admin, 'WH-SH', 1);
    const good = warehouse.intent('NOTE', { orderNo: order.orderNo, text: '赠品随单附送' });
    const refused = warehouse.intent('UNLOCK', { orderNo: order.orderNo });
    const malformedId = randomUUID();
    const { deviceId } = await warehouse.device();
    const answer = await warehouse.post('/v1/sync/push', {
      deviceId,
      intents: [
        { id: malformedId, seq: 1, type: 'SHIP', payload: { orderNo: order.orderNo, parcels: 'many' }, clientTime: 1 },
        { id: randomUUID(), seq: 2, type: 'TELEPORT', payload: {}, clientTime: 1 },
        'not even an object',
        { ...refused, seq: 3 },
        { ...good, seq: 4 },
      ],
    });
    expect(answer.status).toBe(200);
    const { results } = pushResponse.parse(answer.body);
    expect(results.map((r) => [r.status, r.code])).toEqual([
      ['rejected', 'INVALID_INTENT'],
      ['rejected', 'UNKNOWN_INTENT_TYPE'],
      ['rejected', 'INVALID_INTENT'],
      ['rejected', 'NOT_LOCKED'],
      ['applied', undefined],
    ]);
    expect(results[0]).toMatchObject({ id: malformedId, fieldErrors: { parcels: 'INVALID_TYPE' } });
  });

  it('names each malformed field of an intent by its path', async () => {
    const result = await pushOne(warehouse, 'SHIP', {
      orderNo: 'M2503140000000001',
      parcels: [{ carrier: 'SF', trackingNo: sfTracking(), lines: [{ lineNo: 1, quantity: 0 }], colour: 'red' }],
    });
    expect(result).toMatchObject({
      status: 'rejected',
      code: 'INVALID_INTENT',
      fieldErrors: { 'parcels.0.lines.0.quantity': 'TOO_SMALL', 'parcels.0.colour': 'UNRECOGNIZED_KEYS' },
    });
  });

  it('refuses an intent the role may not take, and an order outside the scope as if it did not exist', async () => {
    const order = await paidPhysical(admin, 'WH-SH', 1);
    const elsewhere = await paidPhysical(admin, 'WH-GZ', 1);
    expect(await shipAll(clerk, order)).toMatchObject({ status: 'rejected', code: 'FORBIDDEN_ROLE' });
    const foreign = await shipAll(warehouse, elsewhere);
    expect(foreign).toMatchObject({ status: 'rejected', code: 'ORDER_NOT_FOUND' });
    expect(foreign.order).toBeUndefined();
    expect(await pushOne(warehouse, 'NOTE', { orderNo: 'M2503149999999901', text: '?' })).toMatchObject({
      code: 'ORDER_NOT_FOUND',
    });
  });

  it('locks with a reason and unlocks; a second lock is refused', async () => {
    const order = await paidPhysical(admin, 'WH-SH', 1);
    const locked = await pushOne(warehouse, 'LOCK', {
      orderNo: order.orderNo,
      reason: '买家要求修改收货地址，暂停发货',
    });
    expect(locked).toMatchObject({
      status: 'applied',
      order: { locked: true, lockReason: '买家要求修改收货地址，暂停发货' },
    });
    expect(await pushOne(warehouse, 'LOCK', { orderNo: order.orderNo, reason: '再锁一次' })).toMatchObject({
      status: 'rejected',
      code: 'ALREADY_LOCKED',
    });
    expect(await pushOne(warehouse, 'UNLOCK', { orderNo: order.orderNo })).toMatchObject({
      status: 'applied',
      order: { locked: false, lockReason: null },
    });
  });

  it('cancels an unpaid order (stock released) and refuses to cancel a paid one', async () => {
    const [unpaid] = await place(admin, {
      lines: [{ sku: sku('PHYSICAL', { merchantId: SELF, nth: 7 }), quantity: 1 }],
    });
    const cancelled = await pushOne(supervisor, 'CANCEL', { orderNo: unpaid!.orderNo, reason: '买家要求取消' });
    expect(cancelled).toMatchObject({ status: 'applied', order: { status: 'CANCELLED' } });
    const paid = await paidPhysical(admin, 'WH-SH', 1);
    expect(await pushOne(supervisor, 'CANCEL', { orderNo: paid.orderNo, reason: '买家要求取消' })).toMatchObject({
      status: 'rejected',
      code: 'WRONG_STATUS',
      order: { status: 'PENDING_SHIPMENT' },
    });
  });

  it('refuses a note without text at the contract and applies one with text', async () => {
    const order = await paidPhysical(admin, 'WH-SH', 1);
    expect(await pushOne(warehouse, 'NOTE', { orderNo: order.orderNo, text: '   ' })).toMatchObject({
      code: 'INVALID_INTENT',
    });
    expect(await pushOne(warehouse, 'NOTE', { orderNo: order.orderNo, text: '大客户订单，优先处理' })).toMatchObject({
      status: 'applied',
    });
  });

  it('refuses a push from an unregistered device, and an intent id someone else used', async () => {
    const unregistered = await warehouse.post('/v1/sync/push', {
      deviceId: randomUUID(),
      intents: [warehouse.intent('NOTE', { orderNo: 'x', text: 'y' })],
    });
    expect(unregistered).toMatchObject({ status: 409, body: { error: { code: 'DEVICE_NOT_REGISTERED' } } });

    const order = await paidPhysical(admin, 'WH-SH', 1);
    const note = warehouse.intent('NOTE', { orderNo: order.orderNo, text: '仓库备注' });
    await warehouse.push([note]);
    const stolen = await admin.push([note]);
    expect(stolen.body.results[0]).toMatchObject({ status: 'rejected', code: 'INTENT_ID_TAKEN' });
  });
});
