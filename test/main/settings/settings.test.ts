import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../src/main/app/app';
import { clientDirFor, deskStart, readDeskSettings } from '../../../src/main/settings/desk-settings';
import { MemoryVault } from '../../../src/main/session/token-vault';
import { startTestService, type TestService } from '../../support/service';

describe('设置: which order service and update feed a desk uses', () => {
  let service: TestService;
  let root: string;
  let restarts = 0;
  let app: App;

  const fresh = (name: string) => join(root, name);

  beforeAll(async () => {
    service = await startTestService({ demoOrders: 50 });
    root = mkdtempSync(join(tmpdir(), 'desk-settings-'));
    const dir = fresh('desk');
    const start = deskStart(dir, { serviceUrl: null });
    app = createApp({
      dataDir: clientDirFor(dir, start.serviceUrl),
      // The demo company this run: here the test service stands in for the embedded one.
      serviceUrl: service.url,
      demo: true,
      vault: new MemoryVault(),
      deviceId: '00000000-0000-4000-8000-00000000e001',
      autoSync: false,
      settings: { dir, start, restart: () => (restarts += 1) },
    });
  });
  afterAll(async () => {
    await app.close();
    await service.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('starts on the environment’s service, else the one saved here, else the demo company', () => {
    const dir = fresh('precedence');
    mkdirSync(dir, { recursive: true });
    expect(deskStart(dir, {})).toMatchObject({ serviceUrl: null, serviceSource: 'demo' });
    writeFileSync(
      join(dir, 'desk-settings.json'),
      JSON.stringify({ serviceUrl: 'https://orders.example.com/', updateUrl: null }),
    );
    expect(deskStart(dir, {})).toMatchObject({ serviceUrl: 'https://orders.example.com/', serviceSource: 'settings' });
    expect(
      deskStart(dir, { serviceUrl: 'https://env.example.com/', updateUrl: 'https://u.example.com/' }),
    ).toMatchObject({
      serviceUrl: 'https://env.example.com/',
      serviceSource: 'environment',
      updateUrl: 'https://u.example.com/',
      lockedByEnvironment: { serviceUrl: true, updateUrl: true },
    });
    // Plain http saved on a lab network is not used by a run that does not allow it: the desk starts.
    writeFileSync(
      join(dir, 'desk-settings.json'),
      JSON.stringify({ serviceUrl: 'http://10.0.0.5:4610', updateUrl: null }),
    );
    expect(deskStart(dir, {})).toMatchObject({ serviceUrl: null, serviceSource: 'demo' });
    expect(deskStart(dir, {}, { allowInsecure: true })).toMatchObject({ serviceUrl: 'http://10.0.0.5:4610' });
    // A damaged file is no settings: the desk still starts.
    writeFileSync(join(dir, 'desk-settings.json'), '{"serviceUrl": 42');
    expect(deskStart(dir, {})).toMatchObject({ serviceUrl: null, serviceSource: 'demo' });
  });

  it('lets an admin point the desk at the company’s service, which applies at the next start', async () => {
    expect((await app.dispatch('session.signIn', { username: 'admin', password: 'demo1234' })).ok).toBe(true);
    const before = await app.dispatch('settings.get', {});
    expect(before).toMatchObject({
      ok: true,
      value: {
        running: { serviceUrl: `${service.url}/`, serviceSource: 'demo' },
        restartNeeded: false,
        canRestart: true,
      },
    });

    const saved = await app.dispatch('settings.save', {
      serviceUrl: '  https://orders.example.com/desk  ',
      updateUrl: 'https://updates.example.com/order-desk/',
    });
    expect(saved).toMatchObject({
      ok: true,
      value: {
        saved: { serviceUrl: 'https://orders.example.com/desk', updateUrl: 'https://updates.example.com/order-desk/' },
        restartNeeded: true,
      },
    });
    const file = join(fresh('desk'), 'desk-settings.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(deskStart(fresh('desk'), {})).toMatchObject({
      serviceUrl: 'https://orders.example.com/desk',
      serviceSource: 'settings',
    });

    expect(await app.dispatch('settings.restart', {})).toMatchObject({ ok: true });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(restarts).toBe(1);

    // Blank means "not set": back to the demo company at the next start.
    await app.dispatch('settings.save', { serviceUrl: '', updateUrl: null });
    expect(readDeskSettings(fresh('desk'))).toEqual({ serviceUrl: null, updateUrl: null });
  });

  it('refuses plain http to another machine, an update feed that is not https, and anyone but an admin', async () => {
    const file = join(fresh('desk'), 'desk-settings.json');
    const before = readFileSync(file, 'utf8');
    const http = await app.dispatch('settings.save', { serviceUrl: 'http://192.168.1.20:4610', updateUrl: null });
    expect(http).toMatchObject({ ok: false, error: { code: 'INSECURE_SERVICE_URL' } });
    const feed = await app.dispatch('settings.save', { serviceUrl: null, updateUrl: 'http://updates.example.com/' });
    expect(feed).toMatchObject({ ok: false, error: { code: 'INSECURE_UPDATE_URL' } });
    const junk = await app.dispatch('settings.save', { serviceUrl: 'orders here', updateUrl: null });
    expect(junk).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const secret = await app.dispatch('settings.save', {
      serviceUrl: 'https://u:p@orders.example.com',
      updateUrl: null,
    });
    expect(secret).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(readFileSync(file, 'utf8')).toBe(before);

    await app.dispatch('session.signOut', {});
    expect((await app.dispatch('session.signIn', { username: 'clerk1', password: 'demo1234' })).ok).toBe(true);
    expect((await app.dispatch('settings.get', {})).ok).toBe(true);
    const clerk = await app.dispatch('settings.save', { serviceUrl: 'https://evil.example.com', updateUrl: null });
    expect(clerk).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ROLE' } });
    expect(await app.dispatch('settings.restart', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ROLE' } });
    expect(readFileSync(file, 'utf8')).toBe(before);
    await app.dispatch('session.signOut', {});
  });

  it('keeps each service’s local copy apart, and finds the first one’s again', () => {
    const userData = fresh('copies');
    const demo = clientDirFor(userData, null);
    expect(demo).toBe(join(userData, 'client'));
    expect(clientDirFor(userData, null)).toBe(demo);
    const company = clientDirFor(userData, 'https://orders.example.com/desk');
    expect(company).not.toBe(demo);
    expect(clientDirFor(userData, 'https://orders.example.com/other-path')).toBe(company);
    expect(clientDirFor(userData, 'https://orders.example.org/')).not.toBe(company);
    expect(clientDirFor(userData, null)).toBe(demo);
    expect(statSync(company).mode & 0o777).toBe(0o700);
    expect(existsSync(join(demo, 'service-origin'))).toBe(true);
  });

  it('answers NOT_SUPPORTED to a restart where the desk cannot restart itself', async () => {
    const dir = fresh('browser');
    const browser = createApp({
      dataDir: clientDirFor(dir, service.url),
      serviceUrl: service.url,
      vault: new MemoryVault(),
      deviceId: '00000000-0000-4000-8000-00000000e002',
      autoSync: false,
      settings: { dir, start: deskStart(dir, { serviceUrl: service.url }), restart: null },
    });
    try {
      expect((await browser.dispatch('session.signIn', { username: 'admin', password: 'demo1234' })).ok).toBe(true);
      expect(await browser.dispatch('settings.get', {})).toMatchObject({
        ok: true,
        value: { canRestart: false, lockedByEnvironment: { serviceUrl: true } },
      });
      expect(await browser.dispatch('settings.restart', {})).toMatchObject({
        ok: false,
        error: { code: 'NOT_SUPPORTED' },
      });
    } finally {
      await browser.close();
    }
  });
});
