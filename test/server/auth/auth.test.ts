import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../../src/shared/demo/users';
import { ManualClock, startOrderService } from '../../../src/server/index';
import { call, startTestService, TEST_START, type TestService } from '../../support/service';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('signing in and staying signed in', () => {
  let service: TestService;
  const login = (username: string, password: string) =>
    call(`${service.url}/v1/auth/login`, { body: { username, password } });

  beforeAll(async () => {
    service = await startTestService({
      demoOrders: 20,
      tokenTtlMs: 12 * HOUR,
      login: { perUsername: { limit: 5, windowMs: 15 * MINUTE }, perIp: { limit: 12, windowMs: 15 * MINUTE } },
      pause: async () => undefined,
    });
  });
  afterAll(() => service.close());

  it('answers a token, its expiry and the user with their role and scope', async () => {
    for (const demo of DEMO_USERS) {
      const answer = await login(demo.username, 'demo1234');
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        expiresAt: service.clock.now() + 12 * HOUR,
        user: { username: demo.username, displayName: demo.displayName, role: demo.role, scope: demo.scope },
      });
      expect(answer.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    }
  });

  it('refuses a wrong password and an unknown user with the same answer', async () => {
    const wrong = await login('warehouse1', 'demo12345');
    const unknown = await login('nobody', 'demo1234');
    expect(wrong).toMatchObject({ status: 401, body: { error: { code: 'INVALID_CREDENTIALS' } } });
    expect(unknown.body).toEqual(wrong.body);
  });

  it('lets a token work until it expires, 12 hours later', async () => {
    const { token } = (await login('clerk1', 'demo1234')).body;
    const orders = () => call(`${service.url}/v1/orders?limit=1`, { token });
    expect((await orders()).status).toBe(200);
    service.clock.advance(12 * HOUR - 1);
    expect((await orders()).status).toBe(200);
    service.clock.advance(1);
    expect(await orders()).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHENTICATED' } } });
    expect((await call(`${service.url}/v1/orders`)).body.error.code).toBe('UNAUTHENTICATED');
    expect(
      (await call(`${service.url}/v1/orders`, { headers: { authorization: 'Bearer not-a-token-at-all-but-long' } }))
        .status,
    ).toBe(401);
    expect(
      (await call(`${service.url}/v1/orders`, { headers: { authorization: 'Basic YWRtaW46ZGVtbzEyMzQ=' } })).status,
    ).toBe(401);
  });

  it('stops guessing one account: after 5 failures even the right password waits for the window', async () => {
    for (let i = 0; i < 5; i++) expect((await login('dealer1', `guess-${i}`)).status).toBe(401);
    const blocked = await login('dealer1', 'demo1234');
    expect(blocked).toMatchObject({ status: 429, body: { error: { code: 'RATE_LIMITED' } } });
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    expect((await login('service1', 'demo1234')).status).toBe(200);
    service.clock.advance(15 * MINUTE);
    expect((await login('dealer1', 'demo1234')).status).toBe(200);
  });

  it('slows guessing from one address across many accounts, never refusing a right password', async () => {
    service.clock.advance(15 * MINUTE);
    for (let i = 0; i < 12; i++) expect((await login(`staff${i}`, 'password')).status).toBe(401);
    expect((await login('admin', 'demo1234')).status).toBe(200);
  });
});

describe('devices and rights', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({ demoOrders: 20 });
  });
  afterAll(() => service.close());

  it('gives each device its own 4-digit code, the same one when it registers again', async () => {
    const desk = await service.login('warehouse1');
    const laptop = await service.login('dealer1');
    const deskId = randomUUID();
    const first = await desk.post('/v1/devices/register', { deviceId: deskId });
    const again = await laptop.post('/v1/devices/register', { deviceId: deskId });
    const other = await laptop.post('/v1/devices/register', { deviceId: randomUUID() });
    expect(first.body.deviceCode).toBe(again.body.deviceCode);
    expect(other.body.deviceCode).not.toBe(first.body.deviceCode);
    // The demo dealers' laptops already own 1001..1010: their codes are in the demo order numbers.
    for (const code of [first.body.deviceCode, other.body.deviceCode]) {
      expect(code).toBeGreaterThanOrEqual(1);
      expect(code).toBeLessThanOrEqual(9999);
      expect(code < 1001 || code > 1010).toBe(true);
    }
    expect((await desk.post('/v1/devices/register', { deviceId: 'desk-7' })).body.error.code).toBe('VALIDATION_FAILED');
    expect((await call(`${service.url}/v1/devices/register`, { body: { deviceId: randomUUID() } })).status).toBe(401);
  });

  it('checks the role’s rights before anything else', async () => {
    const warehouse = await service.login('warehouse1');
    const clerk = await service.login('clerk1');
    const supervisor = await service.login('service1');
    expect((await warehouse.post('/v1/redemptions/verify', { code: '123456', storeId: 'ST-01' })).body.error.code).toBe(
      'FORBIDDEN_ROLE',
    );
    expect((await clerk.post('/v1/orders/quote', {})).body.error.code).toBe('FORBIDDEN_ROLE');
    expect((await supervisor.post('/v1/demo/orders', { lines: [] })).body.error.code).toBe('FORBIDDEN_ROLE');
    expect((await clerk.get('/v1/orders?limit=1')).status).toBe(200);
  });
});

describe('demo accounts outside demo mode', () => {
  it('exist only while the service runs in demo mode, and so do the buyer-traffic endpoints', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'order-service-'));
    try {
      const options = { dataDir, port: 0, clock: new ManualClock(TEST_START), timerIntervalMs: 0, demoOrders: 10 };
      const demo = await startOrderService({ ...options, demo: true });
      const signedIn = await call(`${demo.url}/v1/auth/login`, { body: { username: 'admin', password: 'demo1234' } });
      expect(signedIn.status).toBe(200);
      await demo.close();

      const production = await startOrderService({ ...options, demo: false });
      const refused = await call(`${production.url}/v1/auth/login`, {
        body: { username: 'admin', password: 'demo1234' },
      });
      expect(refused).toMatchObject({ status: 401, body: { error: { code: 'INVALID_CREDENTIALS' } } });
      // A session begun in demo mode ends with it.
      expect(await call(`${production.url}/v1/orders?limit=1`, { token: signedIn.body.token as string })).toMatchObject(
        { status: 401, body: { error: { code: 'UNAUTHENTICATED' } } },
      );
      expect(await production.hasAdmin()).toBe(false);
      expect((await call(`${production.url}/v1/demo/orders`, { body: {} })).status).toBe(404);
      expect((await call(`${production.url}/v1/health`)).body).toMatchObject({ status: 'ok', demo: false });
      await production.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
