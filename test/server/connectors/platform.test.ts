import { afterEach, describe, expect, it } from 'vitest';
import { amountsAddUp, type ExternalOrder } from '../../../src/shared/external/order';
import type { ConnectorPlatform, Platform } from '../../../src/server/connectors/platform';
import { PLATFORMS } from '../../../src/server/connectors/platforms';
import { startStub } from '../../../src/server/connectors/stub/start';
import type { RunningStub } from '../../../src/server/connectors/stub/server';

let stub: RunningStub | null = null;
afterEach(async () => {
  await stub?.close();
  stub = null;
});

async function connect(platform: ConnectorPlatform, orders: number): Promise<Platform> {
  stub = await startStub({ platform, orders, seed: 5 });
  return PLATFORMS[platform]({ gateway: stub.url, credentials: stub.credentials, timeoutMs: 3_000 });
}

async function readEverything(platform: Platform): Promise<ExternalOrder[]> {
  const now = Math.floor(Date.now() / 1000) * 1000;
  const numbers = new Set<string>();
  for (let end = now; end > now - 49 * 3_600_000; end -= platform.maxWindowMs) {
    const changed = await platform.changedOrders(end - platform.maxWindowMs + 1000, end);
    if (!changed.ok) throw new Error(changed.failure.message);
    for (const n of changed.value) numbers.add(n);
  }
  const orders: ExternalOrder[] = [];
  for (const n of numbers) {
    const read = await platform.order(n);
    if (!read.ok) throw new Error(read.failure.message);
    if (!read.value.ok) throw new Error(read.value.reason);
    orders.push(read.value.order);
  }
  return orders;
}

describe.each(['taobao', 'pdd'] as const)('the %s platform, read through its stub', (name) => {
  it('finds every order by modification windows and maps each with amounts that add up', async () => {
    const platform = await connect(name, 120);
    const orders = await readEverything(platform);
    expect(orders.map((o) => o.externalOrderNo).sort()).toEqual(
      stub!.world
        .orders()
        .map((o) => o.id)
        .sort(),
    );
    for (const order of orders) {
      expect(amountsAddUp(order), order.externalOrderNo).toBe(true);
      const truth = stub!.world.find(order.externalOrderNo)!;
      expect(order.payable).toBe(
        truth.lines.reduce((s, l) => s + l.price * l.num, 0) -
          truth.discounts.reduce((s, d) => s + d.amount, 0) +
          truth.postFee,
      );
      expect(order.receiver?.name).toBe(truth.receiver.name);
      const expected = {
        UNPAID: 'PENDING_PAYMENT',
        PAID: 'PENDING_SHIPMENT',
        SHIPPED: 'PENDING_RECEIPT',
        FINISHED: 'COMPLETED',
        CANCELLED: 'CANCELLED',
        CLOSED: 'CLOSED',
      }[truth.state];
      expect(order.status, `${truth.id} ${truth.state}`).toBe(expected);
      if (truth.refunds.some((r) => r.state === 'REQUESTED')) expect(order.refundStatus).toBe('IN_PROGRESS');
    }
    expect(orders.some((o) => o.promotions.length > 0)).toBe(true);
  });

  it('ships in two parcels, lists refunds and agrees to one', async () => {
    const platform = await connect(name, 200);
    const order = stub!.world
      .orders()
      .find((o) => o.state === 'PAID' && o.refunds.length === 0 && (name === 'pdd' || o.lines.length === 2))!;
    const [first, second] = order.lines;
    const one = await platform.ship(order.id, {
      carrier: 'SF',
      trackingNo: 'SF1000000000001',
      lineIds: [first!.lineId],
      followsAnother: false,
      completes: name === 'pdd',
    });
    expect(one.ok).toBe(true);
    const two = await platform.ship(order.id, {
      carrier: 'YTO',
      trackingNo: 'YT1000000000002',
      lineIds: name === 'pdd' ? [first!.lineId] : [second!.lineId],
      followsAnother: true,
      completes: true,
    });
    expect(two.ok).toBe(true);
    expect(stub!.world.find(order.id)!.shipments.map((s) => s.trackingNo)).toEqual([
      'SF1000000000001',
      'YT1000000000002',
    ]);

    const asking = stub!.world.orders().find((o) => o.state === 'PAID' && o.refunds.length === 0)!;
    stub!.world.requestRefund(asking.id, Date.now());
    const now = Math.floor(Date.now() / 1000) * 1000;
    const refunds = await platform.refunds(now - 60_000, now + 1000);
    if (!refunds.ok) throw new Error(refunds.failure.message);
    const refund = refunds.value.find((r) => r.externalOrderNo === asking.id)!;
    expect(refund).toMatchObject({ open: true, amount: asking.refunds[0]!.amount });
    expect((await platform.decideRefund(refund, true, '同意退款')).ok).toBe(true);
    expect(stub!.world.find(asking.id)!.refunds[0]!.state).toBe('SUCCESS');
  });
});
