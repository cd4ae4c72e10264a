import { describe, expect, it } from 'vitest';
import type { OrderRecord } from '../../../src/shared/contract/records';
import { serviceOrders } from '../../support/convergence';
import type { TestDesk } from '../../support/desk';
import { useDeskWorld } from '../../support/world';
import { act, waitingToShip } from '../shipping/fixtures';

async function value<T>(desk: TestDesk, procedure: string, input: unknown): Promise<T> {
  const result = await desk.call(procedure, input);
  if (!result.ok) throw new Error(`${procedure}: ${result.error.code} ${result.error.reason ?? result.error.message}`);
  return result.value as T;
}

const wholeParcel = (order: OrderRecord, trackingNo: string) => ({
  carrier: 'SF',
  trackingNo,
  lines: order.lines.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity })),
});

/** Takes the order's label number from the desk's block and ships with it, as the station does. */
async function printAndShip(desk: TestDesk, order: OrderRecord): Promise<string> {
  const { trackingNo } = await value<{ trackingNo: string }>(desk, 'labels.take', {
    orderNo: order.orderNo,
    carrier: 'SF',
  });
  await act(desk, 'orders.ship', { orderNo: order.orderNo, parcels: [wholeParcel(order, trackingNo)] });
  return trackingNo;
}

describe('电子面单 from a desk’s reserved block', () => {
  const world = useDeskWorld({ demoOrders: 600 });

  it('two desks print offline from their own blocks, then sync: no number used twice, a voided one never ships', async () => {
    const admin = await world.service.login('admin');
    const loaded = await admin.post('/v1/admin/waybill-pools/load', {
      carrier: 'SF',
      warehouseId: 'WH-SH',
      range: { prefix: 'SF', from: 1500000000001, to: 1500000000120 },
    });
    expect(loaded.body).toEqual({ added: 120, alreadyLoaded: 0 });
    const [deskA, deskB] = [await world.desk('warehouse1'), await world.desk('warehouse1')];
    const blockA = await value<{ free: number; online: boolean }>(deskA, 'labels.topUp', {
      carrier: 'SF',
      warehouseId: 'WH-SH',
    });
    const blockB = await value<{ free: number }>(deskB, 'labels.topUp', { carrier: 'SF', warehouseId: 'WH-SH' });
    expect([blockA.free, blockA.online, blockB.free]).toEqual([50, true, 50]);

    const orders = (await waitingToShip(world.service)).slice(0, 6);
    await world.proxy.refuse();
    const fromA = [await printAndShip(deskA, orders[0]!), await printAndShip(deskA, orders[1]!)];
    // A reprint of the same order's label gives the same number; a spoiled label goes on the void list.
    const { trackingNo: spoiled } = await value<{ trackingNo: string }>(deskA, 'labels.take', {
      orderNo: orders[2]!.orderNo,
      carrier: 'SF',
    });
    expect(await value(deskA, 'labels.take', { orderNo: orders[2]!.orderNo, carrier: 'SF' })).toEqual({
      trackingNo: spoiled,
      carrier: 'SF',
    });
    expect(await value(deskA, 'labels.void', { trackingNo: spoiled, reason: '卡纸，面单作废' })).toMatchObject({
      voided: 1,
    });
    fromA.push(await printAndShip(deskA, orders[2]!));
    const fromB = [];
    for (const order of orders.slice(3)) fromB.push(await printAndShip(deskB, order));
    // Offline the void waits on the desk (and the block is still full enough to print on).
    expect(await value(deskA, 'labels.topUp', { carrier: 'SF', warehouseId: 'WH-SH' })).toMatchObject({
      online: false,
      free: 46,
      voided: 1,
    });

    await world.proxy.restore();
    await deskA.sync();
    await deskB.sync();
    await value(deskA, 'labels.topUp', { carrier: 'SF', warehouseId: 'WH-SH' });
    const used = [...fromA, ...fromB];
    expect(new Set(used).size).toBe(6);
    expect(used).not.toContain(spoiled);
    const held = await serviceOrders(world.service, 'warehouse1');
    expect(orders.map((o) => held.get(o.orderNo)?.waybills.map((w) => w.trackingNo))).toEqual(used.map((t) => [t]));
    const pools = (await admin.get('/v1/admin/waybill-pools')).body.pools as Array<{ state: string; count: number }>;
    expect(Object.fromEntries(pools.map((p) => [p.state, p.count]))).toEqual({
      FREE: 20,
      RESERVED: 93,
      USED: 6,
      VOID: 1,
    });
  });
});
