import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../../src/main/app/app';
import { MemoryVault } from '../../../src/main/session/token-vault';
import { startLiveness } from '../../../src/main/sync/liveness';
import { ServiceClient } from '../../../src/main/sync/service-client';
import type { SyncEngine } from '../../../src/main/sync/engine';
import { DEMO_PASSWORD } from '../../support/service';
import { useDeskWorld } from '../../support/world';

/** Resolves once the engine's status says `online`, answering how long that took. */
function until(engine: SyncEngine, online: boolean, timeoutMs = 5_000): Promise<number> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const check = () => {
      if (engine.status.online === online && !engine.status.syncing) return resolve(Date.now() - started);
      if (Date.now() - started > timeoutMs) return reject(new Error(`still online=${String(engine.status.online)}`));
      setTimeout(check, 20);
    };
    check();
  });
}

describe('the desk notices the order service going and coming back between sync rounds', () => {
  const world = useDeskWorld({ demoOrders: 30 });

  /** A warehouse desk signed in and synced, its engine on this thread (a desk's runs on its writer thread). */
  async function syncedDesk() {
    const dir = mkdtempSync(join(tmpdir(), 'order-desk-liveness-'));
    const app = createApp({
      dataDir: dir,
      serviceUrl: world.proxy.url,
      vault: new MemoryVault(),
      deviceId: '00000000-0000-4000-8000-00000000f00d',
      demo: true,
      autoSync: false,
      now: () => world.service.clock.now(),
      random: () => 0.5,
      requestTimeoutMs: 3_000,
    });
    const signedIn = await app.dispatch('session.signIn', { username: 'warehouse1', password: DEMO_PASSWORD });
    expect(signedIn.ok).toBe(true);
    const engine = app.sync()!;
    engine.start();
    await until(engine, true);
    return {
      engine,
      close: async () => {
        await engine.stop();
        await app.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }

  it('shows 离线 within one probe of the service going quiet, and syncs as soon as it answers again', async () => {
    const desk = await syncedDesk();
    const { engine } = desk;
    const client = new ServiceClient({ baseUrl: world.proxy.url });
    const stop = startLiveness({ check: () => engine.checkReachable(() => client.reachable(300)), intervalMs: 100 });
    try {
      await world.proxy.refuse();
      // The next round is 15 s away: only the probe can tell this soon.
      expect(await until(engine, false)).toBeLessThan(1_000);
      expect(engine.status.lastError?.code).toBe('OFFLINE');
      await world.proxy.restore();
      expect(await until(engine, true)).toBeLessThan(1_000);
      expect(engine.status.lastError).toBeNull();
    } finally {
      stop();
      await desk.close();
    }
  });

  it('stays online when a probe went unanswered while a round ran (a service busy serving a first sync)', async () => {
    const desk = await syncedDesk();
    const { engine } = desk;
    try {
      let timeOut!: () => void;
      const sentBefore = engine.checkReachable(() => new Promise<boolean>((answer) => (timeOut = () => answer(false))));
      await engine.syncNow();
      // The probe sent before that round timed out during it: the round itself reached the service.
      timeOut();
      await sentBefore;
      expect(engine.status).toMatchObject({ online: true, lastError: null });
      // A probe sent after the round that goes unanswered still counts.
      await engine.checkReachable(() => Promise.resolve(false));
      expect(engine.status).toMatchObject({ online: false, lastError: { code: 'OFFLINE' } });
    } finally {
      await desk.close();
    }
  });

  it('counts a service that answers garbage or nothing in time as not reachable', async () => {
    const client = new ServiceClient({ baseUrl: world.proxy.url });
    expect(await client.reachable(500)).toBe(true);
    world.proxy.inject({ kind: 'hang' }, { times: 1 });
    expect(await client.reachable(200)).toBe(false);
    world.proxy.inject({ kind: 'garbage', body: '{"status":"down"}' }, { times: 1 });
    expect(await client.reachable(500)).toBe(false);
  });
});
