import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OrderDetail } from '../../../src/shared/contract/orders';
import { expectConverged, expectEachIntentOnce, localOrders } from '../../support/convergence';
import { openTestDesk, type TestDesk } from '../../support/desk';
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy';
import { startTestService, type TestService } from '../../support/service';
import { nextTrackingNo, shippableOrders, wholeParcel } from './fixtures';

/**
 * The reliability scenarios of anchors.md, against the real order service through a proxy that
 * misbehaves on demand. Each ends with: nothing lost, nothing duplicated, desk and service equal.
 */
describe('sync when the network and the other desks misbehave', () => {
  let service: TestService;
  let proxy: FaultProxy;
  const desks: TestDesk[] = [];
  const desk = async (username: string, options: Parameters<typeof openTestDesk>[1] = {}) => {
    const opened = openTestDesk(service, { serviceUrl: proxy.url, ...options });
    desks.push(opened);
    await opened.signIn(username);
    await opened.sync();
    return opened;
  };
  const ship = async (at: TestDesk, orderNo: string, trackingNo = nextTrackingNo()) => {
    const order = localOrders(at).get(orderNo)!;
    const result = await at.call('orders.ship', { orderNo, parcels: [wholeParcel(order, trackingNo)] });
    if (!result.ok) throw new Error(`ship ${orderNo}: ${result.error.code} ${result.error.reason ?? ''}`);
    return result.value as OrderDetail;
  };

  beforeAll(async () => {
    service = await startTestService({ demoOrders: 400 });
    proxy = await startFaultProxy(service.url);
  });
  afterEach(async () => {
    proxy.clear();
    await proxy.restore();
    await Promise.all(desks.splice(0).map((d) => d.dispose()));
  });
  afterAll(async () => {
    await proxy.close();
    await service.close();
  });

  it('1. the service commits, the answer is lost, the desk retries: exactly one effect', async () => {
    const a = await desk('warehouse1');
    const [order] = shippableOrders(a);
    const shipped = await ship(a, order!.orderNo);
    expect(shipped.pendingSync).toBe(1);
    // Lost twice: the client's immediate retry is lost too, so the next round retries again.
    proxy.inject({ kind: 'drop-response' }, { path: '/v1/sync/push', times: 2 });
    expect(await a.sync()).toMatchObject({ online: false, queued: 1 });
    expect(await a.sync()).toMatchObject({ online: true, queued: 0, exceptions: 0 });
    const remote = localOrders(a).get(order!.orderNo)!;
    expect(remote.waybills).toHaveLength(1);
    expect(remote.timeline.filter((t) => t.action === 'SHIP')).toHaveLength(1);
    expect(a.db().prepare('SELECT state FROM outbox').pluck().all()).toEqual(['duplicate']);
    await expectEachIntentOnce([a], service);
    await expectConverged(a, service, 'warehouse1');
  });

  it('4. two desks ship one order with different tracking numbers, clocks hours apart: the first to reach the service wins', async () => {
    const early = await desk('warehouse1', { clockOffsetMs: -5 * 3_600_000 });
    const late = await desk('warehouse1', { clockOffsetMs: +5 * 3_600_000 });
    const [order] = shippableOrders(early);
    await proxy.refuse();
    await ship(late, order!.orderNo, 'SF1111111111111');
    await ship(early, order!.orderNo, 'SF2222222222222');
    await proxy.restore();
    // The desk whose clock says "later" syncs first, and wins: device clocks decide nothing.
    expect(await late.sync()).toMatchObject({ queued: 0, exceptions: 0 });
    expect(await early.sync()).toMatchObject({ queued: 0, exceptions: 1 });
    const rejected = early
      .db()
      .prepare("SELECT last_error_code, answer FROM outbox WHERE state = 'rejected'")
      .get() as {
      last_error_code: string;
      answer: string;
    };
    expect(rejected.last_error_code).toMatch(/WRONG_STATUS|NOTHING_TO_SHIP|QUANTITY_EXCEEDS_REMAINING/);
    expect(JSON.parse(rejected.answer).order.waybills[0].trackingNo).toBe('SF1111111111111');
    // The loser is flagged, not overwritten: its view now shows the winner's parcel.
    expect(
      localOrders(early)
        .get(order!.orderNo)!
        .waybills.map((w) => w.trackingNo),
    ).toEqual(['SF1111111111111']);
    await expectEachIntentOnce([early, late], service);
    await expectConverged(early, service, 'warehouse1');
    await expectConverged(late, service, 'warehouse1');
  });

  it('5. a permanently rejected intent stays visible while later intents still apply', async () => {
    const supervisor = await desk('service1');
    const stale = await desk('warehouse1');
    const [locked, other] = shippableOrders(stale);
    const lock = await supervisor.call('orders.lock', { orderNo: locked!.orderNo, reason: '客户要求暂缓发货' });
    expect(lock.ok).toBe(true);
    await supervisor.sync();
    await proxy.refuse();
    await ship(stale, locked!.orderNo);
    await ship(stale, other!.orderNo);
    expect((await stale.call('orders.note', { orderNo: other!.orderNo, text: '已电话确认地址' })).ok).toBe(true);
    await proxy.restore();
    expect(await stale.sync()).toMatchObject({ queued: 0, exceptions: 1 });
    const states = stale.db().prepare('SELECT type, state, last_error_code AS code FROM outbox ORDER BY seq').all();
    expect(states).toEqual([
      { type: 'SHIP', state: 'rejected', code: 'ORDER_LOCKED' },
      { type: 'SHIP', state: 'applied', code: null },
      { type: 'NOTE', state: 'applied', code: null },
    ]);
    expect(localOrders(stale).get(locked!.orderNo)).toMatchObject({
      status: 'PENDING_SHIPMENT',
      locked: true,
      waybills: [],
    });
    await expectEachIntentOnce([supervisor, stale], service);
    await expectConverged(stale, service, 'warehouse1');
  });

  it('6. writes land on the service during a paged pull: nothing missed, nothing echoed', async () => {
    const writer = await desk('warehouse1');
    const reader = openTestDesk(service, { serviceUrl: proxy.url, pageSize: 40 });
    desks.push(reader);
    await reader.signIn('warehouse1');
    const targets = shippableOrders(writer).slice(0, 3);
    // Slow every pull page down, and write while the reader is between pages.
    proxy.always({ kind: 'delay', ms: 60 }, { path: '/v1/sync/pull' });
    const pulling = reader.sync();
    for (const order of targets) {
      await ship(writer, order.orderNo);
      await writer.sync();
    }
    await pulling;
    proxy.clear();
    await reader.sync();
    for (const order of targets) expect(localOrders(reader).get(order.orderNo)!.waybills).toHaveLength(1);
    await expectConverged(reader, service, 'warehouse1');
  });

  it('7. a pull arrives while local edits are queued: the local edits stay visible on top of it', async () => {
    const a = await desk('warehouse1');
    const b = await desk('warehouse1');
    const [order] = shippableOrders(a);
    proxy.always({ kind: 'status', status: 503 }, { path: '/v1/sync/push' });
    await ship(a, order!.orderNo, 'SF3333333333333');
    proxy.clear();
    expect((await b.call('orders.note', { orderNo: order!.orderNo, text: '加急' })).ok).toBe(true);
    await b.sync();
    proxy.always({ kind: 'status', status: 503 }, { path: '/v1/sync/push' });
    expect(await a.sync()).toMatchObject({ queued: 1, lastError: { code: 'SERVER_ERROR' } });
    const seen = localOrders(a).get(order!.orderNo)!;
    expect(seen.waybills.map((w) => w.trackingNo)).toEqual(['SF3333333333333']);
    expect(seen.timeline.some((t) => t.action === 'NOTE' && t.detail.includes('加急'))).toBe(true);
    proxy.clear();
    expect(await a.sync()).toMatchObject({ queued: 0, exceptions: 0 });
    await expectEachIntentOnce([a, b], service);
    await expectConverged(a, service, 'warehouse1');
  });

  it('9. the service is down for an hour of work: the desk keeps working and catches up', async () => {
    const a = await desk('warehouse1');
    await proxy.refuse();
    const orders = shippableOrders(a).slice(0, 12);
    for (const [i, order] of orders.entries()) {
      service.clock.advance(5 * 60_000);
      if (i % 3 === 0)
        expect((await a.call('orders.note', { orderNo: order.orderNo, text: `第${i}次回访` })).ok).toBe(true);
      await ship(a, order.orderNo);
      if (i % 4 === 0) expect(await a.sync()).toMatchObject({ online: false, lastError: { code: 'OFFLINE' } });
    }
    expect((await a.status()).queued).toBe(16);
    await proxy.restore();
    expect(await a.sync()).toMatchObject({ online: true, queued: 0, exceptions: 0 });
    await expectEachIntentOnce([a], service);
    await expectConverged(a, service, 'warehouse1');
  });

  it('10. garbage from the network: a clear status, a retry, and no corruption', async () => {
    const a = await desk('warehouse1');
    const before = localOrders(a);
    const [order] = shippableOrders(a);
    await ship(a, order!.orderNo);
    const faults = [
      [{ kind: 'truncate' }, 'OFFLINE'],
      [{ kind: 'garbage', body: '{"changes": "lots", "cursor": 5}' }, 'BAD_RESPONSE'],
      [{ kind: 'garbage', body: '<html>gateway error</html>' }, 'BAD_RESPONSE'],
      [{ kind: 'status', status: 500 }, 'SERVER_ERROR'],
      [{ kind: 'delay', ms: 3_500 }, 'TIMEOUT'],
    ] as const;
    for (const [fault, code] of faults) {
      proxy.always(fault, { path: '/v1/sync/pull' });
      expect(await a.sync(), fault.kind).toMatchObject({ lastError: { code } });
      proxy.clear();
      expect([...localOrders(a).keys()]).toEqual([...before.keys()]);
    }
    expect((await a.call('orders.note', { orderNo: order!.orderNo, text: '包装加固' })).ok).toBe(true);
    proxy.always({ kind: 'garbage', body: '{"results": [{"id": 1}]}' }, { path: '/v1/sync/push' });
    expect(await a.sync()).toMatchObject({ queued: 1, lastError: { code: 'BAD_RESPONSE' } });
    proxy.clear();
    expect(await a.sync()).toMatchObject({ online: true, queued: 0, lastError: null });
    await expectEachIntentOnce([a], service);
    await expectConverged(a, service, 'warehouse1');
  });
});
