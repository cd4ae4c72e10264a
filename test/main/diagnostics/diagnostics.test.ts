import electronLog from 'electron-log/node';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../src/main/app/app';
import { openDeskLogs } from '../../../src/main/diagnostics/desk-log';
import { EXPORT_RETENTION_MS } from '../../../src/main/orders/export';
import { MemoryVault } from '../../../src/main/session/token-vault';
import { scrub } from '../../../src/main/diagnostics/scrub';
import { startTestService, type TestService } from '../../support/service';

describe('导出诊断信息: what support gets, and what it never gets', () => {
  let service: TestService;
  let dir: string;
  let app: App;
  const vault = new MemoryVault();

  beforeAll(async () => {
    service = await startTestService({ demoOrders: 400 });
    dir = mkdtempSync(join(tmpdir(), 'diagnostics-'));
    app = createApp({
      dataDir: join(dir, 'client'),
      serviceUrl: service.url,
      vault,
      deviceId: '00000000-0000-4000-8000-00000000d001',
      autoSync: false,
      now: () => service.clock.now(),
      logs: openDeskLogs(join(dir, 'logs'), electronLog),
      versions: { app: '0.1.0', node: process.versions.node },
    });
  });
  afterAll(async () => {
    await app.close();
    await service.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('zips the logs, versions and sync state, and holds no password, token, code, name or phone', async () => {
    expect((await app.dispatch('session.signIn', { username: 'clerk1', password: 'Wr0ng-secret!' })).ok).toBe(false);
    expect((await app.dispatch('session.signIn', { username: 'clerk1', password: 'demo1234' })).ok).toBe(true);
    await app.sync()!.syncNow();
    const token = vault.load('clerk1')!;
    const [live] = await service.query<{ orderNo: string; code: string }>(
      'SELECT c.order_no AS "orderNo", c.code FROM redemption_codes c JOIN orders o ON o.order_no = c.order_no WHERE c.live = TRUE AND c.uses_left = 1 AND o.store_id = \'ST-01\' LIMIT 1',
    );
    expect(live).toBeDefined();
    expect((await app.dispatch('redemption.redeem', { code: live!.code, storeId: 'ST-01' })).ok).toBe(true);
    // The renderer reports an error that quotes what it should not have.
    await app.dispatch('diagnostics.log', {
      level: 'error',
      message: `TypeError in ShiftList: receiver 13812345678, ${token}, code ${live!.code}, Bearer ${token}`,
    });

    const result = await app.dispatch('diagnostics.export', {});
    if (!result.ok) throw new Error(result.error.message);
    const { path, fileName } = result.value as { path: string; fileName: string };
    expect(fileName).toMatch(/^diagnostics-\d{8}T\d{6}\.zip$/);
    // The file keeps the name a person sends (browser mode's download names it after the file).
    expect(basename(path)).toBe(fileName);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const entries = unzipSync(new Uint8Array(readFileSync(path)));
    const names = Object.keys(entries).sort();
    expect(names).toEqual(
      expect.arrayContaining(['logs/backend.log', 'logs/renderer.log', 'versions.json', 'sync.json', 'crashes.json']),
    );
    expect(names.some((n) => /sqlite|account|seal|token/.test(n))).toBe(false);
    const text = Object.values(entries)
      .map((bytes) => strFromU8(bytes))
      .join('\n');
    expect(strFromU8(entries['logs/backend.log']!)).toMatch(/signed in as a clerk \(online\)/);
    expect(strFromU8(entries['logs/backend.log']!)).toMatch(/sign-in refused: INVALID_CREDENTIALS/);
    expect(strFromU8(entries['logs/renderer.log']!)).toMatch(/TypeError in ShiftList: receiver \[phone\]/);
    expect(JSON.parse(strFromU8(entries['sync.json']!))).toMatchObject({ role: 'clerk', online: true, queued: 0 });
    expect(JSON.parse(strFromU8(entries['versions.json']!))).toMatchObject({
      app: '0.1.0',
      platform: process.platform,
    });

    // The secrets and the personal data that passed through the desk.
    const orders = (
      app.workspace()!.db.prepare('SELECT receiver_name, receiver_phone FROM orders LIMIT 50').all() as Array<{
        receiver_name: string | null;
        receiver_phone: string | null;
      }>
    )
      .flatMap((o) => [o.receiver_name, o.receiver_phone])
      .filter((v): v is string => !!v && v.length > 1);
    for (const secret of ['demo1234', 'Wr0ng-secret!', token, live!.code, 'clerk1', ...orders]) {
      expect(text.includes(secret), secret).toBe(false);
    }
  });

  it('deletes earlier exports after the retention period, as it does order exports', async () => {
    const first = await app.dispatch('diagnostics.export', {});
    if (!first.ok) throw new Error(first.error.message);
    const folder = dirname((first.value as { path: string }).path);
    const old = (Date.now() - EXPORT_RETENTION_MS - 60_000) / 1000;
    utimesSync(folder, old, old);
    const second = await app.dispatch('diagnostics.export', {});
    if (!second.ok) throw new Error(second.error.message);
    expect(existsSync(folder)).toBe(false);
    expect(existsSync((second.value as { path: string }).path)).toBe(true);
  });

  it('masks what must not leave the desk in any line', () => {
    expect(scrub('pushed intent 0b7c1f3e-9d2a-4c55-8e61-0a1b2c3d4e5f')).toBe(
      'pushed intent 0b7c1f3e-9d2a-4c55-8e61-0a1b2c3d4e5f',
    );
    expect(scrub('token LLniBU_b7Bzq6AQZoWm8CZ197Y7W3nZMqFW4T96OpUY seen')).toBe('token [redacted] seen');
    expect(scrub('Authorization: Bearer abc.DEF-123 password=hunter2 {"token":"xyz"}')).toBe(
      'Authorization: Bearer [redacted] password=[redacted] {"token":"[redacted]"}',
    );
    expect(scrub('phone +86 13912345678, id 11010519491231002X, code 482913, mail a.b@c.cn')).toBe(
      'phone [phone], id [id], code [digits], mail [email]',
    );
  });
});
