import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../src/shared/contract/api';
import { openTestDesk } from '../../support/desk';
import { startTestService, type TestService } from '../../support/service';

describe('a new desk’s first sync', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({ demoOrders: 1_200 });
  }, 60_000);
  afterAll(() => service.close());

  it('says how far it is — orders stored of how many, time left — and clears it when done', async () => {
    const desk = openTestDesk(service, { pageSize: 300, firstSyncBulkFrom: 1 });
    try {
      const seen: Array<SyncStatus['firstSync']> = [];
      desk.app.events.subscribe((name, payload) => {
        if (name === 'sync.status') seen.push((payload as SyncStatus).firstSync);
      });
      await desk.signIn('admin');
      const done = await desk.sync();
      const orders = desk.orderCount();
      expect(done.firstSync).toBeNull();
      const steps = seen.filter((s) => s !== null);
      // The first page came as news (it says how many there are); the bulk load reports from there.
      expect(steps[0]).toMatchObject({ total: null, etaMs: null });
      // A report per page of 300 changes: orders stored so far, rising to all of them, of the total
      // the service gave with the first page.
      const stored = steps.slice(1).map((s) => s!.done);
      expect(stored).toEqual([...stored].sort((a, b) => a - b));
      expect(stored.at(-1)).toBe(orders);
      expect(steps.length).toBeGreaterThanOrEqual(Math.ceil(orders / 300));
      for (const step of steps.slice(1)) expect(step!.total).toBe(orders);
      expect(steps.at(-1)!.etaMs).toBe(0);
      expect(seen.at(-1)).toBeNull();
      // The next round is news, not a first sync.
      await desk.sync();
      expect(seen.filter((s) => s !== null)).toHaveLength(steps.length);
    } finally {
      await desk.dispose();
    }
  });

  it('comes as news, page by page, when it is small', async () => {
    const desk = openTestDesk(service);
    try {
      const seen: Array<SyncStatus['firstSync']> = [];
      desk.app.events.subscribe((name, payload) => {
        if (name === 'sync.status') seen.push((payload as SyncStatus).firstSync);
      });
      await desk.signIn('admin');
      expect(await desk.sync()).toMatchObject({ online: true, lastError: null });
      expect(desk.orderCount()).toBeGreaterThan(1_000);
      expect(seen.every((s) => s === null)).toBe(true);
    } finally {
      await desk.dispose();
    }
  });
});
