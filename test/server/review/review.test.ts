import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderRecord } from '../../../src/shared/contract/records';
import { NO_REVIEW } from '../../../src/shared/domain/review';
import { startTestService, type Session, type TestService } from '../../support/service';
import { getOrder, paidPhysical, placePaid, pushOne, SELF, shipAll, sku, unchangedOn } from '../helpers';
import { EXAMPLE_BATCH, exampleOrder, PASSWORD, startCompany } from '../intake/company';

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
    expect(await unchangedOn(admin, order.orderNo, () => shipAll(warehouse, order))).toMatchObject({
      status: 'rejected',
      code: 'ORDER_NOT_FOUND',
    });
    expect(await unchangedOn(admin, order.orderNo, () => shipAll(admin, order))).toMatchObject({
      status: 'rejected',
      code: 'REVIEW_PENDING',
    });
  });

  it('approved, the order appears in the warehouse’s pull and ships', async () => {
    await admin.post('/v1/review/rules', rules);
    const order = await fresh();
    expect(
      await unchangedOn(admin, order.orderNo, () => pushOne(warehouse, 'REVIEW_APPROVE', { orderNo: order.orderNo })),
    ).toMatchObject({ status: 'rejected', code: 'FORBIDDEN_ROLE' });
    const approved = await pushOne(supervisor, 'REVIEW_APPROVE', { orderNo: order.orderNo, note: '已电话核实' });
    expect(approved).toMatchObject({
      status: 'applied',
      order: { review: { status: 'APPROVED', decidedBy: 'service:service1', note: '已电话核实' } },
    });
    expect(await warehouseSees(order.orderNo)).toBe(true);
    expect(await shipAll(warehouse, order)).toMatchObject({ status: 'applied' });
    expect(
      await unchangedOn(admin, order.orderNo, () => pushOne(supervisor, 'REVIEW_APPROVE', { orderNo: order.orderNo })),
    ).toMatchObject({ status: 'rejected', code: 'NOT_UNDER_REVIEW' });
  });

  it('rejected with a reason: cancelled with a full refund, or sent to the exception queue', async () => {
    await admin.post('/v1/review/rules', rules);
    const fraud = await fresh();
    const reject = { orderNo: fraud.orderNo, reason: '疑似刷单', then: 'CANCEL_REFUND' };
    expect(await unchangedOn(admin, fraud.orderNo, () => pushOne(warehouse, 'REVIEW_REJECT', reject))).toMatchObject({
      status: 'rejected',
      code: 'FORBIDDEN_ROLE',
    });
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
      await unchangedOn(admin, unclear.orderNo, () =>
        pushOne(supervisor, 'REVIEW_REJECT', { orderNo: unclear.orderNo, reason: ' ', then: 'EXCEPTION' }),
      ),
    ).toMatchObject({ status: 'rejected', code: 'INVALID_INTENT' });
    expect(
      await unchangedOn(admin, unclear.orderNo, () =>
        pushOne(supervisor, 'REVIEW_REJECT', { orderNo: unclear.orderNo, reason: '再驳回', then: 'CANCEL_REFUND' }),
      ),
    ).toMatchObject({ status: 'rejected', code: 'NOT_UNDER_REVIEW' });
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

  describe('orders a shop’s ERP posts', () => {
    let company: TestService;
    afterAll(() => company?.close());

    it('are held by the same rules as the mall’s: the warehouse sees a matching one only once a supervisor approves it', async () => {
      company = await startCompany();
      const boss = await company.login('boss', PASSWORD);
      const erp = await company.login('erp', PASSWORD);
      const lead = await company.login('cs-lead', PASSWORD);
      const hangzhou = await company.login('wh-hz', PASSWORD);
      await boss.post('/v1/review/rules', { ...NO_REVIEW, buyerRemark: true });
      const posted = await erp.post('/v1/intake/orders', {
        orders: [exampleOrder(0, { externalOrderNo: 'REVIEW-1' }), exampleOrder(1, { externalOrderNo: 'REVIEW-2' })],
      });
      expect(posted.body.results.map((r: { outcome: string }) => r.outcome)).toEqual(['created', 'created']);
      const [remarked, plain] = await Promise.all(
        ['REVIEW-1', 'REVIEW-2'].map(
          async (no) => (await lead.get(`/v1/orders?externalOrderNo=${no}`)).body.orders[0] as OrderRecord,
        ),
      );
      expect(EXAMPLE_BATCH.orders[0]!.buyerRemark).not.toBe('');
      expect(remarked!.review).toMatchObject({ status: 'PENDING', reasons: ['BUYER_REMARK'] });
      expect(plain!.review).toBeNull();
      expect(await shipAll(hangzhou, remarked!)).toMatchObject({ status: 'rejected', code: 'ORDER_NOT_FOUND' });
      expect(await pushOne(lead, 'REVIEW_APPROVE', { orderNo: remarked!.orderNo })).toMatchObject({
        status: 'applied',
      });
      expect(await shipAll(hangzhou, remarked!)).toMatchObject({ status: 'applied' });
    });
  });
});
