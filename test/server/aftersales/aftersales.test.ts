import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderRecord } from '../../../src/shared/contract/records';
import { DEMO_PRODUCTS } from '../../../src/server/demo/company';
import { startTestService, type Session, type TestService } from '../../support/service';
import { buyerNear, getOrder, placePaid, pushOne, SELF, sfTracking, shipAll, sku } from '../helpers';

/** A well-stocked item of the platform's own under 50.00: a mall order of one pays freight. */
const cheapItem = () => {
  for (let nth = 0; nth < 200; nth++) {
    const found = DEMO_PRODUCTS.find((p) => p.sku === sku('PHYSICAL', { merchantId: SELF, nth }))!;
    if (found.listPrice < 5000) return found;
  }
  throw new Error('no cheap item');
};

describe('after-sales: reviewed, received, refunded and exchanged through intents', () => {
  let service: TestService;
  let admin: Session;
  let warehouse: Session;
  let supervisor: Session;

  /** A shipped two-unit order of one item, paid by Alipay, with the buyer's request on it. */
  async function shippedWithRequest(type: string, lines?: Array<{ lineNo: number; quantity: number }>) {
    const [paid] = await placePaid(
      admin,
      { lines: [{ sku: sku('PHYSICAL', { merchantId: SELF, nth: 30 }), quantity: 2 }], buyerIndex: buyerNear('WH-SH') },
      'ALIPAY',
    );
    await shipAll(warehouse, paid!);
    const request = await admin.post('/v1/events/after-sale-requested', {
      orderNo: paid!.orderNo,
      type,
      reason: '尺码不合适',
      lines,
    });
    expect(request.status, JSON.stringify(request.body)).toBe(200);
    return { order: paid!, afterSaleId: request.body.id as string };
  }

  beforeAll(async () => {
    service = await startTestService({ demoOrders: 60 });
    admin = await service.login('admin');
    warehouse = await service.login('warehouse1');
    supervisor = await service.login('service1');
  });
  afterAll(() => service.close());

  it('walks a return: approved, goods received, refunded by the original route', async () => {
    const { order, afterSaleId } = await shippedWithRequest('RETURN_REFUND', [{ lineNo: 1, quantity: 1 }]);
    const step = (session: Session, type: 'AFTER_SALE_APPROVE' | 'AFTER_SALE_RECEIVE_RETURN' | 'AFTER_SALE_REFUND') =>
      pushOne(session, type, { orderNo: order.orderNo, afterSaleId });

    expect(await step(warehouse, 'AFTER_SALE_APPROVE')).toMatchObject({ status: 'rejected', code: 'FORBIDDEN_ROLE' });
    expect(await step(supervisor, 'AFTER_SALE_REFUND')).toMatchObject({ status: 'rejected', code: 'WRONG_STATUS' });
    expect(await step(supervisor, 'AFTER_SALE_APPROVE')).toMatchObject({
      status: 'applied',
      order: { refundStatus: 'IN_PROGRESS' },
    });
    expect(await step(warehouse, 'AFTER_SALE_RECEIVE_RETURN')).toMatchObject({ status: 'applied' });
    const refunded = await step(supervisor, 'AFTER_SALE_REFUND');
    expect(refunded).toMatchObject({
      status: 'applied',
      order: { status: 'PENDING_RECEIPT', refundStatus: 'PARTIALLY_REFUNDED', paymentStatus: 'PARTIALLY_REFUNDED' },
    });
    const request = refunded.order!.afterSales[0]!;
    expect(request).toMatchObject({ status: 'SUCCEEDED', amount: order.lines[0]!.payable / 2 });
    expect(refunded.order!.lines[0]!.refundedQuantity).toBe(1);
    const refund = refunded.order!.timeline.at(-1)!;
    expect(refund.action).toBe('REFUND');
    expect(refund.detail).toContain('原路退回（ALIPAY，原支付流水号');
    expect(refund.detail).toContain(order.payment.serialNo!);
    expect(await step(supervisor, 'AFTER_SALE_REFUND')).toMatchObject({ status: 'rejected', code: 'WRONG_STATUS' });
  });

  it('rejects a request with a reason, and the order goes back to its normal flow', async () => {
    const { order, afterSaleId } = await shippedWithRequest('RETURN_REFUND');
    expect(
      await pushOne(supervisor, 'AFTER_SALE_REJECT', { orderNo: order.orderNo, afterSaleId, reason: ' ' }),
    ).toMatchObject({
      code: 'INVALID_INTENT',
    });
    const rejected = await pushOne(supervisor, 'AFTER_SALE_REJECT', {
      orderNo: order.orderNo,
      afterSaleId,
      reason: '商品已使用，影响二次销售',
    });
    expect(rejected).toMatchObject({ status: 'applied', order: { refundStatus: 'NONE', status: 'PENDING_RECEIPT' } });
    expect(rejected.order!.afterSales[0]).toMatchObject({
      status: 'REJECTED',
      rejectReason: '商品已使用，影响二次销售',
    });
    expect(
      await pushOne(supervisor, 'AFTER_SALE_APPROVE', { orderNo: order.orderNo, afterSaleId: 'no-such-request' }),
    ).toMatchObject({
      code: 'AFTER_SALE_NOT_FOUND',
    });
  });

  it('sends an exchange out with a new waybill once the old goods are back', async () => {
    const { order, afterSaleId } = await shippedWithRequest('EXCHANGE', [{ lineNo: 1, quantity: 1 }]);
    expect(
      await pushOne(warehouse, 'AFTER_SALE_RECEIVE_RETURN', { orderNo: order.orderNo, afterSaleId }),
    ).toMatchObject({
      status: 'rejected',
      code: 'WRONG_STATUS',
    });
    await pushOne(supervisor, 'AFTER_SALE_APPROVE', { orderNo: order.orderNo, afterSaleId });
    const early = await pushOne(warehouse, 'AFTER_SALE_SHIP_EXCHANGE', {
      orderNo: order.orderNo,
      afterSaleId,
      carrier: 'SF',
      trackingNo: sfTracking(),
    });
    expect(early).toMatchObject({ status: 'rejected', code: 'WRONG_STATUS' });
    await pushOne(warehouse, 'AFTER_SALE_RECEIVE_RETURN', { orderNo: order.orderNo, afterSaleId });
    const badNumber = await pushOne(warehouse, 'AFTER_SALE_SHIP_EXCHANGE', {
      orderNo: order.orderNo,
      afterSaleId,
      carrier: 'JD',
      trackingNo: 'SF123',
    });
    expect(badNumber).toMatchObject({ status: 'rejected', code: 'TRACKING_FORMAT' });
    const sent = await pushOne(warehouse, 'AFTER_SALE_SHIP_EXCHANGE', {
      orderNo: order.orderNo,
      afterSaleId,
      carrier: 'JD',
      trackingNo: 'jdva12345678901',
    });
    expect(sent).toMatchObject({ status: 'applied', order: { refundStatus: 'NONE', paymentStatus: 'PAID' } });
    expect(sent.order!.afterSales[0]!.status).toBe('SUCCEEDED');
    expect(sent.order!.waybills.at(-1)).toMatchObject({
      carrier: 'JD',
      trackingNo: 'JDVA12345678901',
      lines: [{ lineNo: 1, quantity: 1 }],
    });
  });

  it('holds shipping while a refund request is open; a full refund closes the order (交易关闭)', async () => {
    const [order] = await placePaid(admin, {
      lines: [{ sku: sku('PHYSICAL', { merchantId: SELF, nth: 31 }), quantity: 1 }],
      buyerIndex: buyerNear('WH-SH'),
    });
    const request = await admin.post('/v1/events/after-sale-requested', {
      orderNo: order!.orderNo,
      type: 'REFUND_ONLY',
      reason: '拍错了/多拍了',
    });
    const afterSaleId = request.body.id;
    expect(await shipAll(warehouse, order!)).toMatchObject({ status: 'rejected', code: 'SHIPPING_INTERCEPTED' });
    await pushOne(supervisor, 'AFTER_SALE_APPROVE', { orderNo: order!.orderNo, afterSaleId });

    await pushOne(supervisor, 'LOCK', { orderNo: order!.orderNo, reason: '财务复核' });
    expect(await pushOne(supervisor, 'AFTER_SALE_REFUND', { orderNo: order!.orderNo, afterSaleId })).toMatchObject({
      code: 'ORDER_LOCKED',
    });
    await pushOne(supervisor, 'UNLOCK', { orderNo: order!.orderNo });

    const closed = await pushOne(supervisor, 'AFTER_SALE_REFUND', { orderNo: order!.orderNo, afterSaleId });
    expect(closed).toMatchObject({
      status: 'applied',
      order: { status: 'CLOSED', paymentStatus: 'REFUNDED', refundStatus: 'REFUNDED' },
    });
    expect(closed.order!.timeline.slice(-2).map((t) => t.action)).toEqual(['REFUND', 'CLOSE']);
    expect(await shipAll(warehouse, closed.order as OrderRecord)).toMatchObject({ status: 'rejected' });
    expect((await getOrder(admin, order!.orderNo)).status).toBe('CLOSED');
  });

  it('gives a whole unshipped order back with its freight, and only then calls it 全额退款', async () => {
    const cheap = cheapItem();
    const [order] = await placePaid(admin, {
      lines: [{ sku: cheap.sku, quantity: 1 }],
      buyerIndex: buyerNear('WH-SH'),
    });
    // Below 99.00 the mall charges freight, so the buyer paid more than the goods.
    expect(order!.amounts.freight).toBeGreaterThan(0);
    const request = await admin.post('/v1/events/after-sale-requested', {
      orderNo: order!.orderNo,
      type: 'REFUND_ONLY',
      reason: '不想要了',
    });
    expect(request.body.amount).toBe(order!.amounts.paid);
    await pushOne(supervisor, 'AFTER_SALE_APPROVE', { orderNo: order!.orderNo, afterSaleId: request.body.id });
    const closed = await pushOne(supervisor, 'AFTER_SALE_REFUND', {
      orderNo: order!.orderNo,
      afterSaleId: request.body.id,
    });
    expect(closed.order).toMatchObject({ status: 'CLOSED', paymentStatus: 'REFUNDED', refundStatus: 'REFUNDED' });
    expect(closed.order!.timeline.at(-1)!.detail).toBe('已全额退款，交易关闭');
  });

  it('closes a fully returned order as 部分退款 when the freight of its delivery was kept', async () => {
    const cheap = cheapItem();
    const [order] = await placePaid(admin, {
      lines: [{ sku: cheap.sku, quantity: 1 }],
      buyerIndex: buyerNear('WH-SH'),
    });
    const shipped = await shipAll(warehouse, order!);
    expect(shipped, JSON.stringify(shipped)).toMatchObject({ status: 'applied' });
    const request = await admin.post('/v1/events/after-sale-requested', {
      orderNo: order!.orderNo,
      type: 'RETURN_REFUND',
      reason: '七天无理由退货',
    });
    expect(request.status, JSON.stringify(request.body)).toBe(200);
    expect(request.body.amount).toBe(order!.lines[0]!.payable);
    const afterSaleId = request.body.id as string;
    await pushOne(supervisor, 'AFTER_SALE_APPROVE', { orderNo: order!.orderNo, afterSaleId });
    await pushOne(warehouse, 'AFTER_SALE_RECEIVE_RETURN', { orderNo: order!.orderNo, afterSaleId });
    const closed = await pushOne(supervisor, 'AFTER_SALE_REFUND', { orderNo: order!.orderNo, afterSaleId });
    expect(closed.order).toMatchObject({
      status: 'CLOSED',
      paymentStatus: 'PARTIALLY_REFUNDED',
      refundStatus: 'PARTIALLY_REFUNDED',
    });
    expect(closed.order!.timeline.at(-1)!.detail).toBe('商品已全部退款（运费未退），交易关闭');
  });

  it('refuses a second request while one is open, and a refund-only once goods have shipped', async () => {
    const { order } = await shippedWithRequest('RETURN_REFUND');
    const second = await admin.post('/v1/events/after-sale-requested', {
      orderNo: order.orderNo,
      type: 'EXCHANGE',
      reason: '换大一码',
    });
    expect(second).toMatchObject({ status: 409, body: { error: { code: 'AFTER_SALE_OPEN' } } });
    const { order: other, afterSaleId } = await shippedWithRequest('EXCHANGE');
    await pushOne(supervisor, 'AFTER_SALE_REJECT', { orderNo: other.orderNo, afterSaleId, reason: '不支持换货' });
    const refundOnly = await admin.post('/v1/events/after-sale-requested', {
      orderNo: other.orderNo,
      type: 'REFUND_ONLY',
      reason: '不想要了',
    });
    expect(refundOnly.body.error.code).toBe('WRONG_STATUS');
  });
});
