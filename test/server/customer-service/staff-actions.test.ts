import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type Session, type TestService } from '../../support/service';
import { getOrder, paidPhysical, pushOne, shipAll } from '../helpers';

/** Customer service acting for buyers on the phone: every intent allowed and refused, on the service. */
describe('customer service’s actions for a buyer, re-executed by the service', () => {
  let service: TestService;
  let admin: Session;
  let warehouse: Session;
  let cs: Session;
  let nth = 40;

  beforeAll(async () => {
    service = await startTestService({ demoOrders: 40 });
    admin = await service.login('admin');
    warehouse = await service.login('warehouse1');
    cs = await service.login('service1');
  });
  afterAll(() => service.close());

  const fresh = () => paidPhysical(admin, 'WH-SH', 2, nth++);
  const receiver = {
    name: '李雷',
    phone: '13800138000',
    province: '浙江省',
    city: '杭州市',
    district: '西湖区',
    address: '文三路 90 号 5 楼',
    postcode: '310012',
  };

  it('cancels a paid, unshipped order with a full refund; the warehouse may not, and a shipped one cannot be', async () => {
    const order = await fresh();
    expect(await pushOne(warehouse, 'CANCEL_PAID', { orderNo: order.orderNo, reason: '缺货' })).toMatchObject({
      status: 'rejected',
      code: 'FORBIDDEN_ROLE',
    });
    const cancelled = await pushOne(cs, 'CANCEL_PAID', { orderNo: order.orderNo, reason: '缺货' });
    expect(cancelled).toMatchObject({
      status: 'applied',
      order: { status: 'CLOSED', paymentStatus: 'REFUNDED', refundStatus: 'REFUNDED' },
    });
    expect(cancelled.order!.afterSales.at(-1)).toMatchObject({ status: 'SUCCEEDED', amount: order.amounts.paid });
    expect(await shipAll(warehouse, order)).toMatchObject({ status: 'rejected', code: 'WRONG_STATUS' });

    const shipped = await fresh();
    await shipAll(warehouse, shipped);
    expect(await pushOne(cs, 'CANCEL_PAID', { orderNo: shipped.orderNo, reason: '缺货' })).toMatchObject({
      status: 'rejected',
      code: 'WRONG_STATUS',
    });
  });

  it('opens an after-sale for a caller, priced as the buyer’s own would be; refuses a second while one is open', async () => {
    const order = await fresh();
    await shipAll(warehouse, order);
    const opened = await pushOne(cs, 'OPEN_AFTER_SALE', {
      orderNo: order.orderNo,
      type: 'RETURN_REFUND',
      reason: '尺码不合适',
      lines: [{ lineNo: 1, quantity: 1 }],
    });
    expect(opened).toMatchObject({ status: 'applied', order: { refundStatus: 'IN_PROGRESS' } });
    expect(opened.order!.afterSales.at(-1)).toMatchObject({
      type: 'RETURN_REFUND',
      status: 'PENDING_REVIEW',
      amount: order.lines[0]!.payable / 2,
    });
    expect(
      await pushOne(cs, 'OPEN_AFTER_SALE', { orderNo: order.orderNo, type: 'EXCHANGE', reason: '换大一码' }),
    ).toMatchObject({ status: 'rejected', code: 'AFTER_SALE_OPEN' });
    expect(
      await pushOne(warehouse, 'OPEN_AFTER_SALE', { orderNo: order.orderNo, type: 'EXCHANGE', reason: 'x' }),
    ).toMatchObject({ status: 'rejected', code: 'FORBIDDEN_ROLE' });
  });

  it('changes the receiver before shipping and keeps the old one in the timeline; not after', async () => {
    const order = await fresh();
    const changed = await pushOne(cs, 'CHANGE_RECEIVER', { orderNo: order.orderNo, receiver, reason: '买家来电' });
    expect(changed).toMatchObject({ status: 'applied', order: { receiver } });
    expect(changed.order!.timeline.at(-1)!.detail).toContain(`原 ${order.receiver!.name}`);
    const bad = await pushOne(cs, 'CHANGE_RECEIVER', {
      orderNo: order.orderNo,
      receiver: { ...receiver, phone: '123' },
      reason: '买家来电',
    });
    expect(bad).toMatchObject({
      status: 'rejected',
      code: 'RECEIVER_INVALID',
      fieldErrors: { 'receiver.phone': 'PHONE_FORMAT' },
    });
    await shipAll(warehouse, changed.order!);
    expect(
      await pushOne(cs, 'CHANGE_RECEIVER', { orderNo: order.orderNo, receiver, reason: '买家来电' }),
    ).toMatchObject({ status: 'rejected', code: 'WRONG_STATUS' });
  });

  it('confirms receipt or extends it once on the buyer’s word', async () => {
    const order = await fresh();
    expect(await pushOne(cs, 'CONFIRM_RECEIPT', { orderNo: order.orderNo, reason: '买家来电' })).toMatchObject({
      status: 'rejected',
      code: 'WRONG_STATUS',
    });
    await shipAll(warehouse, order);
    expect(await pushOne(cs, 'EXTEND_RECEIPT', { orderNo: order.orderNo, reason: '买家出差' })).toMatchObject({
      status: 'applied',
    });
    expect(await pushOne(cs, 'EXTEND_RECEIPT', { orderNo: order.orderNo, reason: '再延' })).toMatchObject({
      status: 'rejected',
      code: 'RECEIPT_ALREADY_EXTENDED',
    });
    expect(await pushOne(warehouse, 'CONFIRM_RECEIPT', { orderNo: order.orderNo, reason: 'x' })).toMatchObject({
      status: 'rejected',
      code: 'FORBIDDEN_ROLE',
    });
    const confirmed = await pushOne(cs, 'CONFIRM_RECEIPT', { orderNo: order.orderNo, reason: '买家来电确认已收到' });
    expect(confirmed).toMatchObject({ status: 'applied', order: { status: 'COMPLETED' } });
    expect((await getOrder(admin, order.orderNo)).completedAt).not.toBeNull();
  });
});
