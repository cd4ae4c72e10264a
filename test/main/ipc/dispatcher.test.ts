import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderDetail, orderListPage, statusCounts } from '../../../src/shared/contract/orders';
import { openTestDesk, type TestDesk } from '../../support/desk';
import { startTestService, type TestService } from '../../support/service';

describe('the dispatcher: the one door into main', () => {
  let service: TestService;
  let desk: TestDesk;
  beforeAll(async () => {
    service = await startTestService({ demoOrders: 300 });
    desk = openTestDesk(service);
    await desk.signIn('admin');
    await desk.sync();
  });
  afterAll(async () => {
    await desk.dispose();
    await service.close();
  });

  it('refuses every signed-in procedure before sign-in', async () => {
    const stranger = openTestDesk(service);
    expect(await stranger.call('orders.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await stranger.call('session.current', {})).toEqual({ ok: true, value: null });
    await stranger.dispose();
  });

  it('lists the first page of orders in the shape the contract promises', async () => {
    const result = await desk.call('orders.list', { limit: 50 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const page = orderListPage.parse(result.value);
    expect(page.rows).toHaveLength(50);
    expect(page.next).not.toBeNull();
  });

  it('counts orders per status, the counts adding up to all', async () => {
    const result = await desk.call('orders.counts', {});
    if (!result.ok) throw new Error(result.error.message);
    const counts = statusCounts.parse(result.value);
    expect(Object.values(counts.byStatus).reduce((a, b) => a + b, 0)).toBe(counts.all);
    expect(counts.all).toBe(desk.orderCount());
  });

  it('opens an order by its number', async () => {
    const list = await desk.call('orders.list', { limit: 1 });
    if (!list.ok) throw new Error(list.error.message);
    const [first] = orderListPage.parse(list.value).rows;
    const detail = await desk.call('orders.detail', { orderNo: first!.orderNo });
    if (!detail.ok) throw new Error(detail.error.message);
    expect(orderDetail.parse(detail.value).orderNo).toBe(first!.orderNo);
  });

  it('refuses a malformed call with a validation error and changes nothing', async () => {
    const before = desk.orderCount();
    const malformed: Array<[string, unknown]> = [
      ['session.signIn', { username: 'admin' }],
      ['session.signIn', { username: '', password: 'x' }],
      ['session.signIn', { username: 'admin', password: 'demo1234', extra: true }],
      ['sync.now', 'not an object'],
      ['orders.list', { limit: 10_000 }],
      ['orders.list', { filter: { statuses: ['SHIPPED_TO_MARS'] } }],
      ['orders.list', { filter: { time: { field: 'createdAt', from: 10, to: 5 } } }],
      ['orders.detail', { orderNo: 42 }],
    ];
    for (const [procedure, input] of malformed) {
      const result = await desk.call(procedure, input);
      expect(result, `${procedure} ${JSON.stringify(input)}`).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED' },
      });
      if (!result.ok) expect(result.error.issues?.length).toBeGreaterThan(0);
    }
    expect(desk.orderCount()).toBe(before);
    expect(await desk.call('session.current', {})).toMatchObject({ ok: true, value: { username: 'admin' } });
  });

  it('answers an unknown procedure with its own code', async () => {
    expect(await desk.call('orders.delete', {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_PROCEDURE' },
    });
    expect(await desk.call('__proto__', {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_PROCEDURE' },
    });
  });

  it('answers a bad page cursor with BAD_CURSOR rather than an internal error', async () => {
    expect(await desk.call('orders.list', { after: 'bm90IGEgY3Vyc29y' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_CURSOR' },
    });
  });

  it('shows a warehouse desk only its own warehouse’s orders, from a store of its own', async () => {
    const outside = desk
      .db()
      .prepare(
        "SELECT order_no AS orderNo FROM orders WHERE warehouse_id IS NOT NULL AND warehouse_id <> 'WH-SH' LIMIT 1",
      )
      .get() as { orderNo: string };
    const warehouse = openTestDesk(service);
    await warehouse.signIn('warehouse1');
    await warehouse.sync();
    const result = await warehouse.call('orders.list', { limit: 500 });
    if (!result.ok) throw new Error(result.error.message);
    const rows = orderListPage.parse(result.value).rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.warehouseId === 'WH-SH')).toBe(true);
    // Out of scope answers exactly like a missing order.
    expect(await warehouse.call('orders.detail', { orderNo: outside.orderNo })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    await warehouse.dispose();
  });
});
