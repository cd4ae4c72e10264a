import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startTestService, type TestService } from '../../support/service';

describe('the service’s log: JSON lines with request ids, and no secrets', () => {
  let service: TestService;
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });

  beforeAll(async () => {
    service = await startTestService({ demoOrders: 20, logger: { stream } });
  });
  afterAll(() => service.close());

  it('logs each request as JSON with its id, answers that id, and never logs a password or a token', async () => {
    const login = await call(`${service.url}/v1/auth/login`, { body: { username: 'admin', password: 'demo1234' } });
    const token = login.body.token as string;
    expect(login.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const traced = await call(`${service.url}/v1/orders?limit=1`, {
      token,
      headers: { 'x-request-id': 'desk-7f3a-0001' },
    });
    expect(traced.headers.get('x-request-id')).toBe('desk-7f3a-0001');
    // A made-up id that could smuggle anything into the log is replaced, not echoed.
    const forged = await call(`${service.url}/v1/health`, { headers: { 'x-request-id': 'a"}{"level":60 evil' } });
    expect(forged.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    await call(`${service.url}/v1/orders`, { headers: { authorization: `Bearer ${token}x` } });

    const entries = lines.map(
      (line) => JSON.parse(line) as { reqId?: string; msg: string; res?: { statusCode: number } },
    );
    expect(entries.length).toBeGreaterThan(4);
    const completed = entries.filter((e) => e.msg === 'request completed');
    expect(completed.map((e) => e.reqId)).toContain('desk-7f3a-0001');
    expect(completed.every((e) => typeof e.reqId === 'string' && e.res!.statusCode > 0)).toBe(true);
    const all = lines.join('\n');
    for (const secret of ['demo1234', token, token.slice(0, 20), 'Bearer']) expect(all).not.toContain(secret);
  });
});
