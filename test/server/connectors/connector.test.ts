import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShopHealth } from '../../../src/shared/contract/connectors';
import type { OrderRecord } from '../../../src/shared/contract/records';
import { orderPaid, type StubOrder } from '../../../src/server/connectors/stub/world';
import { startStub } from '../../../src/server/connectors/stub/start';
import type { RunningStub } from '../../../src/server/connectors/stub/server';
import { pushOne, sfTracking } from '../helpers';
import { TEST_STORE } from '../../support/postgres';
import { startTestService, type Session, type TestService } from '../../support/service';

/**
 * Each connector against its stub gateway, through the real service on 127.0.0.1: the shop is
 * connected by the admin API, polled (the test's clock says when), its orders go through the
 * intake pipeline, shipping on the desk goes back through the outbound queue to the stub, signed.
 */
const PLATFORMS = [
  { platform: 'taobao', shopId: 'SHOP-TMALL', ship: 'taobao.logistics.offline.send' },
  { platform: 'pdd', shopId: 'SHOP-PDD', ship: 'pdd.logistics.online.send' },
] as const;
/**
 * 2,000 orders a platform on SQLite; the PostgreSQL project proves the same path on its store with
 * fewer (each intake is a few round trips there, and CI's time is shared).
 */
const ORDERS = Number(process.env.CONNECTOR_TEST_ORDERS ?? (TEST_STORE === 'postgres' ? 400 : 2000));
const SECOND = 1000;

