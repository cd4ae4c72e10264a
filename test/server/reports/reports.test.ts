import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportAnswer } from '../../../src/shared/contract/reports';
import type { OrderRecord } from '../../../src/shared/contract/records';
import { startTestService, TEST_START, type Session, type TestService } from '../../support/service';
import { paidPhysical, shipAll } from '../helpers';

const DAY = 24 * 3_600_000;

/** The reports a supervisor reads, computed by the service in SQL over the caller's scope. */
describe('reports', () => {
  let service: TestService;
  let admin: Session;
  let supervisor: Session;
  let orders: OrderRecord[];
  const range = { from: TEST_START - 60 * DAY, to: TEST_START + DAY };
  const summary = async (session: Session, query: Record<string, unknown> = range) =>
    session.get<ReportAnswer>(
      `/v1/reports/summary?${new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]))}`,
    );

  beforeAll(async () => {
    service = await startTestService({ demoOrders: 400 });
    admin = await service.login('admin');
    supervisor = await service.login('service1');
    const warehouse = await service.login('warehouse1');
    await shipAll(warehouse, await paidPhysical(admin, 'WH-SH', 1, 3));
    const { changes } = await admin.pullAll('', 5000);
    orders = changes.filter((c: { type: string }) => c.type === 'order').map((c: { order: OrderRecord }) => c.order);
  });
  afterAll(() => service.close());

  it('adds up the paid orders, their payable and the shipments of the range, day by day', async () => {
    const answer = await summary(supervisor);
    expect(answer.status).toBe(200);
    const { totals, periods } = answer.body;
    const paid = orders.filter((o) => o.paidAt !== null && o.paidAt >= range.from && o.paidAt < range.to);
    const shipped = orders.filter((o) => o.shippedAt !== null && o.shippedAt >= range.from && o.shippedAt < range.to);
    expect(totals).toMatchObject({
      orders: paid.length,
      gmv: paid.reduce((sum, o) => sum + o.amounts.payable, 0),
      shipped: shipped.length,
    });
    expect(periods).toHaveLength(62);
    expect(periods.reduce((n, p) => n + p.orders, 0)).toBe(paid.length);
    expect(periods.at(-1)!.period).toBe('2025-03-15');
    expect(totals.leadTime.p50).toBeGreaterThan(0);
    expect(totals.leadTime.p90).toBeGreaterThanOrEqual(totals.leadTime.p50!);
    expect(totals.refunds).toBeGreaterThan(0);
    expect(totals.refundRateBp).toBe(Math.round((totals.refunds * 10_000) / totals.orders));
  });

  it('splits by platform, source, warehouse and store, and names who shipped how fast', async () => {
    const { body } = await summary(supervisor);
    expect(body.platforms.reduce((n, p) => n + p.orders, 0)).toBe(body.totals.orders);
    expect(body.sources.map((s) => s.source).sort()).toEqual(['DEALER', 'EXTERNAL', 'MALL']);
    expect(body.warehouses.find((w) => w.warehouseId === 'WH-SH')).toMatchObject({
      name: expect.stringContaining('上海'),
    });
    expect(body.stores.reduce((n, s) => n + s.redemptions, 0)).toBeGreaterThan(0);
    const desk = body.shippers.find((s) => s.actor === 'warehouse:warehouse1');
    expect(desk).toMatchObject({ name: '上海仓发货台', shipped: 1, activeHours: 1, perHour: 1, busiestHour: 1 });
    expect(body.shippers.every((s) => s.perHour > 0 && s.busiestHour >= s.perHour)).toBe(true);
    // The demo's seeded desks are staff without accounts: named as people read them.
    expect(body.shippers.find((s) => s.actor.endsWith('/zhang.wei'))?.name).toBe('张伟');
  });

  it('folds days into Monday-started weeks', async () => {
    const { body } = await summary(supervisor, { ...range, bucket: 'week' });
    expect(body.periods.every((p) => new Date(`${p.period}T00:00:00Z`).getUTCDay() === 1)).toBe(true);
    expect(body.periods.reduce((n, p) => n + p.orders, 0)).toBe(body.totals.orders);
  });

  it('is for supervisors, over at most a year, with a range that makes sense', async () => {
    const warehouse = await service.login('warehouse1');
    expect((await summary(warehouse)).status).toBe(403);
    expect((await summary(supervisor, { from: range.to, to: range.from })).status).toBe(400);
    expect((await summary(supervisor, { from: 0, to: 400 * DAY })).status).toBe(400);
  });
});
