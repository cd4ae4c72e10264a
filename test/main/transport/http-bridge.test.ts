import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderListPage } from '../../../src/shared/contract/orders';
import { startHttpBridge, type HttpBridge } from '../../../src/main/transport/http-bridge';
import { openTestDesk, type TestDesk } from '../../support/desk';
import { startTestService, type TestService } from '../../support/service';

const TOKEN = 'test-token-0123456789abcdef';

describe('browser mode: the dispatcher over HTTP on 127.0.0.1', () => {
  let service: TestService;
  let desk: TestDesk;
  let bridge: HttpBridge;
  const post = (procedure: string, body: unknown, token = TOKEN) =>
    fetch(`http://127.0.0.1:${bridge.port}/api/${procedure}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  beforeAll(async () => {
    service = await startTestService({ demoOrders: 200 });
    desk = openTestDesk(service);
    await desk.signIn('admin');
    await desk.sync();
    bridge = await startHttpBridge({ app: desk.app, token: TOKEN, staticDir: null, port: 0 });
  });
  afterAll(async () => {
    await bridge.close();
    await desk.dispose();
    await service.close();
  });

  it('listens on loopback only and prints a URL carrying the token in the fragment', () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=test-token/);
    expect(bridge.server.address()).toMatchObject({ address: '127.0.0.1' });
  });

  it('lists orders for a caller with the token', async () => {
    const response = await post('orders.list', { limit: 20 });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { ok: boolean; value: unknown };
    expect(orderListPage.parse(body.value).rows).toHaveLength(20);
  });

  it('refuses a caller without the right token', async () => {
    const response = await post('orders.list', {}, 'wrong-token-0123456789abcd');
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('answers bad input with a 4xx and a stable code, and changes nothing', async () => {
    const before = desk.orderCount();
    const cases: Array<[string, string | object, number, string]> = [
      ['session.signIn', '{"username": ', 400, 'VALIDATION_FAILED'],
      ['session.signIn', { username: 7, password: [] }, 400, 'VALIDATION_FAILED'],
      ['orders.list', { filter: { warehouseIds: 'WH-SH' } }, 400, 'VALIDATION_FAILED'],
      ['orders.list', { after: '%%%' }, 400, 'BAD_CURSOR'],
      ['orders.detail', { orderNo: 'M0000000000000000' }, 404, 'NOT_FOUND'],
      ['orders.drop', {}, 404, 'UNKNOWN_PROCEDURE'],
      ['orders.list', JSON.stringify({ limit: 1, pad: 'x'.repeat(1_100_000) }), 413, 'VALIDATION_FAILED'],
    ];
    for (const [procedure, body, status, code] of cases) {
      const response = await post(procedure, body);
      expect(response.status, procedure).toBe(status);
      expect(await response.json()).toMatchObject({ ok: false, error: { code } });
    }
    expect(desk.orderCount()).toBe(before);
  });

  it('refuses a request addressed to another host name (DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: bridge.port,
          path: '/api/orders.list',
          method: 'POST',
          headers: { host: 'evil.example:80', authorization: `Bearer ${TOKEN}` },
        },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(421);
  });

  it('pushes events to a subscribed browser over server-sent events', async () => {
    const controller = new AbortController();
    const response = await fetch(`http://127.0.0.1:${bridge.port}/api/events?token=${TOKEN}`, {
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = response.body!.getReader();
    await reader.read(); // the ": connected" comment
    desk.app.events.emit('orders.changed', { orderNos: ['M2611220000000001'], reason: 'test' });
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toContain('event: orders.changed');
    controller.abort();
  });
});
