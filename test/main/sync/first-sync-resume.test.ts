import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderRecord } from '../../../src/shared/contract/records';
import { readSyncState } from '../../../src/main/sync/sync-state';
import { expectConverged, localOrders } from '../../support/convergence';
import { openTestDesk, type TestDesk } from '../../support/desk';
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy';
import { startTestService, type TestService } from '../../support/service';
import { startDeskProcess, type DeskProcess } from './desk-process-driver';

/** Everything in scope and nothing but orders in the pull (shipping roles get item barcodes first), so pages are whole orders. */
const USER = 'service1';

/** The desk keeps code verifiers only sealed (src/main/redemption/code-seal.ts). */
const withoutCode = (record: OrderRecord): OrderRecord =>
  record.redemptionCode ? { ...record, redemptionCode: { ...record.redemptionCode, verifier: '' } } : record;
const PAGE = 100;
/** A first sync reads its pages as one stream (/v1/sync/stream), news a page at a time. */
const isPull = (url: string) => /^\/v1\/sync\/(stream|pull)\?/.test(url);
const cursorOf = (url: string) => new URL(url, 'http://desk').searchParams.get('cursor');

/**
 * Scenario 8 of anchors.md: a first sync of a few thousand orders, its desk process killed
 * (SIGKILL) halfway, twice, resumes after the last page that committed: never a page lost, never
 * one pulled again.
 */
describe('a large first sync killed halfway', () => {
  let service: TestService;
  let proxy: FaultProxy;
  let dir: string;
  const deviceId = randomUUID();
  /** Every order of the service with the sequence it was pulled at. */
  let everything: Array<{ seq: number; order: OrderRecord }>;
  let fullPages: number;
  const processes: DeskProcess[] = [];

  // Seeding 3,000 orders and pulling them all once is real work (10 s on a loaded two-core machine).
  beforeAll(async () => {
    service = await startTestService({ demoOrders: 3_000 });
    proxy = await startFaultProxy(service.url);
    dir = mkdtempSync(join(tmpdir(), 'order-desk-resume-'));
    const { changes, pages } = await (await service.login(USER)).pullAll('', PAGE);
    everything = changes.filter((c) => c.type === 'order');
    fullPages = pages;
  }, 60_000);
  afterAll(async () => {
    await Promise.all(processes.map((p) => p.kill()));
    await proxy.close();
    await service.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The desk's files as the kill left them: the stored cursor covers exactly the orders that are there. */
  async function expectWholePages(desk: TestDesk): Promise<number> {
    const cursor = Number(readSyncState(desk.db(), 'cursor'));
    const local = localOrders(desk);
    const covered = everything.filter((c) => c.seq <= cursor);
    expect(local.size % PAGE).toBe(0);
    expect([...local.keys()].sort()).toEqual(covered.map((c) => c.order.orderNo).sort());
    for (const { order } of covered)
      expect(withoutCode(local.get(order.orderNo)!), order.orderNo).toEqual(withoutCode(order));
    return local.size / PAGE;
  }

  const launch = async () => {
    const started = await startDeskProcess({
      dataDir: dir,
      serviceUrl: proxy.url,
      deviceId,
      username: USER,
      now: service.clock.now(),
      pageSize: PAGE,
      // 3,000 orders: made to load in bulk, as a large first sync does, so its resumption is what is tested.
      firstSyncBulkFrom: 1,
    });
    processes.push(started);
    return started;
  };

  it('8. resumes where it stopped after each kill, and ends equal to the service', async () => {
    expect(everything).toHaveLength(3_000);
    expect(fullPages).toBeGreaterThanOrEqual(30);

    // First kill: frozen right after the 8th page committed.
    const first = await launch();
    await first.send({ do: 'hold', phase: 'page-applied', n: 8 });
    first.post({ do: 'sync' });
    await first.waitFor((line) => line.marker === 'page-applied' && line.held);
    await first.kill();
    const look = openTestDesk(service, { dir, deviceId, serviceUrl: proxy.url, firstSyncBulkFrom: 1 });
    await look.signIn(USER);
    expect(await expectWholePages(look)).toBe(8);
    await look.close();

    // Second kill: started again, killed as soon as it reports its 5th page, wherever it then is
    // (between pages or inside one).
    const second = await launch();
    const requestsBefore = proxy.forwarded.length;
    second.post({ do: 'sync' });
    await second.waitFor((line) => line.marker === 'page-applied' && line.n === 5);
    await second.kill();
    const pulledBySecond = proxy.forwarded.slice(requestsBefore).filter(isPull);

    const desk = openTestDesk(service, { dir, deviceId, serviceUrl: proxy.url, pageSize: PAGE, firstSyncBulkFrom: 1 });
    try {
      await desk.signIn(USER);
      const committed = await expectWholePages(desk);
      expect(committed).toBeGreaterThanOrEqual(8 + 5);
      expect(committed).toBeLessThan(fullPages);
      // The second run asked for the pages after the 8th, and only for those: one stream from its cursor.
      expect(pulledBySecond.map(cursorOf)).toEqual([String(everything[8 * PAGE - 1]!.seq)]);

      const stored = readSyncState(desk.db(), 'cursor');
      const before = proxy.forwarded.length;
      expect(await desk.sync()).toMatchObject({ online: true, queued: 0, lastError: null });
      // Only the pages not yet committed were pulled: from the cursor stored with the last of them.
      expect(proxy.forwarded.slice(before).filter(isPull).map(cursorOf)).toEqual([stored]);
      await expectConverged(desk, service, USER);
    } finally {
      await desk.close();
    }
  }, 60_000);
});
