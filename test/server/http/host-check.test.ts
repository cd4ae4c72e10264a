import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, startOrderService, type OrderService } from '../../../src/server/index';
import { startTestService, TEST_START, type TestService } from '../../support/service';

/** A sign-in sent to `url` with the Host header a page elsewhere (DNS rebinding) would send. */
function loginAs(url: string, host: string): Promise<{ status: number; body: unknown }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: hostname,
        port,
        path: '/v1/auth/login',
        method: 'POST',
        headers: { host, 'content-type': 'application/json' },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify({ username: 'admin', password: 'demo1234' }));
  });
}

describe('a service on loopback answers only loopback host names', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({ demoOrders: 10 });
  });
  afterAll(() => service.close());

  it('refuses a sign-in addressed to evil.example, so a rebinding page gets no admin token', async () => {
    const answer = await loginAs(service.url, 'evil.example');
    expect(answer).toEqual({
      status: 421,
      body: { error: { code: 'HOST_NOT_ALLOWED', message: expect.stringContaining('evil.example') } },
    });
    expect((await loginAs(service.url, `evil.example:${new URL(service.url).port}`)).status).toBe(421);
    expect((await loginAs(service.url, '127.0.0.1.evil.example')).status).toBe(421);
  });

  it('serves the names loopback goes by', async () => {
    const port = new URL(service.url).port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, 'LOCALHOST']) {
      expect((await loginAs(service.url, host)).status, host).toBe(200);
    }
  });
});

describe('a deployed service answers only the host names it is configured with', () => {
  let dataDir: string;
  let service: OrderService | null = null;
  const options = () => ({ dataDir, port: 0, clock: new ManualClock(TEST_START), timerIntervalMs: 0, demoOrders: 10 });
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'order-service-'));
  });
  afterAll(async () => {
    await service?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('will not listen beyond loopback without an allow-list', async () => {
    await expect(startOrderService({ ...options(), demo: true, host: '0.0.0.0' })).rejects.toThrow(/allowed host/i);
  });

  it('answers orders.example.com and refuses every other name, loopback ones included', async () => {
    service = await startOrderService({
      ...options(),
      demo: true,
      host: '0.0.0.0',
      allowedHosts: ['orders.example.com'],
    });
    const url = `http://127.0.0.1:${service.port}`;
    expect((await loginAs(url, 'orders.example.com')).status).toBe(200);
    expect((await loginAs(url, 'Orders.Example.com:443')).status).toBe(200);
    expect((await loginAs(url, 'evil.example')).status).toBe(421);
    expect((await loginAs(url, `127.0.0.1:${service.port}`)).status).toBe(421);
  });
});
