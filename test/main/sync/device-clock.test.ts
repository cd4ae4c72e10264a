import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDesk } from '../../support/desk';
import { startTestService, type TestService } from '../../support/service';

describe('a desk’s sync tells the service which device it is and what its clock says', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({ demoOrders: 20 });
  });
  afterAll(() => service.close());

  it('records the sync and the desk’s clock error, which its offline redemptions are later judged by', async () => {
    const desk = openTestDesk(service, { clockOffsetMs: -3 * 3_600_000 });
    await desk.signIn('clerk1');
    await desk.sync();
    const rows = await service.query<{ at: number; clockOffset: number }>(
      'SELECT at, clock_offset AS "clockOffset" FROM device_sync WHERE device_id = ?',
      desk.deviceId,
    );
    expect(rows.map((r) => ({ at: Number(r.at), clockOffset: Number(r.clockOffset) }))).toEqual([
      { at: service.clock.now(), clockOffset: -3 * 3_600_000 },
    ]);
    await desk.dispose();
  });
});
