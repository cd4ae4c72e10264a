import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectorPlatform } from '../../../src/server/connectors/platform';
import { PLATFORMS } from '../../../src/server/connectors/platforms';
import { startStub } from '../../../src/server/connectors/stub/start';
import type { RunningStub } from '../../../src/server/connectors/stub/server';
import { deliverRefund, deliverShipped } from '../../../src/server/connectors/writeback';

let stub: RunningStub | null = null;
afterEach(async () => {
  await stub?.close();
  stub = null;
});

async function connect(name: ConnectorPlatform) {
  stub = await startStub({ platform: name, orders: 200, seed: 9 });
  return PLATFORMS[name]({ gateway: stub.url, credentials: stub.credentials, timeoutMs: 2_000 });
}

const line = (lineNo: number, platformLineId: string) => ({ lineNo, quantity: 1, platformLineId });

describe.each(['taobao', 'pdd'] as const)('writing back to %s', (name) => {
  it('ships in two parcels with the right tracking numbers, and a repeated telling is no error', async () => {
    const platform = await connect(name);
    const order = stub!.world
      .orders()
      .find((o) => o.state === 'PAID' && o.refunds.length === 0 && o.lines.length === (name === 'pdd' ? 1 : 2))!;
    const ids = order.lines.map((l) => l.lineId);
    const event = {
      kind: 'shipped' as const,
      externalOrderNo: order.id,
      allShipped: true,
      parcels: [
        { carrier: 'SF', trackingNo: 'SF1234567890123', lines: [line(1, ids[0]!)] },
        { carrier: 'ZTO', trackingNo: '75312345678901', lines: [line(name === 'pdd' ? 1 : 2, ids.at(-1)!)] },
      ],
    };
    expect(await deliverShipped(platform, event)).toEqual({ ok: true, note: null });
    const shipments = stub!.world.find(order.id)!.shipments;
    expect(shipments.map((s) => s.trackingNo)).toEqual(['SF1234567890123', '75312345678901']);
    if (name === 'taobao') expect(shipments.map((s) => s.lineIds)).toEqual([[ids[0]], [ids[1]]]);
    const calls = stub!.calls().filter((c) => c.outcome === 'ok' && /send|extra/.test(c.method));
    expect(calls.map((c) => c.params.out_sid ?? c.params.tracking_number ?? c.params.extra_track_list)).toEqual([
      'SF1234567890123',
      name === 'pdd' ? '[{"shipping_id":115,"tracking_number":"75312345678901"}]' : '75312345678901',
    ]);
    // The queue retries after a lost answer: the platform holds both numbers, nothing is sent again.
    expect(await deliverShipped(platform, event)).toEqual({ ok: true, note: null });
    expect(stub!.world.find(order.id)!.shipments).toHaveLength(2);
  });

  it('reports a refusal as permanent and a throttle as worth retrying', async () => {
    const platform = await connect(name);
    const order = stub!.world.orders().find((o) => o.state === 'PAID' && o.refunds.length === 0)!;
    const event = {
      kind: 'shipped' as const,
      externalOrderNo: order.id,
      allShipped: true,
      parcels: [
        { carrier: 'SF', trackingNo: 'SF1234567890999', lines: order.lines.map((l, i) => line(i + 1, l.lineId)) },
      ],
    };
    const send = name === 'taobao' ? 'taobao.logistics.offline.send' : 'pdd.logistics.online.send';
    stub!.addFault({ kind: 'refuse', method: send, times: -1 });
    expect(await deliverShipped(platform, event)).toMatchObject({ ok: false, retry: false });
    stub!.clearFaults();
    stub!.addFault({ kind: 'throttle', method: send, times: 1 });
    expect(await deliverShipped(platform, event)).toMatchObject({ ok: false, retry: true });
    expect(await deliverShipped(platform, event)).toEqual({ ok: true, note: null });
  });

  it('agrees to the platform’s open refund of the lines our decision covers', async () => {
    const platform = await connect(name);
    const order = stub!.world.orders().find((o) => o.state === 'PAID' && o.refunds.length === 0)!;
    stub!.world.requestRefund(order.id, Date.now());
    const now = Math.floor(Date.now() / 1000) * 1000;
    const refunds = await platform.refunds(now - 60_000, now + 1000);
    if (!refunds.ok) throw new Error(refunds.failure.message);
    const mine = refunds.value.filter((r) => r.externalOrderNo === order.id);
    const decided = await deliverRefund(platform, mine, {
      kind: 'refund',
      externalOrderNo: order.id,
      agree: true,
      reason: '',
      lines: [line(1, order.lines[0]!.lineId)],
    });
    expect(decided).toEqual({ ok: true, note: null });
    expect(stub!.world.find(order.id)!.refunds[0]!.state).toBe('SUCCESS');
  });
});