describe.each(PLATFORMS)('the $platform connector against its stub', ({ platform, shopId, ship }) => {
  let service: TestService;
  let stub: RunningStub;
  let boss: Session;

  beforeAll(async () => {
    service = await startTestService({
      demoOrders: 0,
      // A platform's waits, shortened: the same retries, a test's patience.
      connectorConfig: { timeoutMs: 1_500, retry: { attempts: 3, maxWaitMs: 20 } },
    });
    stub = await startStub({ platform, orders: ORDERS, seed: 31, clock: () => service.clock.now() });
    boss = await service.login('admin');
    const connected = await boss.post(`/v1/admin/shops/${shopId}/connector`, {
      platform,
      gateway: stub.url,
      ...stub.credentials,
    });
    expect(connected.status, JSON.stringify(connected.body)).toBe(200);
    expect(JSON.stringify(connected.body)).not.toContain(stub.credentials.appSecret);
  }, 120_000);
  afterAll(async () => {
    await service?.close();
    await stub?.close();
  });

  /** Polls until the shop has read everything up to now (a poll yields after its window budget). */
  async function pollAll() {
    const reports = [];
    for (let i = 0; i < 20; i++) {
      service.clock.advance(60 * SECOND);
      const [report] = await service.pollConnectors();
      if (!report) break;
      reports.push(report);
      if (report.outcome !== 'partial') break;
    }
    return reports;
  }

  const health = async (): Promise<ShopHealth> =>
    ((await boss.get('/v1/admin/connectors')).body.shops as ShopHealth[]).find((s) => s.shopId === shopId)!;

  async function ordersOf(externalOrderNo: string): Promise<OrderRecord[]> {
    const answer = await boss.get(`/v1/orders?externalOrderNo=${encodeURIComponent(externalOrderNo)}`);
    expect(answer.status).toBe(200);
    return answer.body.orders as OrderRecord[];
  }

  /** A paid order of the stub waiting to ship, with at least `lines` lines or `units` units. */
  function waiting(taken: Set<string>, { lines = 1, units = 1 } = {}): StubOrder {
    const found = stub.world
      .orders()
      .find(
        (o) =>
          !taken.has(o.id) &&
          o.state === 'PAID' &&
          o.refunds.length === 0 &&
          o.lines.length >= lines &&
          o.lines.reduce((n, l) => n + l.num, 0) >= units &&
          o.lines.every((l) => !l.outerSkuId.startsWith('X-')),
      );
    if (!found) throw new Error('the stub has no such order');
    taken.add(found.id);
    return found;
  }
  const taken = new Set<string>();

  it(`takes in all ${ORDERS} orders once each, amounts adding up, and a replay creates nothing`, async () => {
    const reports = await pollAll();
    expect(reports.at(-1)?.outcome).toBe('done');
    expect(reports.reduce((n, r) => n + r.created, 0)).toBe(ORDERS);

    const rows = await service.query<{ externalOrderNo: string; record: string }>(
      'SELECT external_order_no AS "externalOrderNo", record FROM orders WHERE shop_id = ?',
      shopId,
    );
    const sums = new Map<string, { goods: number; paid: number }>();
    for (const row of rows) {
      const record = (typeof row.record === 'string' ? JSON.parse(row.record) : row.record) as OrderRecord;
      if (record.paymentStatus !== 'UNPAID') expect(record.amounts.paid, record.orderNo).toBe(record.amounts.payable);
      const sum = sums.get(row.externalOrderNo) ?? { goods: 0, paid: 0 };
      sum.goods += record.amounts.goodsTotal;
      sum.paid += record.amounts.payable;
      sums.set(row.externalOrderNo, sum);
    }
    // Every platform order once, its children adding up to what the platform charged.
    expect(sums.size).toBe(ORDERS);
    for (const order of stub.world.orders())
      expect(sums.get(order.id), order.id).toEqual({
        goods: order.lines.reduce((n, l) => n + l.price * l.num, 0),
        paid: orderPaid(order),
      });

    const before = await service.snapshot();
    const repull = await boss.post(`/v1/admin/shops/${shopId}/connector/repull`, {
      since: service.clock.now() - 4 * 24 * 3_600 * SECOND,
    });
    expect(repull.status).toBe(200);
    const again = await pollAll();
    expect(again.reduce((n, r) => n + r.created + r.updated, 0)).toBe(0);
    expect(again.reduce((n, r) => n + r.unchanged, 0)).toBeGreaterThanOrEqual(ORDERS);
    const after = await service.snapshot();
    expect(after.orders).toBe(before.orders);
    expect(after.rows.orders).toBe(before.rows.orders);
    const shown = await health();
    expect(shown).toMatchObject({ state: 'ok', ordersLastHour: ORDERS, deadLetters: 0, consecutiveFailures: 0 });
  }, 600_000);

  it('survives a throttle, a 500, a timeout and a wrong secret, and shows each in the shop’s health', async () => {
    const arrived = () => stub.world.arrive(service.clock.now()).id;

    stub.addFault({ kind: 'throttle', times: 1 });
    const first = arrived();
    await pollAll();
    expect(await ordersOf(first)).toHaveLength(1);
    expect((await health()).lastError?.code).toMatch(/^(TOP_7|PDD_70031)/);

    stub.addFault({ kind: 'http500', times: 10 });
    const second = arrived();
    const [failed] = await pollAll();
    expect(failed).toMatchObject({ outcome: 'failed', failure: { code: 'HTTP_500' } });
    expect(await health()).toMatchObject({ state: 'failing', lastError: { code: 'HTTP_500' } });
    stub.clearFaults();
    await pollAll();
    expect(await ordersOf(second)).toHaveLength(1);
    expect((await health()).state).toBe('ok');

    stub.addFault({ kind: 'hang', times: 10 });
    const third = arrived();
    const [hung] = await pollAll();
    expect(hung).toMatchObject({ outcome: 'failed', failure: { code: 'TIMEOUT' } });
    expect((await health()).lastError?.code).toBe('TIMEOUT');
    stub.clearFaults();
    await pollAll();
    expect(await ordersOf(third)).toHaveLength(1);

    const wrong = await boss.post(`/v1/admin/shops/${shopId}/connector/credentials`, { appSecret: 'not-the-secret' });
    expect(wrong.status).toBe(200);
    const fourth = arrived();
    const [refused] = await pollAll();
    expect(refused?.outcome).toBe('failed');
    expect(await health()).toMatchObject({ state: 'failing' });
    expect((await health()).lastError?.code).toMatch(/^(TOP_25|PDD_20004)/);
    expect(await ordersOf(fourth)).toHaveLength(0);
    await boss.post(`/v1/admin/shops/${shopId}/connector/credentials`, { appSecret: stub.credentials.appSecret });
    await pollAll();
    expect(await ordersOf(fourth)).toHaveLength(1);
    expect((await health()).state).toBe('ok');
  }, 120_000);

  it('stops shipping an order whose buyer asked the platform for a refund, and the desk says why', async () => {
    const order = waiting(taken);
    const refund = stub.world.requestRefund(order.id, service.clock.now())!;
    await pollAll();
    const [record] = await ordersOf(order.id);
    expect(record?.refundStatus).toBe('IN_PROGRESS');
    // What the desk shows beside the refusal: the buyer's request, in the buyer's words.
    expect(record?.afterSales).toHaveLength(1);
    expect(record?.afterSales[0]).toMatchObject({ status: 'PENDING_REVIEW' });
    expect(record?.afterSales[0]?.reason).toContain(refund.reason);
    const shipped = await pushOne(boss, 'SHIP', {
      orderNo: record!.orderNo,
      parcels: [
        {
          carrier: 'SF',
          trackingNo: sfTracking(),
          lines: record!.lines.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity })),
        },
      ],
    });
    expect(shipped.status).toBe('rejected');
    expect(shipped.code).toBe('SHIPPING_INTERCEPTED');
  });

  it('ships an order in two parcels and the platform receives both tracking numbers, signed', async () => {
    const order = platform === 'taobao' ? waiting(taken, { lines: 2 }) : waiting(taken, { units: 2 });
    const [record] = await ordersOf(order.id);
    const lines = record!.lines;
    const parcels =
      lines.length >= 2
        ? [[lines[0]!], lines.slice(1)].map((group) => group.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity })))
        : [
            [{ lineNo: lines[0]!.lineNo, quantity: 1 }],
            [{ lineNo: lines[0]!.lineNo, quantity: lines[0]!.quantity - 1 }],
          ];
    const trackingNos = parcels.map(() => sfTracking());
    for (const [i, group] of parcels.entries()) {
      const shipped = await pushOne(boss, 'SHIP', {
        orderNo: record!.orderNo,
        parcels: [{ carrier: 'SF', trackingNo: trackingNos[i], lines: group }],
      });
      expect(shipped.status, JSON.stringify(shipped)).toBe('applied');
    }
    const round = await service.deliverOutbound();
    expect(round).toMatchObject({ dead: 0 });
    const told = stub
      .calls()
      .filter((c) => c.outcome === 'ok' && JSON.stringify(c.params).includes(order.id))
      .filter((c) => c.method === ship || c.method === 'pdd.order.upload.extra.logistics');
    const numbers = told.map((c) =>
      c.method === 'pdd.order.upload.extra.logistics'
        ? (JSON.parse(c.params.extra_track_list!) as Array<{ tracking_number: string }>)[0]!.tracking_number
        : (c.params.out_sid ?? c.params.tracking_number),
    );
    expect(numbers.sort()).toEqual([...trackingNos].sort());
    expect(
      stub.world
        .find(order.id)!
        .shipments.map((s) => s.trackingNo)
        .sort(),
    ).toEqual([...trackingNos].sort());
  });

  it('parks a write-back the platform keeps refusing in the dead-letter list, shown in the health', async () => {
    const order = waiting(taken);
    const [record] = await ordersOf(order.id);
    stub.addFault({ kind: 'refuse', method: ship, times: -1 });
    const shipped = await pushOne(boss, 'SHIP', {
      orderNo: record!.orderNo,
      parcels: [
        {
          carrier: 'SF',
          trackingNo: sfTracking(),
          lines: record!.lines.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity })),
        },
      ],
    });
    expect(shipped.status).toBe('applied');
    const round = await service.deliverOutbound();
    expect(round.dead).toBe(1);
    stub.clearFaults();
    const dead = await boss.get('/v1/admin/outbound?state=dead');
    expect(dead.status).toBe(200);
    expect(JSON.stringify(dead.body)).toContain(order.id);
    expect((await health()).deadLetters).toBe(1);
  });
});
