import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { orderDetail, orderListPage, statusCounts } from '../../../src/shared/contract/orders';
import { openTestDesk, type TestDesk } from '../../support/core';

describe('the dispatcher: the one door into main', () => {
  let desk: TestDesk;
  beforeEach(() => {
    desk = openTestDesk();
  });
  afterEach(() => desk.dispose());

  it('lists the first page of orders in the shape the contract promises', async () => {
    const result = await desk.core.dispatch('orders.list', { limit: 50 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const page = orderListPage.parse(result.value);
    expect(page.rows).toHaveLength(50);
    expect(page.next).not.toBeNull();
  });

  it('counts orders per status, the counts adding up to all', async () => {
    const result = await desk.core.dispatch('orders.counts', {});
    if (!result.ok) throw new Error(result.error.message);
    const counts = statusCounts.parse(result.value);
    expect(Object.values(counts.byStatus).reduce((a, b) => a + b, 0)).toBe(counts.all);
    expect(counts.all).toBe(desk.orderCount());
  });

  it('opens an order by its number', async () => {
    const list = await desk.core.dispatch('orders.list', { limit: 1 });
    if (!list.ok) throw new Error(list.error.message);
    const [first] = orderListPage.parse(list.value).rows;
    const detail = await desk.core.dispatch('orders.detail', { orderNo: first!.orderNo });
    if (!detail.ok) throw new Error(detail.error.message);
    expect(orderDetail.parse(detail.value).orderNo).toBe(first!.orderNo);
  });

  it('refuses a malformed call with a validation error and changes nothing', async () => {
    const before = desk.orderCount();
    const malformed: Array<[string, unknown]> = [
      ['demo.load', { count: 'lots' }],
      ['demo.load', { count: -5 }],
      ['demo.load', { count: 10, extra: true }],
      ['demo.load', 'not an object'],
      ['orders.list', { limit: 10_000 }],
      ['orders.list', { filter: { statuses: ['SHIPPED_TO_MARS'] } }],
      ['orders.list', { filter: { time: { field: 'createdAt', from: 10, to: 5 } } }],
      ['orders.detail', { orderNo: 42 }],
    ];
    for (const [procedure, input] of malformed) {
      const result = await desk.core.dispatch(procedure, input);
      expect(result, `${procedure} ${JSON.stringify(input)}`).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED' },
      });
      if (!result.ok) expect(result.error.issues?.length).toBeGreaterThan(0);
    }
    expect(desk.orderCount()).toBe(before);
  });

  it('answers an unknown procedure with its own code', async () => {
    expect(await desk.core.dispatch('orders.delete', {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_PROCEDURE' },
    });
    expect(await desk.core.dispatch('__proto__', {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_PROCEDURE' },
    });
  });

  it('refuses an operation the role may not perform, before looking at the input', async () => {
    desk.signInAs('clerk1');
    const before = desk.orderCount();
    expect(await desk.core.dispatch('demo.load', { count: 5 })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_ROLE' },
    });
    expect(desk.orderCount()).toBe(before);
  });

  it('answers a bad page cursor with BAD_CURSOR rather than an internal error', async () => {
    expect(await desk.core.dispatch('orders.list', { after: 'bm90IGEgY3Vyc29y' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_CURSOR' },
    });
  });

  it('does not reveal an order outside the caller’s scope', async () => {
    const outside = desk.core.db
      .prepare(
        "SELECT order_no AS orderNo FROM orders WHERE warehouse_id IS NOT NULL AND warehouse_id <> 'WH-SH' LIMIT 1",
      )
      .get() as { orderNo: string };
    desk.signInAs('warehouse1');
    expect(await desk.core.dispatch('orders.detail', { orderNo: outside.orderNo })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('shows a warehouse desk only the orders of its own warehouse', async () => {
    desk.signInAs('warehouse1');
    const result = await desk.core.dispatch('orders.list', { limit: 500 });
    if (!result.ok) throw new Error(result.error.message);
    const rows = orderListPage.parse(result.value).rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.warehouseId === 'WH-SH')).toBe(true);
  });
});
