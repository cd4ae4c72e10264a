import electronLog from 'electron-log/node';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDeskBackend, type DeskBackend } from '../../../src/main/backend/host';
import { openDeskLogs } from '../../../src/main/diagnostics/desk-log';
import { deskStart } from '../../../src/main/settings/desk-settings';
import { MemoryVault } from '../../../src/main/session/token-vault';
import { startTestService, type TestService } from '../../support/service';

/**
 * The backend's writer thread logs and files its diagnostics bundle, but the log files and the
 * browser's downloads are main's thread's: what the writer says must arrive there.
 */
describe("the writer thread's logs and bundles, through main's thread", () => {
  let service: TestService;
  let dir: string;
  let desk: DeskBackend;

  beforeAll(async () => {
    service = await startTestService({ demoOrders: 200 });
    dir = mkdtempSync(join(tmpdir(), 'host-services-'));
    desk = startDeskBackend(
      { dataDir: join(dir, 'client'), serviceUrl: service.url, deviceId: crypto.randomUUID(), autoSync: false },
      { vault: new MemoryVault(), logs: openDeskLogs(join(dir, 'logs'), electronLog) },
    );
  });
  afterAll(async () => {
    await desk.close();
    await service.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the backend’s and the renderer’s lines to main’s log files, and hands over the bundle it zipped', async () => {
    expect((await desk.dispatch('session.signIn', { username: 'clerk1', password: 'Wr0ng-secret!' })).ok).toBe(false);
    expect((await desk.dispatch('session.signIn', { username: 'clerk1', password: 'demo1234' })).ok).toBe(true);
    await desk.dispatch('diagnostics.log', { level: 'error', message: 'TypeError in ShiftList: x is undefined' });

    const exported = await desk.dispatch('diagnostics.export', {});
    if (!exported.ok) throw new Error(exported.error.message);
    const { exportId, path } = exported.value as { exportId: string; path: string };
    expect(existsSync(path)).toBe(true);
    // Browser mode serves downloads from main's shelf.
    expect(desk.exports.path(exportId)).toBe(path);

    const backendLog = readFileSync(join(dir, 'logs', 'backend.log'), 'utf8');
    expect(backendLog).toMatch(/sign-in refused: INVALID_CREDENTIALS/);
    expect(backendLog).toMatch(/signed in as a clerk \(online\)/);
    expect(backendLog).toMatch(/diagnostics exported \(diagnostics-\d{8}T\d{6}\.zip\)/);
    expect(readFileSync(join(dir, 'logs', 'renderer.log'), 'utf8')).toMatch(/\[error\] TypeError in ShiftList/);
  });

  it('restarts the desk through main’s thread when an admin asks in 设置, and says so where main cannot', async () => {
    let restart!: () => void;
    const restarted = new Promise<void>((resolve) => (restart = resolve));
    const home = join(dir, 'restartable');
    const electronLike = startDeskBackend(
      {
        dataDir: home,
        serviceUrl: service.url,
        deviceId: crypto.randomUUID(),
        autoSync: false,
        settings: { dir: home, start: deskStart(home, { serviceUrl: service.url }) },
      },
      { vault: new MemoryVault(), restart: () => restart() },
    );
    try {
      expect((await electronLike.dispatch('session.signIn', { username: 'admin', password: 'demo1234' })).ok).toBe(
        true,
      );
      expect(await electronLike.dispatch('settings.get', {})).toMatchObject({ ok: true, value: { canRestart: true } });
      expect((await electronLike.dispatch('settings.restart', {})).ok).toBe(true);
      await restarted;
    } finally {
      await electronLike.close();
    }

    // Browser mode: restarted by whoever started it.
    await desk.dispatch('session.signOut', {});
    expect((await desk.dispatch('session.signIn', { username: 'admin', password: 'demo1234' })).ok).toBe(true);
    expect(await desk.dispatch('settings.get', {})).toMatchObject({ ok: true, value: { canRestart: false } });
    expect(await desk.dispatch('settings.restart', {})).toMatchObject({ ok: false, error: { code: 'NOT_SUPPORTED' } });
  });
});
