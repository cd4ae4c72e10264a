import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startTestService, type Session, type TestService } from '../../support/service';
import { placePaid, pushOne, sku } from '../helpers';

/** Every string anywhere in a JSON answer. */
function strings(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, into));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => strings(v, into));
  return into;
}

describe('no desk receives a live redemption code', () => {
  let service: TestService;
  let clerk: Session;
  let admin: Session;

  beforeAll(async () => {
    service = await startTestService({ demoOrders: 1500 });
    clerk = await service.login('clerk1');
    admin = await service.login('admin');
  });
  afterAll(() => service.close());

  it('finds none in a clerk’s full pull, the order list, an order read or a push answer (the audit’s probe)', async () => {
    const [fresh] = await placePaid(admin, {
      lines: [{ sku: sku('SERVICE', { uses: 1 }), quantity: 1 }],
      storeId: 'ST-01',
    });
    // Live codes of clerk1's stores, as only the service's own table holds them.
    const live = new Set(
      (
        await service.query<{ code: string }>(
          "SELECT code FROM redemption_codes WHERE live = TRUE AND order_no IN (SELECT order_no FROM orders WHERE store_id IN ('ST-01', 'ST-02'))",
        )
      ).map((r) => r.code),
    );
    expect(live.size).toBeGreaterThan(10);
    expect(live).toContain(await service.codeOf(fresh!));

    const seen: string[] = [];
    const { changes } = await clerk.pullAll('', 200);
    const serviceOrders = changes.filter((c) => c.type === 'order' && c.order.redemptionCode !== null);
    expect(serviceOrders.length).toBeGreaterThan(10);
    strings(changes, seen);
    for (let after = ''; ;) {
      const page = await clerk.get(`/v1/orders?limit=200${after}`);
      strings(page.body, seen);
      if (!page.body.next) break;
      after = `&after=${encodeURIComponent(page.body.next)}`;
    }
    strings((await clerk.get(`/v1/orders/${fresh!.orderNo}`)).body, seen);
    strings(await pushOne(clerk, 'NOTE', { orderNo: fresh!.orderNo, text: '顾客下午到店' }), seen);
    strings(await call(`${service.url}/v1/openapi.json`), seen);

    expect(seen.filter((text) => live.has(text))).toEqual([]);
    // What they carry instead: a verifier, a slow salted hash under the merchant's key.
    for (const change of serviceOrders) {
      expect(change.order.redemptionCode.verifier).toMatch(/^scrypt\$1024\$8\$1\$[\w-]{22}\$[\w-]{22}$/);
    }
  });

  it('hashes every code of a merchant under one key, however many rounds issued them: a counter hashes a typed code once per merchant', async () => {
    for (let i = 0; i < 3; i++) {
      await placePaid(admin, { lines: [{ sku: sku('SERVICE', { uses: 1 }), quantity: 1 }], storeId: 'ST-01' });
    }
    const { changes } = await admin.pullAll('', 500);
    const keysOf = new Map<string, Set<string>>();
    for (const change of changes) {
      const verifier: string | null | undefined =
        change.type === 'order' ? change.order.redemptionCode?.verifier : null;
      if (!verifier) continue;
      const keys = keysOf.get(change.order.merchantId) ?? new Set<string>();
      keys.add(verifier.slice(0, verifier.lastIndexOf('$')));
      keysOf.set(change.order.merchantId, keys);
    }
    expect(keysOf.size).toBeGreaterThan(0);
    for (const [merchant, keys] of keysOf) expect([merchant, keys.size]).toEqual([merchant, 1]);
  });
});
