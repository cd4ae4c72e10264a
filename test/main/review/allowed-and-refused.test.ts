import { beforeAll, describe, expect, it } from 'vitest';
import type { ReviewDecision } from '../../../src/shared/contract/review';
import { NO_REVIEW } from '../../../src/shared/domain/review';
import { localOrders } from '../../support/convergence';
import { appliedOnce, queuedOnce, unchanged } from '../../support/desk-intents';
import type { Session } from '../../support/service';
import { useDeskWorld } from '../../support/world';
import { getOrder, paidPhysical } from '../../server/helpers';

/**
 * 审单 at a desk, one story per intent: a supervisor decides an order on hold; the warehouse (no
 * right) may not; an order not on hold is named as such. A refusal changes nothing and queues
 * nothing; a decision queues exactly one intent, which the service then applies once.
 */
describe('审单 intents at a desk, allowed and refused', () => {
  const world = useDeskWorld({ demoOrders: 60 });
  let admin: Session;
  let nth = 30;

  beforeAll(async () => {
    admin = await world.service.login('admin');
  });

  /** A paid order the admin's rules put on hold (every order over 10.00 while the rule is on). */
  const held = async () => {
    await admin.post('/v1/review/rules', { ...NO_REVIEW, amountAtLeast: 1000 });
    const order = await paidPhysical(admin, 'WH-SH', 2, nth++);
    await admin.post('/v1/review/rules', NO_REVIEW);
    expect(order.review).toMatchObject({ status: 'PENDING' });
    return order;
  };
  const notHeld = () => paidPhysical(admin, 'WH-SH', 2, nth++);
  const forbidden = { ok: false, error: { code: 'FORBIDDEN_ROLE' } };

  it('REVIEW_APPROVE: a supervisor approves a held order and the warehouse gets it; one not on hold is named, the warehouse may not approve', async () => {
    const [order, other] = [await held(), await notHeld()];
    const supervisor = await world.desk('service1');
    const warehouse = await world.desk('warehouse1');
    expect(localOrders(warehouse).has(order.orderNo)).toBe(false);

    expect(
      await unchanged(warehouse, other.orderNo, () => warehouse.call('review.approve', { orderNos: [order.orderNo] })),
    ).toMatchObject(forbidden);
    expect(
      await unchanged(supervisor, other.orderNo, () =>
        supervisor.call('review.approve', { orderNos: [other.orderNo] }),
      ),
    ).toEqual({ ok: true, value: { decided: [], refused: [{ orderNo: other.orderNo, code: 'NOT_UNDER_REVIEW' }] } });

    const { value, intentId } = await queuedOnce<ReviewDecision>(supervisor, order.orderNo, 'REVIEW_APPROVE', () =>
      supervisor.call('review.approve', { orderNos: [order.orderNo], note: '已电话核实' }),
    );
    expect(value).toEqual({ decided: [order.orderNo], refused: [] });
    expect(
      await unchanged(supervisor, order.orderNo, () =>
        supervisor.call('review.approve', { orderNos: [order.orderNo] }),
      ),
    ).toMatchObject({ ok: true, value: { refused: [{ orderNo: order.orderNo, code: 'NOT_UNDER_REVIEW' }] } });
    await supervisor.sync();
    await appliedOnce(supervisor, world.service, intentId);
    expect((await getOrder(admin, order.orderNo)).review).toMatchObject({ status: 'APPROVED', note: '已电话核实' });
    await warehouse.sync();
    expect(localOrders(warehouse).get(order.orderNo)?.status).toBe('PENDING_SHIPMENT');
  });

  it('REVIEW_REJECT: a supervisor rejects with a reason, to the exception queue or cancelled with a refund; not an order off hold, never the warehouse', async () => {
    const [toException, toCancel, other] = [await held(), await held(), await notHeld()];
    const supervisor = await world.desk('service1');
    const warehouse = await world.desk('warehouse1');
    const reject = (orderNo: string, then: 'EXCEPTION' | 'CANCEL_REFUND') => ({
      orderNos: [orderNo],
      reason: '收货地址无法送达',
      then,
    });

    expect(
      await unchanged(warehouse, other.orderNo, () =>
        warehouse.call('review.reject', reject(toException.orderNo, 'EXCEPTION')),
      ),
    ).toMatchObject(forbidden);
    expect(
      await unchanged(supervisor, other.orderNo, () =>
        supervisor.call('review.reject', reject(other.orderNo, 'EXCEPTION')),
      ),
    ).toEqual({ ok: true, value: { decided: [], refused: [{ orderNo: other.orderNo, code: 'NOT_UNDER_REVIEW' }] } });
    expect(
      await unchanged(supervisor, toException.orderNo, () =>
        supervisor.call('review.reject', { ...reject(toException.orderNo, 'EXCEPTION'), reason: ' ' }),
      ),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });

    const sent = await queuedOnce<ReviewDecision>(supervisor, toException.orderNo, 'REVIEW_REJECT', () =>
      supervisor.call('review.reject', reject(toException.orderNo, 'EXCEPTION')),
    );
    expect(sent.value.decided).toEqual([toException.orderNo]);
    const cancelled = await queuedOnce<ReviewDecision>(supervisor, toCancel.orderNo, 'REVIEW_REJECT', () =>
      supervisor.call('review.reject', reject(toCancel.orderNo, 'CANCEL_REFUND')),
    );
    expect(cancelled.value.decided).toEqual([toCancel.orderNo]);
    await supervisor.sync();
    await appliedOnce(supervisor, world.service, sent.intentId);
    await appliedOnce(supervisor, world.service, cancelled.intentId);
    expect((await getOrder(admin, toException.orderNo)).exception).toMatchObject({
      reasons: [{ code: 'REVIEW_REJECTED', detail: '审核驳回：收货地址无法送达' }],
    });
    expect(await getOrder(admin, toCancel.orderNo)).toMatchObject({ status: 'CLOSED', refundStatus: 'REFUNDED' });
  });
});
