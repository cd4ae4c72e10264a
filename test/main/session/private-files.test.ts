import { statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pruneExports } from '../../../src/main/orders/export';
import { LIST_COLUMNS } from '../../../src/shared/contract/list';
import { userDirOf } from '../../../src/main/workspace';
import { openTestDesk, type TestDesk } from '../../support/desk';
import { startTestService, type TestService } from '../../support/service';

const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);

describe('a desk’s data on disk is its user’s alone', () => {
  let service: TestService;
  let desk: TestDesk;
  beforeAll(async () => {
    service = await startTestService({ demoOrders: 50 });
    desk = openTestDesk(service);
    await desk.signIn('warehouse1');
    await desk.sync();
  });
  afterAll(async () => {
    await desk.dispose();
    await service.close();
  });

  it('keeps folders 0700 and the database, its WAL, the account and the seal key 0600', () => {
    const userDir = userDirOf(desk.dir, 'warehouse1');
    expect(modeOf(desk.dir)).toBe('700');
    expect(modeOf(join(desk.dir, 'users'))).toBe('700');
    expect(modeOf(userDir)).toBe('700');
    for (const file of ['orders.sqlite', 'orders.sqlite-wal', 'orders.sqlite-shm', 'account.json', 'seal.key']) {
      expect(modeOf(join(userDir, file)), file).toBe('600');
    }
  });

  it('writes exports 0600 in a 0700 folder and deletes them after a week', async () => {
    const started = await desk.call('orders.export', {
      filter: {},
      columns: ['orderNo'],
      headers: Object.fromEntries(LIST_COLUMNS.map((c) => [c, c])),
      labels: {},
      timeZone: 'Asia/Shanghai',
    });
    expect(started.ok).toBe(true);
    const userDir = userDirOf(desk.dir, 'warehouse1');
    const exports = join(userDir, 'exports');
    const file = await new Promise<string>((resolve) => {
      const off = desk.app.events.subscribe((name, payload) => {
        const progress = payload as { done: boolean; path: string | null };
        if (name === 'orders.exportProgress' && progress.done) {
          off();
          resolve(progress.path!);
        }
      });
    });
    expect(modeOf(exports)).toBe('700');
    expect(modeOf(file)).toBe('600');

    const stale = join(exports, 'orders-stale.csv');
    writeFileSync(stale, 'x');
    const eightDaysAgo = (Date.now() - 8 * 86_400_000) / 1000;
    utimesSync(stale, eightDaysAgo, eightDaysAgo);
    expect(pruneExports(userDir, Date.now())).toBe(1);
    expect(() => statSync(stale)).toThrow();
    expect(statSync(file).isFile()).toBe(true);
  });
});
