import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../../../src/server/auth/authenticate';
import { createLimiters } from '../../../src/server/auth/limiters';
import { AddressQueue, realPause } from '../../../src/server/auth/login-guard';
import { revokeSessionsOf } from '../../../src/server/auth/revoke';
import { SessionCache } from '../../../src/server/auth/sessions';
import { newToken } from '../../../src/server/auth/tokens';
import { resolveConfig } from '../../../src/server/config';
import type { Deps } from '../../../src/server/deps';
import { openDatabase } from '../../../src/server/storage/db';
import { SqliteStore } from '../../../src/server/storage/sqlite/store';
import { ManualClock } from '../../../src/server/timers/clock';
import { call, startTestService, TEST_START, type TestService } from '../../support/service';

describe('signing out ends the session at the service', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({ demoOrders: 10 });
  });
  afterAll(() => service.close());

  it('revokes the token: it opens nothing afterwards, and a second sign-out is refused', async () => {
    const clerk = await service.login('clerk1');
    const other = await service.login('clerk1');
    expect((await clerk.get('/v1/orders?limit=1')).status).toBe(200);
    const out = await clerk.post('/v1/auth/logout', {});
    expect(out).toMatchObject({ status: 200, body: {} });
    expect(await clerk.get('/v1/orders?limit=1')).toMatchObject({
      status: 401,
      body: { error: { code: 'UNAUTHENTICATED' } },
    });
    expect((await clerk.post('/v1/auth/logout', {})).status).toBe(401);
    // Only that token: the same user's other session goes on.
    expect((await other.get('/v1/orders?limit=1')).status).toBe(200);
    expect((await call(`${service.url}/v1/auth/logout`, { body: {} })).status).toBe(401);
  });

  it('notices within 30 seconds a token revoked behind its back (by another node of the service)', async () => {
    const clerk = await service.login('clerk1');
    expect((await clerk.get('/v1/orders?limit=1')).status).toBe(200);
    service.fixture('DELETE FROM tokens');
    service.clock.advance(30_000);
    expect((await clerk.get('/v1/orders?limit=1')).status).toBe(401);
  });
});

describe('revoking every session of a user (what an admin does to a lost laptop)', () => {
  let dir: string;
  let deps: Deps;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'revoke-'));
    const clock = new ManualClock(TEST_START);
    const config = resolveConfig();
    deps = {
      store: new SqliteStore(openDatabase(join(dir, 'orders.sqlite'))),
      clock,
      config,
      limiters: createLimiters(config, clock),
      loginQueue: new AddressQueue(realPause),
      sessions: new SessionCache(),
    };
  });
  afterAll(async () => {
    await deps.store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('closes each of the user’s tokens at once, cached or not, and no one else’s', async () => {
    const user = (id: string) => ({
      id,
      username: id,
      displayName: id,
      role: 'clerk' as const,
      scope: { all: false, warehouseIds: [], storeIds: ['ST-01'], dealerIds: [] },
      passwordHash: 'scrypt$1$1$1$x$y',
      demoOnly: false,
    });
    const tokens = { laptop: newToken(), counter: newToken(), colleague: newToken() };
    const now = deps.clock.now();
    await deps.store.unit(async (tx) => {
      await tx.users.insert(user('u-clerk'), now);
      await tx.users.insert(user('u-colleague'), now);
      await tx.tokens.insert(tokens.laptop.hash, 'u-clerk', now, now + 3_600_000);
      await tx.tokens.insert(tokens.counter.hash, 'u-clerk', now, now + 3_600_000);
      await tx.tokens.insert(tokens.colleague.hash, 'u-colleague', now, now + 3_600_000);
    });
    const bearer = (t: { token: string }) => `Bearer ${t.token}`;
    // The laptop's token is in the cache, as after any request.
    expect((await authenticate(deps, bearer(tokens.laptop))).userId).toBe('u-clerk');

    expect(await revokeSessionsOf(deps, 'u-clerk')).toBe(2);
    await expect(authenticate(deps, bearer(tokens.laptop))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(authenticate(deps, bearer(tokens.counter))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await authenticate(deps, bearer(tokens.colleague))).userId).toBe('u-colleague');
  });
});
