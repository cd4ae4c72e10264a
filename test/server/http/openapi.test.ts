import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTENT_TYPES } from '../../../src/shared/contract/sync';
import { call, startTestService, type Loose, type TestService } from '../../support/service';

describe('the OpenAPI document', () => {
  let service: TestService;
  let doc: Loose;

  beforeAll(async () => {
    service = await startTestService({ demoOrders: 10 });
    doc = (await call(`${service.url}/v1/openapi.json`)).body;
  });
  afterAll(() => service.close());

  it('describes every endpoint the service answers, as OpenAPI 3.1', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/v1/admin/audit',
      '/v1/admin/catalogue',
      '/v1/admin/catalogue/import',
      '/v1/admin/connectors',
      '/v1/admin/intake/recheck',
      '/v1/admin/orders/{orderNo}/transfer',
      '/v1/admin/outbound',
      '/v1/admin/outbound/{id}/replay',
      '/v1/admin/places',
      '/v1/admin/places/dealers',
      '/v1/admin/places/stores',
      '/v1/admin/places/warehouses',
      '/v1/admin/shops',
      '/v1/admin/shops/{shopId}/connector',
      '/v1/admin/shops/{shopId}/connector/credentials',
      '/v1/admin/shops/{shopId}/connector/pause',
      '/v1/admin/shops/{shopId}/connector/repull',
      '/v1/admin/shops/{shopId}/connector/resume',
      '/v1/admin/shops/{shopId}/mappings',
      '/v1/admin/shops/{shopId}/mappings/delete',
      '/v1/admin/stock',
      '/v1/admin/users',
      '/v1/admin/users/{username}',
      '/v1/admin/users/{username}/disable',
      '/v1/admin/users/{username}/enable',
      '/v1/admin/users/{username}/password',
      '/v1/admin/users/{username}/revoke',
      '/v1/admin/warehouses/{id}/policy',
      '/v1/admin/waybill-pools',
      '/v1/admin/waybill-pools/load',
      '/v1/auth/login',
      '/v1/auth/logout',
      '/v1/demo/orders',
      '/v1/devices/register',
      '/v1/directory',
      '/v1/events/after-sale-requested',
      '/v1/events/after-sale-withdrawn',
      '/v1/events/buyer-cancelled',
      '/v1/events/payment-confirmed',
      '/v1/events/receipt-confirmed',
      '/v1/events/receipt-extended',
      '/v1/exception-orders/{orderNo}/map-sku',
      '/v1/exception-orders/{orderNo}/release',
      '/v1/exception-orders/{orderNo}/transfer',
      '/v1/health',
      '/v1/intake/orders',
      '/v1/logistics/events',
      '/v1/openapi.json',
      '/v1/orders',
      '/v1/orders/quote',
      '/v1/orders/{orderNo}',
      '/v1/redemptions',
      '/v1/redemptions/redeem',
      '/v1/redemptions/verify',
      '/v1/reports/summary',
      '/v1/review/rules',
      '/v1/sync/pull',
      '/v1/sync/push',
      '/v1/sync/stream',
      '/v1/waybill-numbers/reserve',
      '/v1/waybill-numbers/void',
    ]);
  });

  it('takes its request and answer schemas from the zod schemas the routes validate with', () => {
    const push = doc.paths['/v1/sync/push'].post;
    expect(push.requestBody.content['application/json'].schema).toMatchObject({
      type: 'object',
      required: ['deviceId', 'intents'],
      properties: { intents: { type: 'array', maxItems: 100 } },
      additionalProperties: false,
    });
    const pull = doc.paths['/v1/sync/pull'].get;
    expect(pull.parameters.map((p: { name: string }) => p.name)).toEqual(['cursor', 'limit', 'count']);
    const change = JSON.stringify(pull.responses['200'].content['application/json'].schema);
    for (const type of ['order', 'order_removed', 'catalogue']) expect(change).toContain(`"const":"${type}"`);
    const login = doc.paths['/v1/auth/login'].post;
    expect(login.security).toEqual([]);
    expect(Object.keys(login.responses).sort()).toEqual(['200', '400', '401', '413', '415', '429']);
    expect(login.responses['401'].description).toContain('INVALID_CREDENTIALS');
  });

  it('names the right each endpoint needs and documents every error code', () => {
    expect(doc.paths['/v1/redemptions/redeem'].post['x-access']).toBe('redemption.redeem');
    expect(doc.paths['/v1/redemptions/redeem'].post.responses['409'].description).toContain('ALREADY_REDEEMED');
    expect(doc.components.schemas.Error.properties.error.properties.code.enum).toEqual(
      expect.arrayContaining([
        'BAD_CURSOR',
        'CODE_ATTEMPTS_LIMITED',
        'DEALER_ORDER_REJECTED',
        'WRONG_STATUS',
        'UNKNOWN_INTENT_TYPE',
      ]),
    );
    expect(INTENT_TYPES.length).toBe(27);
  });
});
