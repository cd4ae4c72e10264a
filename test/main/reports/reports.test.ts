import { describe, expect, it } from 'vitest';
import type { DeskReport } from '../../../src/shared/contract/reports';
import { TEST_START } from '../../support/service';
import { useDeskWorld } from '../../support/world';

const DAY = 24 * 3_600_000;
const range = { from: TEST_START - 30 * DAY, to: TEST_START + DAY, bucket: 'day' as const };

/** A supervisor's reports on the desk: the service's figures, kept for reading offline. */
describe('reports on the desk', () => {
  const world = useDeskWorld({ demoOrders: 200 });

  it('reads the service’s report, and the same range again offline, saying when it was fetched', async () => {
    const desk = await world.desk('service1');
    const online = await desk.call('reports.summary', range);
    expect(online.ok).toBe(true);
    const fresh = (online as { value: DeskReport }).value;
    expect(fresh).toMatchObject({ offline: false, failure: null });
    expect(fresh.report!.totals.orders).toBeGreaterThan(0);

    await world.proxy.refuse();
    const offline = (await desk.call('reports.summary', range)) as { ok: true; value: DeskReport };
    expect(offline.value).toMatchObject({ offline: true, failure: 'OFFLINE', fetchedAt: fresh.fetchedAt });
    expect(offline.value.report).toEqual(fresh.report);
    const unknown = (await desk.call('reports.summary', { ...range, bucket: 'week' })) as { value: DeskReport };
    expect(unknown.value).toMatchObject({ report: null, offline: true });
  });

  it('is not the warehouse’s to read', async () => {
    const desk = await world.desk('warehouse1');
    expect(await desk.call('reports.summary', range)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ROLE' } });
  });
});
