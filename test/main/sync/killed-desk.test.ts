import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { userDirOf } from '../../../src/main/workspace';
import {
  expectConverged,
  expectEachIntentOnce,
  localOrders,
  serviceIntentOutcomes,
  serviceOrders,
} from '../../support/convergence';
import { openTestDesk, type TestDesk } from '../../support/desk';
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy';
import { startTestService, type TestService } from '../../support/service';
import { startDeskProcess, type DeskProcess } from './desk-process-driver';
import { nextTrackingNo } from './fixtures';

const USER = 'warehouse1';

/** The outbox as the killed desk left it on disk. */
function outboxOnDisk(dir: string): Array<{ id: string; type: string; state: string }> {
  const db = new Database(join(userDirOf(dir, USER), 'orders.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT id, type, state FROM outbox ORDER BY seq').all() as Array<{
      id: string;
      type: string;
      state: string;
    }>;
  } finally {
    db.close();
  }
}

const until = async (condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

/**
 * Scenario 2 of anchors.md: the desk's own Node process is killed with SIGKILL before, during and
 * after a push, and a new desk on the same data folder and device id finishes the job. Every
 * change the desk had committed locally reaches the service exactly once.
 */
describe('a desk killed (SIGKILL) around a push, started again on the same files', () => {
  let service: TestService;
  let proxy: FaultProxy;
  const dirs: string[] = [];
  const processes: DeskProcess[] = [];
  const desks: TestDesk[] = [];

  /** A desk process that has synced once, then shipped `ships` orders and noted `notes` times, all offline of any push. */
  async function deskWithLocalWork(ships: number, notes: number) {
    const dir = mkdtempSync(join(tmpdir(), 'order-desk-killed-'));
    dirs.push(dir);
    const deviceId = randomUUID();
    const desk = await startDeskProcess({
      dataDir: dir,
      serviceUrl: proxy.url,
      deviceId,
      username: USER,
      now: service.clock.now(),
    });
    processes.push(desk);
    expect(await desk.send({ do: 'sync' })).toMatchObject({ ok: true, value: { queued: 0 } });
    const { value: orderNos } = (await desk.send({ do: 'shippable', limit: ships })) as { value: string[] };
    expect(orderNos).toHaveLength(ships);
    const shipped = new Map<string, string>();
    for (const orderNo of orderNos) {
      const trackingNo = nextTrackingNo();
      expect(await desk.send({ do: 'ship', orderNo, trackingNo }), orderNo).toMatchObject({ ok: true });
      shipped.set(orderNo, trackingNo);
    }
    const noted: Array<{ orderNo: string; text: string }> = [];
    for (let i = 0; i < notes; i++) {
      const note = { orderNo: orderNos[i % orderNos.length]!, text: `断电前备注（${i}）` };
      expect(await desk.send({ do: 'note', ...note })).toMatchObject({ ok: true });
      noted.push(note);
    }
    expect(outboxOnDisk(dir)).toHaveLength(ships + notes);
    return { desk, dir, deviceId, shipped, noted };
  }

  /** The desk started again on the killed one's files: it syncs, and everything it had is on the service once. */
  async function restartAndCheck(
    { dir, deviceId, shipped, noted }: Awaited<ReturnType<typeof deskWithLocalWork>>,
    { offlineFirst = false } = {},
  ): Promise<TestDesk> {
    const desk = openTestDesk(service, { dir, deviceId, serviceUrl: proxy.url });
    desks.push(desk);
    if (offlineFirst) {
      // The service is out of reach: the known user still signs in, and the committed work is all there.
      await proxy.refuse();
      expect(await desk.signIn(USER)).toMatchObject({ offline: true });
      const local = localOrders(desk);
      for (const [orderNo, trackingNo] of shipped) {
        expect(local.get(orderNo)!.waybills.map((w) => w.trackingNo)).toEqual([trackingNo]);
      }
      expect((await desk.status()).queued).toBe(shipped.size + noted.length);
      await proxy.restore();
    }
    expect(await desk.signIn(USER)).toMatchObject({ offline: false });
    expect(await desk.sync()).toMatchObject({ online: true, queued: 0, exceptions: 0 });
    await expectEachIntentOnce([desk], service);
    await expectConverged(desk, service, USER);
    const remote = await serviceOrders(service, USER);
    for (const [orderNo, trackingNo] of shipped) {
      const order = remote.get(orderNo)!;
      expect(
        order.waybills.map((w) => w.trackingNo),
        orderNo,
      ).toEqual([trackingNo]);
      expect(
        order.timeline.filter((t) => t.action === 'SHIP'),
        orderNo,
      ).toHaveLength(1);
    }
    for (const { orderNo, text } of noted) {
      expect(remote.get(orderNo)!.timeline.filter((t) => t.action === 'NOTE' && t.detail.includes(text))).toHaveLength(
        1,
      );
    }
    return desk;
  }

  beforeAll(async () => {
    service = await startTestService();
    proxy = await startFaultProxy(service.url);
  });
  afterEach(async () => {
    proxy.clear();
    await proxy.restore();
    await Promise.all(processes.splice(0).map((p) => p.kill()));
    await Promise.all(desks.splice(0).map((d) => d.close()));
    dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  });
  afterAll(async () => {
    await proxy.close();
    await service.close();
  });

  it('2a. killed BEFORE the push: the committed intents, never sent, all arrive after restart (offline sign-in first)', async () => {
    const work = await deskWithLocalWork(3, 2);
    await work.desk.kill();
    expect(outboxOnDisk(work.dir).map((r) => r.state)).toEqual(Array(5).fill('queued'));
    const outcomes = await serviceIntentOutcomes(service);
    expect(outboxOnDisk(work.dir).filter((r) => outcomes.has(r.id))).toEqual([]);
    const desk = await restartAndCheck(work, { offlineFirst: true });
    expect(desk.db().prepare('SELECT state FROM outbox').pluck().all()).toEqual(Array(5).fill('applied'));
  });

  it('2b. killed as the push starts (batch marked sending, request not on the wire): it is sent after restart', async () => {
    const work = await deskWithLocalWork(3, 1);
    const before = { ...proxy.counts };
    await work.desk.send({ do: 'hold', phase: 'push-sent' });
    work.desk.post({ do: 'sync' });
    await work.desk.waitFor((line) => line.marker === 'push-sent' && line.held);
    await work.desk.kill();
    expect(proxy.counts).toEqual(before);
    expect(outboxOnDisk(work.dir).map((r) => r.state)).toEqual(Array(4).fill('sending'));
    const outcomes = await serviceIntentOutcomes(service);
    expect(outboxOnDisk(work.dir).filter((r) => outcomes.has(r.id))).toEqual([]);
    await restartAndCheck(work);
  });

  it('2c. killed DURING the push (the service commits after the desk died, the answer is never read): applied once, the resend is a duplicate', async () => {
    const work = await deskWithLocalWork(3, 2);
    // The proxy holds the whole request for a while before passing it on: the kill lands while it is in flight.
    proxy.inject({ kind: 'delay', ms: 800 }, { path: '/v1/sync/push' });
    const { faulted, forwarded } = proxy.counts;
    work.desk.post({ do: 'sync' });
    await until(() => proxy.counts.faulted > faulted, 'the push to reach the proxy');
    await work.desk.kill();
    expect(work.desk.lines.some((line) => line.marker === 'push-sent')).toBe(true);
    // The request goes on without its desk, and the service commits it.
    await until(() => proxy.counts.forwarded > forwarded, 'the service to get the push');
    const onDisk = outboxOnDisk(work.dir);
    expect(onDisk.map((r) => r.state)).toEqual(Array(5).fill('sending'));
    const outcomes = await serviceIntentOutcomes(service);
    expect(onDisk.map((r) => outcomes.get(r.id))).toEqual(Array(5).fill('applied'));
    const desk = await restartAndCheck(work);
    expect(desk.db().prepare('SELECT state FROM outbox').pluck().all()).toEqual(Array(5).fill('duplicate'));
  });

  it('2d. killed AFTER a push was answered, before the next batch and the pull: the rest follows once', async () => {
    // 103 intents: two batches of at most 100; the kill lands after the first batch's answers committed.
    const work = await deskWithLocalWork(3, 100);
    const cursor = (dir: string) => {
      const db = new Database(join(userDirOf(dir, USER), 'orders.sqlite'), { readonly: true });
      try {
        return db.prepare("SELECT value FROM sync_state WHERE key = 'cursor'").pluck().get();
      } finally {
        db.close();
      }
    };
    const cursorBefore = cursor(work.dir);
    await work.desk.send({ do: 'hold', phase: 'push-answered' });
    work.desk.post({ do: 'sync' });
    await work.desk.waitFor((line) => line.marker === 'push-answered' && line.held);
    await work.desk.kill();
    expect(work.desk.lines.filter((line) => line.marker === 'push-sent')).toHaveLength(1);
    const states = outboxOnDisk(work.dir).map((r) => r.state);
    expect(states).toEqual([...Array(100).fill('applied'), ...Array(3).fill('queued')]);
    // Nothing was pulled yet: the pull comes after the whole outbox is pushed.
    expect(cursor(work.dir)).toBe(cursorBefore);
    await restartAndCheck(work);
  });
});
