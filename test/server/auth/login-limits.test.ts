import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { call, startTestService, type TestService } from '../../support/service';

const MINUTE = 60_000;

/** What the service paused for: the address slowdown is observed, not waited for. */
function pauses() {
  const asked: number[] = [];
  return { asked, pause: async (ms: number) => void asked.push(ms) };
}

describe('sign-in limits that hold under concurrency', () => {
  let service: TestService;
  const slept = pauses();
  const login = (username: string, password: string, headers: Record<string, string> = {}) =>
    call(`${service.url}/v1/auth/login`, { body: { username, password }, headers });
  const statuses = (answers: Array<{ status: number }>) =>
    answers.reduce<Record<number, number>>((n, a) => ({ ...n, [a.status]: (n[a.status] ?? 0) + 1 }), {});

  beforeAll(async () => {
    service = await startTestService({
      demoOrders: 20,
      login: { perUsername: { limit: 5, windowMs: 15 * MINUTE }, perIp: { limit: 12, windowMs: 15 * MINUTE } },
      pause: slept.pause,
    });
  });
  afterAll(() => service.close());
  afterEach(() => {
    // Every story starts with a forgiven window.
    service.clock.advance(16 * MINUTE);
    slept.asked.length = 0;
  });

  it('counts 100 concurrent wrong passwords as 100 attempts: at most 5 are ever checked', async () => {
    const burst = await Promise.all(Array.from({ length: 100 }, (_, i) => login('dealer1', `guess-${i}`)));
    const counted = statuses(burst);
    expect(counted[401]).toBeGreaterThanOrEqual(1);
    expect(counted[401]).toBeLessThanOrEqual(5);
    expect(counted[429]).toBe(100 - counted[401]!);
    for (const refused of burst.filter((a) => a.status === 429)) {
      expect(refused.body).toMatchObject({ error: { code: 'RATE_LIMITED' } });
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    // Sent one by one afterwards, the account stays shut: nothing more is checked.
    for (let i = 0; i < 5; i++) expect((await login('dealer1', `later-${i}`)).status).toBe(429);
  });

  it('lets the right password in while wrong ones race it, and forgives earlier mistakes after it', async () => {
    const race = await Promise.all([login('clerk1', 'demo1234'), login('clerk1', 'typo-1')]);
    expect(race.map((a) => a.status)).toEqual([200, 401]);
    service.clock.advance(15 * MINUTE);
    for (let i = 0; i < 4; i++) expect((await login('clerk1', `typo-${i}`)).status).toBe(401);
    expect((await login('clerk1', 'demo1234')).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login('clerk1', `typo-${i}`)).status).toBe(401);
    expect((await login('clerk1', 'demo1234')).status).toBe(200);
  });

  it('never locks another account out at the same address: a burst on one account does not touch admin', async () => {
    await Promise.all(Array.from({ length: 60 }, (_, i) => login('dealer1', `guess-${i}`)));
    const admin = await login('admin', 'demo1234');
    expect(admin.status).toBe(200);
    expect(slept.asked).toEqual([]);
  });

  it('slows an address that guesses across many accounts, and still lets a right password through', async () => {
    for (let i = 0; i < 12; i++) expect((await login(`staff${i}`, 'password')).status).toBe(401);
    expect(slept.asked).toEqual([]);
    const sprayed = await Promise.all(Array.from({ length: 6 }, (_, i) => login(`more${i}`, 'password')));
    expect(sprayed.every((a) => a.status === 401)).toBe(true);
    // Every further check waits (one at a time), longer the more the address has tried, up to a ceiling.
    expect(slept.asked).toHaveLength(6);
    const first = Math.min(...slept.asked);
    expect(first).toBeGreaterThan(0);
    const admin = await login('admin', 'demo1234');
    expect(admin.status).toBe(200);
    expect(slept.asked).toHaveLength(7);
    expect(slept.asked.at(-1)).toBeGreaterThan(first);
    expect(Math.max(...slept.asked)).toBeLessThanOrEqual(30_000);
  });

  it('ignores X-Forwarded-For unless told to trust a proxy: a spoofed header does not escape the address count', async () => {
    for (let i = 0; i < 12; i++) {
      expect((await login(`spoof${i}`, 'password', { 'x-forwarded-for': `10.0.0.${i + 1}` })).status).toBe(401);
    }
    await login('someone', 'password', { 'x-forwarded-for': '10.9.9.9' });
    expect(slept.asked).toHaveLength(1);
  });
});

describe('the audit’s probe, on the default limits', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({ demoOrders: 20 });
  });
  afterAll(() => service.close());

  it('refuses the right password sent at the end of a burst of 60 wrong ones', async () => {
    const login = (password: string) =>
      call(`${service.url}/v1/auth/login`, { body: { username: 'warehouse1', password } });
    const burst = Array.from({ length: 60 }, (_, i) => login(`guess-${i}`));
    const right = await login('demo1234');
    const wrong = await Promise.all(burst);
    expect(wrong.every((a) => a.status === 401 || a.status === 429)).toBe(true);
    expect(right).toMatchObject({ status: 429, body: { error: { code: 'RATE_LIMITED' } } });
    expect((await login('demo1234')).status).toBe(429);
    service.clock.advance(15 * MINUTE);
    expect((await login('demo1234')).status).toBe(200);
  });
});

describe('behind a trusted proxy', () => {
  let service: TestService;
  const slept = pauses();
  beforeAll(async () => {
    service = await startTestService({
      demoOrders: 20,
      login: { perIp: { limit: 3, windowMs: 15 * MINUTE } },
      trustProxy: ['127.0.0.1'],
      pause: slept.pause,
    });
  });
  afterAll(() => service.close());

  it('counts each client address the proxy names, not the proxy’s own', async () => {
    const from = (address: string, username: string) =>
      call(`${service.url}/v1/auth/login`, {
        body: { username, password: 'wrong-one' },
        headers: { 'x-forwarded-for': address },
      });
    for (let i = 0; i < 3; i++) expect((await from('203.0.113.7', `user${i}`)).status).toBe(401);
    expect(slept.asked).toEqual([]);
    await from('203.0.113.7', 'user9');
    expect(slept.asked).toHaveLength(1);
    await from('198.51.100.4', 'user10');
    expect(slept.asked).toHaveLength(1);
  });
});
