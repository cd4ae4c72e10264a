import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderRecord } from '../../../src/shared/contract/records';
import { call, startTestService, type Session, type TestService } from '../../support/service';

interface BadInput {
  what: string;
  method?: string;
  path: string;
  /** A string is sent as is; anything else as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
  as?: 'warehouse' | 'admin' | 'nobody';
  status: number;
  code: string;
}

describe('bad input: a 4xx with a stable code, and nothing changed', () => {
  let service: TestService;
  let warehouse: Session;
  let admin: Session;
  let deviceId: string;
  let foreignOrder: OrderRecord;

  beforeAll(async () => {
    service = await startTestService({ demoOrders: 200 });
    warehouse = await service.login('warehouse1');
    admin = await service.login('admin');
    deviceId = (await warehouse.device()).deviceId;
    foreignOrder = (await admin.get('/v1/orders?warehouseIds=WH-GZ&limit=1')).body.orders[0];
  });
  afterAll(() => service.close());

  const intent = (type: string, payload: unknown) => ({ id: randomUUID(), seq: 1, type, payload, clientTime: 0 });

  const TABLE: () => BadInput[] = () => [
    { what: 'truncated JSON', path: '/v1/sync/push', body: '{"deviceId": "', status: 400, code: 'MALFORMED_JSON' },
    {
      what: 'an empty JSON body',
      path: '/v1/auth/login',
      body: '',
      headers: { 'content-type': 'application/json' },
      as: 'nobody',
      status: 400,
      code: 'MALFORMED_JSON',
    },
    {
      what: 'a prototype-poisoning body',
      path: '/v1/auth/login',
      body: '{"__proto__":{"role":"admin"},"username":"a","password":"b"}',
      as: 'nobody',
      status: 400,
      code: 'MALFORMED_JSON',
    },
    {
      what: 'wrong types',
      path: '/v1/sync/push',
      body: { deviceId: 42, intents: 'all of them' },
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    {
      what: 'an unknown field',
      path: '/v1/auth/login',
      body: { username: 'admin', password: 'demo1234', remember: true },
      as: 'nobody',
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    {
      what: 'an empty batch',
      path: '/v1/sync/push',
      body: { deviceId, intents: [] },
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    {
      what: 'more than 100 intents',
      path: '/v1/sync/push',
      body: { deviceId, intents: Array.from({ length: 101 }, () => intent('NOTE', {})) },
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    {
      what: 'a body over 1 MiB',
      path: '/v1/sync/push',
      body: { deviceId, intents: [intent('NOTE', { orderNo: 'M1', text: 'x'.repeat(1_100_000) })] },
      status: 413,
      code: 'BODY_TOO_LARGE',
    },
    {
      what: 'a text/plain body',
      path: '/v1/redemptions/verify',
      body: 'code=123456',
      headers: { 'content-type': 'text/plain' },
      as: 'admin',
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    },
    {
      what: 'a form body',
      path: '/v1/auth/login',
      body: 'username=admin&password=demo1234',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      as: 'nobody',
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    },
    { what: 'a made-up pull cursor', path: '/v1/sync/pull?cursor=yesterday', status: 400, code: 'BAD_CURSOR' },
    { what: 'a cursor from the future', path: '/v1/sync/pull?cursor=900000000000', status: 400, code: 'BAD_CURSOR' },
    {
      what: 'an unknown query parameter',
      path: '/v1/sync/pull?since=2025-03-01',
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    { what: 'a page size of 0', path: '/v1/sync/pull?limit=0', status: 400, code: 'VALIDATION_FAILED' },
    { what: 'a made-up list cursor', path: '/v1/orders?after=bm90LWEtY3Vyc29y', status: 400, code: 'BAD_CURSOR' },
    {
      what: 'a list cursor of another sort',
      path: `/v1/orders?sort=payable:asc&after=${Buffer.from(JSON.stringify(['createdAt:desc', 1, 'M1'])).toString('base64url')}`,
      status: 400,
      code: 'BAD_CURSOR',
    },
    {
      what: 'an unknown status filter',
      path: '/v1/orders?statuses=SHIPPED_TO_MARS',
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    {
      what: 'a reversed time range',
      path: '/v1/orders?timeField=createdAt&timeFrom=10&timeTo=5',
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    { what: 'an order outside the scope', path: `/v1/orders/${'FOREIGN'}`, status: 404, code: 'ORDER_NOT_FOUND' },
    { what: 'an order number too long', path: `/v1/orders/${'9'.repeat(41)}`, status: 400, code: 'VALIDATION_FAILED' },
    {
      what: 'a code that is not digits',
      path: '/v1/redemptions/verify',
      body: { code: 'abc123', storeId: 'ST-01' },
      as: 'admin',
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    {
      what: 'a request id that is not a UUID',
      path: '/v1/redemptions/redeem',
      body: { code: '123456', storeId: 'ST-01', requestId: '42' },
      as: 'admin',
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    {
      what: 'a negative freight in a quote',
      path: '/v1/orders/quote',
      body: {
        dealerId: 'DL-01',
        lines: [{ sku: 'X', quantity: 1, unitPrice: 1 }],
        freight: -1,
        couponId: null,
        campaignId: null,
        memberRateBp: null,
        memberBenefit: 0,
        pointsUsed: 0,
      },
      as: 'admin',
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    {
      what: 'a demo order of nothing',
      path: '/v1/demo/orders',
      body: { lines: [{ sku: 'SP00101', quantity: 0 }] },
      as: 'admin',
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    { what: 'an unknown endpoint', path: '/v1/orders/export.csv/all', status: 404, code: 'NOT_FOUND' },
    { what: 'an unsupported method', method: 'DELETE', path: '/v1/orders', status: 404, code: 'NOT_FOUND' },
    { what: 'no token', path: '/v1/sync/pull', as: 'nobody', status: 401, code: 'UNAUTHENTICATED' },
    {
      what: 'a push from an unknown device',
      path: '/v1/sync/push',
      body: { deviceId: randomUUID(), intents: [intent('NOTE', {})] },
      status: 409,
      code: 'DEVICE_NOT_REGISTERED',
    },
  ];

  it('answers each bad input with its code and changes nothing at all', async () => {
    const before = await service.snapshot();
    for (const bad of TABLE()) {
      const token = bad.as === 'nobody' ? undefined : bad.as === 'admin' ? admin.token : warehouse.token;
      const path = bad.path.replace('FOREIGN', foreignOrder.orderNo);
      const answer = await call(`${service.url}${path}`, {
        method: bad.method ?? (bad.body === undefined ? 'GET' : 'POST'),
        token,
        body: bad.body,
        headers: bad.headers,
      });
      expect(answer.status, bad.what).toBe(bad.status);
      expect(answer.body, bad.what).toMatchObject({ error: { code: bad.code, message: expect.any(String) } });
    }
    expect(await service.snapshot()).toEqual(before);
  });

  it('rejects malformed and unknown intents one by one inside a valid batch, changing nothing', async () => {
    const before = await service.snapshot();
    const answer = await warehouse.post('/v1/sync/push', {
      deviceId,
      intents: [
        intent('TELEPORT', { orderNo: foreignOrder.orderNo }),
        intent('SHIP', { orderNo: 42 }),
        { ...intent('NOTE', { orderNo: foreignOrder.orderNo, text: '备注' }), id: 'not-a-uuid' },
      ],
    });
    expect(answer.status).toBe(200);
    expect(answer.body.results.map((r: { code: string }) => r.code)).toEqual([
      'UNKNOWN_INTENT_TYPE',
      'INVALID_INTENT',
      'INVALID_INTENT',
    ]);
    expect(answer.body.results[2].id).toBe('not-a-uuid');
    expect(await service.snapshot()).toEqual(before);
  });

  it('refuses text no store can keep (a NUL, half a surrogate pair) on either store, one intent at a time', async () => {
    const before = await service.snapshot();
    const note = await warehouse.post('/v1/auth/login', { username: 'warehouse1\u0000', password: 'x' });
    expect(note.status).toBe(400);
    expect(note.body.error).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'body.username' }] });
    const path = await warehouse.get('/v1/orders/M%00');
    expect(path.status).toBe(400);
    const pushed = await warehouse.post('/v1/sync/push', {
      deviceId,
      intents: [
        intent('NOTE', { orderNo: foreignOrder.orderNo, text: 'a\u0000b' }),
        intent('NOTE', { orderNo: foreignOrder.orderNo, text: 'half \ud800 pair' }),
      ],
    });
    expect(pushed.status).toBe(200);
    expect(pushed.body.results.map((r: { code: string }) => r.code)).toEqual(['INVALID_INTENT', 'INVALID_INTENT']);
    expect(await service.snapshot()).toEqual(before);
  });

  it('documents every refusal in one shape: {error:{code, message, issues?}}', async () => {
    const answer = await warehouse.post('/v1/auth/login', { username: 7 });
    expect(answer.body).toEqual({
      error: {
        code: 'VALIDATION_FAILED',
        message: 'The request body is not valid',
        issues: [
          { path: 'body.username', message: expect.any(String) },
          { path: 'body.password', message: expect.any(String) },
        ],
      },
    });
  });
});
