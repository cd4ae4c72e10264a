import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_REVIEW } from '../../../src/shared/domain/review';
import { startTestService, type Session, type TestService } from '../../support/service';
import { getOrder, paidPhysical, placePaid, pushOne, SELF, shipAll, sku } from '../helpers';

const MINUTE = 60_000;

/** 审单 on the service: rules set by an admin hold matching paid orders until a supervisor decides. */
describe('review before shipping (审单)', () => {
  let service: TestService;
  let admin: Session;
  let warehouse: Session;
  let supervisor: Session;
  let nth = 60;

  /** Orders over 10.00 are held: every demo order of two units is. */
  const rules = { ...NO_REVIEW, amountAtLeast: 1000 };
  const fresh = () => paidPhysical(admin, 'WH-SH', 2, nth++);
  /** What warehouse1's desk would pull: the orders of its scope. */
  const warehouseSees = async (orderNo: string) => {
    const { changes } = await warehouse.pullAll('', 5000);
    return changes.some((c: { type: string; order?: { orderNo: string } }) => c.order?.orderNo === orderNo);
  };

  beforeAll(async () => {
    service = await startTestService({ demoOrders: 40 });
    admin = await service.login('admin');
    warehouse = await service.login('warehouse1');
    supervisor = await service.login('service1');
    await service.runDueTimers();
  });
  afterAll(() => service.close());

  it('lets an admin set the rules and a supervisor read them; nobody else', async () => {
    expect((await supervisor.get('/v1/review/rules')).body).toEqual(NO_REVIEW);
    expect((await supervisor.post('/v1/review/rules', rules)).status).toBe(403);
    expect((await admin.post('/v1/review/rules', { ...rules, autoApproveMinutes: 0 })).status).toBe(400);
    expect(await admin.post('/v1/review/rules', rules)).toMatchObject({ status: 200, body: rules });
    expect((await warehouse.get('/v1/review/rules')).status).toBe(403);
    expect((await supervisor.get('/v1/review/rules')).body).toEqual(rules);
  });

  it('holds a matching paid order: the warehouse never sees it, shipping it is refused with REVIEW_PENDING', async () => {
    await admin.post('/v1/review/rules', rules);
    const order = await fresh();
    expect(order.review).toMatchObject({ status: 'PENDING', reasons: ['AMOUNT_AT_LEAST'] });
    expect(order.timeline.at(-1)).toMatchObject({ action: 'REVIEW_HOLD', detail: '转入待审核：金额达到审核线' });
    expect(await warehouseSees(order.orderNo)).toBe(false);
    expect(await shipAll(warehouse, order)).toMatchObject({ status: 'rejected', code: 'ORDER_NOT_FOUND' });
    expect(await shipAll(admin, order)).toMatchObject({ status: 'rejected', code: 'REVIEW_PENDING' });
  });

  it('approved, the order appears in the warehouse’s pull and ships', async () => {
    await admin.post('/v1/review/rules', rules);
    const order = await fresh();
    expect(await pushOne(warehouse, 'REVIEW_APPROVE', { orderNo: order.orderNo })).toMatchObject({
      status: 'rejected',
      code: 'FORBIDDEN_ROLE',
    });
    const approved = await pushOne(supervisor, 'REVIEW_APPROVE', { orderNo: order.orderNo, note: '已电话核实' });
    expect(approved).toMatchObject({
      status: 'applied',
      order: { review: { status: 'APPROVED', decidedBy: 'service:service1', note: '已电话核实' } },
    });
    expect(await warehouseSees(order.orderNo)).toBe(true);
    expect(await shipAll(warehouse, order)).toMatchObject({ status: 'applied' });
    expect(await pushOne(supervisor, 'REVIEW_APPROVE', { orderNo: order.orderNo })).toMatchObject({
      status: 'rejected',
      code: 'NOT_UNDER_REVIEW',
    });
  });

  it('rejected with a reason: cancelled with a full refund, or sent to the exception queue', async () => {
    await admin.post('/v1/review/rules', rules);
    const fraud = await fresh();
    const cancelled = await pushOne(supervisor, 'REVIEW_REJECT', {
      orderNo: fraud.orderNo,
      reason: '疑似刷单',
      then: 'CANCEL_REFUND',
    });
    expect(cancelled).toMatchObject({
      status: 'applied',
      order: { status: 'CLOSED', refundStatus: 'REFUNDED', review: { status: 'REJECTED', note: '疑似刷单' } },
    });
    expect(cancelled.order!.afterSales.at(-1)).toMatchObject({ status: 'SUCCEEDED', amount: fraud.amounts.paid });

    const unclear = await fresh();
    const sent = await pushOne(supervisor, 'REVIEW_REJECT', {
      orderNo: unclear.orderNo,
      reason: '地址无法送达',
      then: 'EXCEPTION',
    });
    expect(sent).toMatchObject({
      status: 'applied',
      order: { exception: { reasons: [{ code: 'REVIEW_REJECTED', detail: '审核驳回：地址无法送达', lineNo: null }] } },
    });
    expect(
      await pushOne(supervisor, 'REVIEW_REJECT', { orderNo: unclear.orderNo, reason: ' ', then: 'EXCEPTION' }),
    ).toMatchObject({ status: 'rejected', code: 'INVALID_INTENT' });
  });

  it('approves a hold nobody decided once the auto-approve delay has passed', async () => {
    await admin.post('/v1/review/rules', { ...rules, autoApproveMinutes: 30 });
    const order = await fresh();
    service.clock.advance(29 * MINUTE);
    expect((await service.runDueTimers()).reviewsApproved).toBe(0);
    service.clock.advance(MINUTE);
    expect((await service.runDueTimers()).reviewsApproved).toBeGreaterThanOrEqual(1);
    const approved = await getOrder(admin, order.orderNo);
    expect(approved.review).toMatchObject({ status: 'APPROVED', decidedBy: 'system' });
    expect(approved.timeline.at(-1)).toMatchObject({ action: 'REVIEW_APPROVE', actor: 'system' });
    expect(await warehouseSees(order.orderNo)).toBe(true);
    await admin.post('/v1/review/rules', NO_REVIEW);
  });

  it('holds a buyer’s first order when that rule is on, and not their next one', async () => {
    await admin.post('/v1/review/rules', { ...NO_REVIEW, firstOrder: true });
    // A demo buyer far down the list has never bought anything from this small demo company.
    const checkout = {
      lines: [{ sku: sku('PHYSICAL', { merchantId: SELF, nth: 70 }), quantity: 1 }],
      buyerIndex: 9_876,
    };
    const [first] = await placePaid(admin, checkout);
    expect(first!.review).toMatchObject({ status: 'PENDING', reasons: ['FIRST_ORDER'] });
    const [next] = await placePaid(admin, checkout);
    expect(next!.review).toBeNull();
    await admin.post('/v1/review/rules', NO_REVIEW);
  });
});
