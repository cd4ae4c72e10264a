import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderRecord } from '../../../src/shared/contract/records';
import { startTestService, type Session, type TestService } from '../../support/service';
import { SELF, buyerNear, getOrder, placePaid, pushOne, sfTracking, shipAll, sku } from '../helpers';

/** A paid Shanghai order of one buyer: two lines, 2 + 1 units. */
async function twoLineOrder(admin: Session, buyerIndex = buyerNear('WH-SH')): Promise<OrderRecord> {
  const [order] = await placePaid(admin, {
    lines: [
      { sku: sku('PHYSICAL', { merchantId: SELF, nth: 0 }), quantity: 2 },
      { sku: sku('PHYSICAL', { merchantId: SELF, nth: 1 }), quantity: 1 },
    ],
    buyerIndex,
  });
  return order!;
}

const all = (order: OrderRecord) => order.lines.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity }));

describe('拆单 and 合单 before shipping', () => {
  let service: TestService;
  let admin: Session;
  let warehouse: Session;
  beforeAll(async () => {
    service = await startTestService({ demoOrders: 0 });
    admin = await service.login('admin');
    warehouse = await service.login('warehouse1');
  });
  afterAll(() => service.close());

  it('splits an order into two parcels that ship one by one, each under its own label', async () => {
    const order = await twoLineOrder(admin);
    const [first, second] = order.lines as [OrderRecord['lines'][0], OrderRecord['lines'][0]];
    const wrong = await pushOne(warehouse, 'SPLIT', {
      orderNo: order.orderNo,
      parts: [[{ lineNo: first.lineNo, quantity: 1 }], [{ lineNo: second.lineNo, quantity: 1 }]],
    });
    expect(wrong).toMatchObject({ status: 'rejected', code: 'SPLIT_INVALID' });
    const parts = [
      [{ lineNo: first.lineNo, quantity: 1 }],
      [
        { lineNo: first.lineNo, quantity: 1 },
        { lineNo: second.lineNo, quantity: 1 },
      ],
    ];
    expect(await pushOne(warehouse, 'SPLIT', { orderNo: order.orderNo, parts })).toMatchObject({ status: 'applied' });
    expect(await pushOne(warehouse, 'SPLIT', { orderNo: order.orderNo, parts })).toMatchObject({
      status: 'rejected',
      code: 'ALREADY_SPLIT',
    });

    // Everything in one parcel is no part of the split.
    const whole = await shipAll(warehouse, order);
    expect(whole).toMatchObject({ status: 'rejected', code: 'NOT_A_SPLIT_PART' });

    const second1 = sfTracking();
    const shipSecond = await pushOne(warehouse, 'SHIP', {
      orderNo: order.orderNo,
      parcels: [{ carrier: 'SF', trackingNo: second1, lines: parts[1] }],
    });
    expect(shipSecond).toMatchObject({ status: 'applied' });
    let held = await getOrder(warehouse, order.orderNo);
    expect(held.status).toBe('PENDING_SHIPMENT');
    expect(held.split!.parts.map((p) => p.waybillId)).toEqual([null, `${order.orderNo}-W1`]);

    const shipFirst = await pushOne(warehouse, 'SHIP', {
      orderNo: order.orderNo,
      parcels: [{ carrier: 'SF', trackingNo: sfTracking(), lines: parts[0] }],
    });
    expect(shipFirst).toMatchObject({ status: 'applied' });
    held = await getOrder(warehouse, order.orderNo);
    expect(held.status).toBe('PENDING_RECEIPT');
    expect(held.waybills.map((w) => w.lines)).toEqual([parts[1], parts[0]]);
    expect(held.timeline.map((t) => t.action)).toEqual(expect.arrayContaining(['SPLIT', 'SHIP']));
    // Shipped: nothing left to undo.
    expect(await pushOne(warehouse, 'UNSPLIT', { orderNo: order.orderNo })).toMatchObject({
      status: 'rejected',
      code: 'WRONG_STATUS',
    });
  });

  it('undoes a split before the rest ships: what is left leaves as one parcel', async () => {
    const order = await twoLineOrder(admin);
    const [first, second] = order.lines as [OrderRecord['lines'][0], OrderRecord['lines'][0]];
    await pushOne(warehouse, 'SPLIT', {
      orderNo: order.orderNo,
      parts: [[{ lineNo: first.lineNo, quantity: 2 }], [{ lineNo: second.lineNo, quantity: 1 }]],
    });
    await pushOne(warehouse, 'SHIP', {
      orderNo: order.orderNo,
      parcels: [{ carrier: 'SF', trackingNo: sfTracking(), lines: [{ lineNo: first.lineNo, quantity: 2 }] }],
    });
    expect(await pushOne(warehouse, 'UNSPLIT', { orderNo: order.orderNo })).toMatchObject({ status: 'applied' });
    const held = await getOrder(warehouse, order.orderNo);
    expect(held.split).toBeUndefined();
    expect(held.timeline.at(-1)).toMatchObject({ action: 'UNSPLIT' });
    const rest = await pushOne(warehouse, 'SHIP', {
      orderNo: order.orderNo,
      parcels: [{ carrier: 'SF', trackingNo: sfTracking(), lines: [{ lineNo: second.lineNo, quantity: 1 }] }],
    });
    expect(rest).toMatchObject({ status: 'applied' });
  });

  it('merges two orders of one buyer into one parcel: one waybill number on both, a third order refused it', async () => {
    const buyer = buyerNear('WH-SH');
    const [a, b] = [await twoLineOrder(admin, buyer), await twoLineOrder(admin, buyer)];
    const mergeId = randomUUID();
    const orderNos = [a.orderNo, b.orderNo];
    const merged = await warehouse.push([
      { type: 'MERGE', payload: { orderNo: a.orderNo, mergeId, orderNos } },
      { type: 'MERGE', payload: { orderNo: b.orderNo, mergeId, orderNos } },
    ]);
    expect(merged.body.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied']);

    // Alone, a merged order does not ship.
    expect(await shipAll(warehouse, a)).toMatchObject({ status: 'rejected', code: 'MERGED_ORDER' });

    const trackingNo = sfTracking();
    const shipped = await warehouse.push(
      [a, b].map((order) => ({
        type: 'SHIP',
        payload: {
          orderNo: order.orderNo,
          merge: mergeId,
          parcels: [{ carrier: 'SF', trackingNo, lines: all(order) }],
        },
      })),
    );
    expect(shipped.body.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied']);
    for (const order of [a, b]) {
      const held = await getOrder(warehouse, order.orderNo);
      expect(held.status).toBe('PENDING_RECEIPT');
      expect(held.waybills.map((w) => w.trackingNo)).toEqual([trackingNo]);
      expect(held.timeline.map((t) => t.action)).toEqual(expect.arrayContaining(['MERGE', 'SHIP']));
    }
    const stranger = await twoLineOrder(admin);
    expect(await shipAll(warehouse, stranger, 'SF', trackingNo)).toMatchObject({
      status: 'rejected',
      code: 'TRACKING_IN_USE',
    });
  });

  it('refuses a merge of different buyers, and one order left alone by UNMERGE ships on its own', async () => {
    const buyer = buyerNear('WH-SH');
    const [a, b] = [await twoLineOrder(admin, buyer), await twoLineOrder(admin, buyer)];
    const other = await twoLineOrder(admin, buyer + 1_000);
    const mismatch = await pushOne(warehouse, 'MERGE', {
      orderNo: a.orderNo,
      mergeId: randomUUID(),
      orderNos: [a.orderNo, other.orderNo],
    });
    expect(mismatch).toMatchObject({
      status: 'rejected',
      code: expect.stringMatching(/MERGE_MISMATCH|ORDER_NOT_FOUND/),
    });

    const mergeId = randomUUID();
    const orderNos = [a.orderNo, b.orderNo];
    await warehouse.push(orderNos.map((orderNo) => ({ type: 'MERGE', payload: { orderNo, mergeId, orderNos } })));
    expect(await pushOne(warehouse, 'SPLIT', { orderNo: a.orderNo, parts: all(a).map((l) => [l]) })).toMatchObject({
      status: 'rejected',
      code: 'ALREADY_MERGED',
    });
    expect(await pushOne(warehouse, 'UNMERGE', { orderNo: a.orderNo, mergeId })).toMatchObject({ status: 'applied' });
    expect((await getOrder(warehouse, a.orderNo)).merge).toBeUndefined();
    expect(await shipAll(warehouse, a)).toMatchObject({ status: 'applied' });
    // b is still merged (with nobody left): it ships with its merge id, alone.
    const trackingNo = sfTracking();
    expect(
      await pushOne(warehouse, 'SHIP', {
        orderNo: b.orderNo,
        merge: mergeId,
        parcels: [{ carrier: 'SF', trackingNo, lines: all(b) }],
      }),
    ).toMatchObject({ status: 'applied' });
  });
});
