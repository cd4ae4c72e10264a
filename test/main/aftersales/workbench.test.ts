import { describe, expect, it } from 'vitest';
import type { AfterSaleList } from '../../../src/shared/contract/aftersales';
import { AFTER_SALE_TAB_IDS } from '../../../src/shared/domain/after-sale-workbench';
import { localOrders } from '../../support/convergence';
import { useDeskWorld } from '../../support/world';

const value = async <T>(promise: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> => {
  const result = await promise;
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
};

/** The after-sales workbench: its own list of requests, by status tab and type, oldest waiting first. */
describe('the after-sales workbench', () => {
  const world = useDeskWorld({ demoOrders: 800 });

  it('lists each tab’s requests with their deadline, and counts every tab under the same filters', async () => {
    const desk = await world.desk('service1');
    const list = await value<AfterSaleList>(desk.call('aftersales.list', { tab: 'PENDING_REVIEW' }));
    const all = [...localOrders(desk).values()].flatMap((o) => o.afterSales.map((a) => ({ order: o, request: a })));
    expect(Object.values(list.counts).reduce((n, c) => n + c, 0)).toBe(all.length);
    expect(list.counts.PENDING_REVIEW).toBe(all.filter((a) => a.request.status === 'PENDING_REVIEW').length);
    expect(list.rows).toHaveLength(list.counts.PENDING_REVIEW);
    expect(list.rows.every((r) => r.status === 'PENDING_REVIEW' && r.deadlineAt === r.updatedAt + 48 * 3_600_000)).toBe(
      true,
    );
    const updated = list.rows.map((r) => r.updatedAt);
    expect(updated).toEqual([...updated].sort((a, b) => a - b));

    const returns = await value<AfterSaleList>(desk.call('aftersales.list', { tab: 'AWAITING_RETURN' }));
    expect(new Set(returns.rows.map((r) => r.status))).toEqual(
      new Set(all.filter((a) => a.request.status.startsWith('AWAITING')).map((a) => a.request.status)),
    );
    const exchanges = await value<AfterSaleList>(desk.call('aftersales.list', { tab: 'SUCCEEDED', type: 'EXCHANGE' }));
    expect(exchanges.rows.every((r) => r.type === 'EXCHANGE' && r.deadlineAt === null)).toBe(true);
    const one = list.rows[0]!;
    const found = await value<AfterSaleList>(
      desk.call('aftersales.list', { tab: 'PENDING_REVIEW', text: one.afterSaleNo }),
    );
    expect(found.rows.map((r) => r.afterSaleId)).toEqual([one.afterSaleId]);
    expect(AFTER_SALE_TAB_IDS.every((tab) => typeof found.counts[tab] === 'number')).toBe(true);
  });

  it('approves a batch: each request on its own, a missing one named, the rest moved on', async () => {
    const desk = await world.desk('service1');
    const list = await value<AfterSaleList>(desk.call('aftersales.list', { tab: 'PENDING_REVIEW' }));
    const picked = list.rows.filter((r) => r.orderStatus !== 'CLOSED').slice(0, 2);
    const result = await value<{ decided: string[]; refused: Array<{ afterSaleId: string; code: string }> }>(
      desk.call('aftersales.batchApprove', {
        requests: [
          ...picked.map((r) => ({ orderNo: r.orderNo, afterSaleId: r.afterSaleId })),
          { orderNo: picked[0]!.orderNo, afterSaleId: 'no-such-request' },
        ],
      }),
    );
    expect(result).toEqual({
      decided: picked.map((r) => r.afterSaleId),
      refused: [{ afterSaleId: 'no-such-request', code: 'AFTER_SALE_NOT_FOUND' }],
    });
    const after = await value<AfterSaleList>(desk.call('aftersales.list', { tab: 'PENDING_REVIEW' }));
    expect(after.counts.PENDING_REVIEW).toBe(list.counts.PENDING_REVIEW - 2);
    const warehouse = await world.desk('warehouse1');
    expect(
      await warehouse.call('aftersales.batchApprove', {
        requests: [{ orderNo: picked[0]!.orderNo, afterSaleId: 'x' }],
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ROLE' } });
    await desk.sync();
  });
});
