import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/main/app/app';
import { MemoryVault } from '../../../src/main/session/token-vault';
import { call, startTestService, type TestService } from '../../support/service';

describe('signing out at a desk', () => {
  let service: TestService;
  let dir: string;
  beforeAll(async () => {
    service = await startTestService({ demoOrders: 20 });
    dir = mkdtempSync(join(tmpdir(), 'sign-out-'));
  });
  afterAll(async () => {
    await service.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ends the session at the service too, so a token copied off the desk opens nothing', async () => {
    const vault = new MemoryVault();
    const app = createApp({
      dataDir: dir,
      serviceUrl: service.url,
      vault,
      deviceId: '00000000-0000-4000-8000-00000000a001',
      autoSync: false,
      now: () => service.clock.now(),
    });
    expect((await app.dispatch('session.signIn', { username: 'clerk1', password: 'demo1234' })).ok).toBe(true);
    const token = vault.load('clerk1');
    expect(token).not.toBeNull();
    expect((await call(`${service.url}/v1/orders?limit=1`, { token: token! })).status).toBe(200);

    expect(await app.dispatch('session.signOut', {})).toEqual({ ok: true, value: {} });
    expect(vault.load('clerk1')).toBeNull();
    expect((await call(`${service.url}/v1/orders?limit=1`, { token: token! })).status).toBe(401);
    await app.close();
  });
});
