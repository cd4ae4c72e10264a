import { describe, expect, it } from 'vitest';
import type { ReviewDecision, ReviewQueueRow } from '../../../src/shared/contract/review';
import { NO_REVIEW } from '../../../src/shared/domain/review';
import { expectConverged, localOrders } from '../../support/convergence';
import { useDeskWorld } from '../../support/world';
import { paidPhysical } from '../../server/helpers';

const value = async <T>(promise: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> => {
  const result = await promise;
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
};

/** 审单 at the desks: the supervisor's queue, batch decisions, and what the warehouse then sees. */
describe('the supervisors’ review queue', () => {
  const world = useDeskWorld({ demoOrders: 60 });

  it('batch-approves held orders; the warehouse pulls them into 待发货 only then', async () => {
    const admin = await world.service.login('admin');
    await admin.post('/v1/review/rules', { ...NO_REVIEW, amountAtLeast: 1000 });
    const held = [await paidPhysical(admin, 'WH-SH', 2, 80), await paidPhysical(admin, 'WH-SH', 2, 81)];
    await admin.post('/v1/review/rules', NO_REVIEW);

    const supervisor = await world.desk('service1');
    const warehouse = await world.desk('warehouse1');
    const queue = await value<ReviewQueueRow[]>(supervisor.call('review.queue', {}));
    expect(queue.filter((r) => held.some((o) => o.orderNo === r.orderNo))).toHaveLength(2);
    expect(queue.find((r) => r.orderNo === held[0]!.orderNo)).toMatchObject({ reasons: ['AMOUNT_AT_LEAST'] });
    for (const order of held) expect(localOrders(warehouse).has(order.orderNo)).toBe(false);
    expect(await warehouse.call('review.approve', { orderNos: [held[0]!.orderNo] })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_ROLE' },
    });

    const decision = await value<ReviewDecision>(
      supervisor.call('review.approve', { orderNos: [...held.map((o) => o.orderNo), 'M250314999999999901'] }),
    );
    expect(decision).toEqual({
      decided: held.map((o) => o.orderNo),
      refused: [{ orderNo: 'M250314999999999901', code: 'NOT_FOUND' }],
    });
    const after = await value<ReviewQueueRow[]>(supervisor.call('review.queue', {}));
    expect(after.some((r) => held.some((o) => o.orderNo === r.orderNo))).toBe(false);
    await supervisor.sync();
    await warehouse.sync();
    for (const order of held) expect(localOrders(warehouse).get(order.orderNo)?.status).toBe('PENDING_SHIPMENT');
    await expectConverged(supervisor, world.service, 'service1');
  });

  it('rejects with a reason and cancels with a refund, once what this desk changed first has synced', async () => {
    const admin = await world.service.login('admin');
    await admin.post('/v1/review/rules', { ...NO_REVIEW, amountAtLeast: 1000 });
    const [anotherHeld, toCancel] = [
      await paidPhysical(admin, 'WH-SH', 2, 82),
      await paidPhysical(admin, 'WH-SH', 2, 83),
    ];
    await admin.post('/v1/review/rules', NO_REVIEW);
    const supervisor = await world.desk('service1');
    await value(supervisor.call('orders.note', { orderNo: toCancel!.orderNo, text: '疑似刷单，待核实' }));
    const refused = await value<ReviewDecision>(
      supervisor.call('review.reject', { orderNos: [toCancel!.orderNo], reason: '疑似刷单', then: 'CANCEL_REFUND' }),
    );
    expect(refused).toEqual({ decided: [], refused: [{ orderNo: toCancel!.orderNo, code: 'WAITING_SYNC' }] });
    await supervisor.sync();
    const decided = await value<ReviewDecision>(
      supervisor.call('review.reject', {
        orderNos: [toCancel!.orderNo, anotherHeld!.orderNo],
        reason: '疑似刷单',
        then: 'CANCEL_REFUND',
      }),
    );
    expect(decided.decided).toEqual([toCancel!.orderNo, anotherHeld!.orderNo]);
    await supervisor.sync();
    const again = await value<ReviewDecision>(
      supervisor.call('review.reject', { orderNos: [toCancel!.orderNo], reason: 'x', then: 'EXCEPTION' }),
    );
    expect(again.refused).toEqual([{ orderNo: toCancel!.orderNo, code: 'NOT_UNDER_REVIEW' }]);
    expect(localOrders(supervisor).get(toCancel!.orderNo)).toMatchObject({
      status: 'CLOSED',
      refundStatus: 'REFUNDED',
    });
    await expectConverged(supervisor, world.service, 'service1');
  });
});
