import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderRecord } from '../../../src/shared/contract/records';
import { pullResponse } from '../../../src/shared/contract/sync';
import { DEMO_USERS } from '../../../src/shared/demo/users';
import { startTestService, type Session, type TestService } from '../../support/service';

/** Every order the caller's list shows, page by page. */
async function listAll(session: Session): Promise<OrderRecord[]> {
  const orders: OrderRecord[] = [];
  let after = '';
  for (;;) {
    const page = await session.get(`/v1/orders?limit=500${after ? `&after=${after}` : ''}`);
    expect(page.status).toBe(200);
    orders.push(...page.body.orders);
    if (!page.body.next) return orders;
    after = page.body.next;
  }
}

/** What each demo user must see of the demo company, in words a person would use. */
const EXPECTED: Record<string, (o: OrderRecord) => boolean> = {
  admin: () => true,
  service1: () => true,
  warehouse1: (o) => o.warehouseId === 'WH-SH',
  clerk1: (o) => o.kind === 'SERVICE' && (o.storeId === 'ST-01' || o.storeId === 'ST-02'),
  dealer1: (o) => o.dealerId === 'DL-01',
  // The demo company's ERP account feeds every shop: it sees what the company sees.
  erp1: () => true,
};

describe('data scope: each role sees exactly its own orders', () => {
  let service: TestService;
  let everything: OrderRecord[];

  beforeAll(async () => {
    service = await startTestService({ demoOrders: 1200 });
    everything = await listAll(await service.login('admin'));
  });
  afterAll(() => service.close());

  it('seeds a demo company with orders of every status, kind and source', () => {
    expect(everything).toHaveLength(1200);
    for (const field of ['status', 'kind', 'source'] as const) {
      expect(new Set(everything.map((o) => o[field])).size, field).toBeGreaterThanOrEqual(3);
    }
  });

  for (const user of DEMO_USERS) {
    it(`gives ${user.username} (${user.role}) exactly its orders, in a pull and in the order list`, async () => {
      const session = await service.login(user.username);
      const expected = everything
        .filter(EXPECTED[user.username]!)
        .map((o) => o.orderNo)
        .sort();
      expect(expected.length).toBeGreaterThan(0);

      const { changes } = await session.pullAll('', 300);
      for (const change of changes) pullResponse.shape.changes.element.parse(change);
      const pulled = changes
        .filter((c) => c.type === 'order')
        .map((c) => c.order.orderNo as string)
        .sort();
      expect(pulled).toEqual(expected);

      const listed = (await listAll(session)).map((o) => o.orderNo).sort();
      expect(listed).toEqual(expected);
    });
  }

  it('answers an order outside the scope exactly like a missing one', async () => {
    const warehouse = await service.login('warehouse1');
    const foreign = everything.find((o) => o.warehouseId === 'WH-GZ')!;
    const outside = await warehouse.get(`/v1/orders/${foreign.orderNo}`);
    const missing = await warehouse.get('/v1/orders/M250314999999999901');
    expect(outside.status).toBe(404);
    expect(outside.body).toEqual({ error: { code: 'ORDER_NOT_FOUND', message: `No order ${foreign.orderNo}` } });
    expect(missing.body.error.code).toBe(outside.body.error.code);
    const own = everything.find((o) => o.warehouseId === 'WH-SH')!;
    expect((await warehouse.get(`/v1/orders/${own.orderNo}`)).body.orderNo).toBe(own.orderNo);
  });

  it('filters the list within the scope, by status, text and time, newest first', async () => {
    const warehouse = await service.login('warehouse1');
    const page = await warehouse.get('/v1/orders?statuses=PENDING_SHIPMENT&sort=createdAt:desc&limit=50');
    const rows: OrderRecord[] = page.body.orders;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((o) => o.status === 'PENDING_SHIPMENT' && o.warehouseId === 'WH-SH')).toBe(true);
    expect(rows.map((o) => o.createdAt)).toEqual([...rows.map((o) => o.createdAt)].sort((a, b) => b - a));

    const target = rows[0]!;
    const byPhone = await warehouse.get(`/v1/orders?text=${target.receiver!.phone.slice(-8)}`);
    expect(byPhone.body.orders.map((o: OrderRecord) => o.orderNo)).toContain(target.orderNo);
    const byTime = await warehouse.get(
      `/v1/orders?timeField=createdAt&timeFrom=${target.createdAt}&timeTo=${target.createdAt + 1}`,
    );
    expect(byTime.body.orders.map((o: OrderRecord) => o.orderNo)).toContain(target.orderNo);
  });
});
