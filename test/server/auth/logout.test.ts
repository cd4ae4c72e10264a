import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startTestService, type TestService } from '../../support/service';

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

  it('signs out a client that posts no body at all', async () => {
    const clerk = await service.login('clerk1');
    const out = await call(`${service.url}/v1/auth/logout`, { method: 'POST', token: clerk.token });
    expect(out).toMatchObject({ status: 200, body: {} });
    expect((await clerk.get('/v1/orders?limit=1')).status).toBe(401);
  });

  it('notices within 10 seconds a token revoked behind its back (by another node of the service)', async () => {
    const clerk = await service.login('clerk1');
    expect((await clerk.get('/v1/orders?limit=1')).status).toBe(200);
    await service.fixture('DELETE FROM tokens');
    service.clock.advance(10_000);
    expect((await clerk.get('/v1/orders?limit=1')).status).toBe(401);
  });
});
