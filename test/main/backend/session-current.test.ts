import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDeskBackend, type DeskBackend } from '../../../src/main/backend/host';
import { MemoryVault } from '../../../src/main/session/token-vault';
import { startTestService, type TestService } from '../../support/service';
import { HELD, HOLDING } from '../../support/hold-writer-hook';

const hookModule = (): string => {
  const prebuilt = process.env['ORDER_DESK_WORKERS'];
  return prebuilt
    ? pathToFileURL(join(prebuilt, 'hold-writer-hook.mjs')).href
    : new URL('../../support/hold-writer-hook.ts', import.meta.url).href;
};

/**
 * A reload's first question is who is signed in. Main's thread knows (the writer tells it at every
 * sign-in and sign-out), so it answers at once, even while the writer is deep in a sync round.
 */
describe('who is signed in, answered on main’s thread', () => {
  let service: TestService;
  let dir: string;
  let desk: DeskBackend;
  const cells = new Int32Array(new SharedArrayBuffer(8));

  beforeAll(async () => {
    service = await startTestService({ demoOrders: 200 });
    dir = mkdtempSync(join(tmpdir(), 'session-current-'));
    desk = startDeskBackend(
      {
        dataDir: join(dir, 'client'),
        serviceUrl: service.url,
        deviceId: crypto.randomUUID(),
        autoSync: false,
        syncPhaseHook: { module: hookModule(), data: cells.buffer },
      },
      { vault: new MemoryVault() },
    );
  });
  afterAll(async () => {
    Atomics.store(cells, HOLDING, 0);
    Atomics.notify(cells, HOLDING);
    await desk.close();
    await service.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says nobody before a sign-in and refuses a malformed question like any other call', async () => {
    expect(await desk.dispatch('session.current', {})).toEqual({ ok: true, value: null });
    expect(await desk.dispatch('session.current', { who: 'me' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
  });

  it('names the signed-in user while the writer thread is stuck in a sync round, and nobody after sign-out', async () => {
    const signedIn = await desk.dispatch('session.signIn', { username: 'warehouse1', password: 'demo1234' });
    if (!signedIn.ok) throw new Error(signedIn.error.message);

    Atomics.store(cells, HOLDING, 1);
    const sync = desk.dispatch('sync.now', {});
    while (Atomics.load(cells, HELD) !== 1) await new Promise((resolve) => setTimeout(resolve, 10));
    // The writer is frozen inside its round: only main's thread can answer this.
    expect(await desk.dispatch('session.current', {})).toEqual({ ok: true, value: signedIn.value });

    Atomics.store(cells, HOLDING, 0);
    Atomics.notify(cells, HOLDING);
    expect((await sync).ok).toBe(true);
    expect((await desk.dispatch('session.signOut', {})).ok).toBe(true);
    expect(await desk.dispatch('session.current', {})).toEqual({ ok: true, value: null });
  });
});
