import { describe, expect, it } from 'vitest';
import type { ExceptionOrderRow } from '../../../src/shared/contract/exception-orders';
import type { ReviewDecision } from '../../../src/shared/contract/review';
import { NO_REVIEW } from '../../../src/shared/domain/review';
import { expectConverged, localOrders } from '../../support/convergence';
import { useDeskWorld } from '../../support/world';
import { paidPhysical } from '../../server/helpers';

const value = async <T>(promise: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> => {
  const result = await promise;
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
};

/** 异常订单 at the desks: the queue by reason, a decision made on the desk, and the warehouse then shipping. */
describe('the exception queue on the desk', () => {
  const world = useDeskWorld({ demoOrders: 60 });

  it('lists an exception order by reason; the warehouse may not ship it until a supervisor resolves it', async () => {
    const admin = await world.service.login('admin');
    await admin.post('/v1/review/rules', { ...NO_REVIEW, amountAtLeast: 1000 });
    const order = await paidPhysical(admin, 'WH-SH', 2, 84);
    await admin.post('/v1/review/rules', NO_REVIEW);
    const supervisor = await world.desk('service1');
    await value<ReviewDecision>(
      supervisor.call('review.reject', { orderNos: [order.orderNo], reason: '收货人电话空号', then: 'EXCEPTION' }),
    );

    const queue = await value<ExceptionOrderRow[]>(supervisor.call('exceptionOrders.queue', {}));
    expect(queue.find((r) => r.orderNo === order.orderNo)).toMatchObject({
      exception: { reasons: [{ code: 'REVIEW_REJECTED', detail: '审核驳回：收货人电话空号' }] },
      pendingSync: 1,
    });
    const others = await value<ExceptionOrderRow[]>(supervisor.call('exceptionOrders.queue', { reason: 'OTHER' }));
    expect(others.some((r) => r.orderNo === order.orderNo)).toBe(false);
    expect(others.every((r) => r.exception.reasons.some((reason) => reason.code === 'OTHER'))).toBe(true);
    await supervisor.sync();

    const warehouse = await world.desk('warehouse1');
    await warehouse.sync();
    const parcels = [
      {
        carrier: 'SF',
        trackingNo: 'SF7000000000841',
        lines: order.lines.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity })),
      },
    ];
    expect(await warehouse.call('orders.ship', { orderNo: order.orderNo, parcels })).toMatchObject({
      ok: false,
      error: { code: 'ACTION_REFUSED', reason: 'EXCEPTION_OPEN' },
    });
    expect(await warehouse.call('exceptionOrders.queue', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_ROLE' },
    });
    expect(
      await supervisor.call('exceptionOrders.release', { orderNo: order.orderNo, waive: ['REVIEW_REJECTED'] }),
    ).toMatchObject({ ok: false, error: { code: 'ACTION_REFUSED', reason: 'NOT_HELD' } });

    const resolved = await value<{ exception: unknown; pendingSync: number }>(
      supervisor.call('exceptionOrders.resolve', { orderNo: order.orderNo, note: '已联系买家，换号码后照常发货' }),
    );
    expect(resolved).toMatchObject({ exception: null, pendingSync: 1 });
    const after = await value<ExceptionOrderRow[]>(supervisor.call('exceptionOrders.queue', {}));
    expect(after.some((r) => r.orderNo === order.orderNo)).toBe(false);
    expect(await supervisor.call('exceptionOrders.resolve', { orderNo: order.orderNo, note: '再处理' })).toMatchObject({
      ok: false,
      error: { code: 'ACTION_REFUSED', reason: 'NO_OPEN_EXCEPTION' },
    });
    await supervisor.sync();
    await warehouse.sync();
    expect(await warehouse.call('orders.ship', { orderNo: order.orderNo, parcels })).toMatchObject({ ok: true });
    await warehouse.sync();
    expect(localOrders(warehouse).get(order.orderNo)?.status).toBe('PENDING_RECEIPT');
    await supervisor.sync();
    await expectConverged(supervisor, world.service, 'service1');
  });
});
