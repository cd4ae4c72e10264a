import Database from 'better-sqlite3';
import { join } from 'node:path';
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
    const db = new Database(join(service.dataDir, 'orders.sqlite'), { readonly: true });
    try {
      const row = db
        .prepare('SELECT at, clock_offset AS clockOffset FROM device_sync WHERE device_id = ?')
        .get(desk.deviceId);
      expect(row).toEqual({ at: service.clock.now(), clockOffset: -3 * 3_600_000 });
    } finally {
      db.close();
    }
    await desk.dispose();
  });
});
