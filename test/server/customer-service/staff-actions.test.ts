import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type Session, type TestService } from '../../support/service';
import { getOrder, paidPhysical, pushOne, shipAll, unchangedOn } from '../helpers';

/**
 * Customer service acting for buyers on the phone: every intent allowed and refused, on the service.
 * Intents travel in a push, which answers HTTP 200 with each intent's own outcome: a refusal is
 * `rejected` with its stable code, and leaves the order exactly as it was.
 */
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
  const rejected = (code: string) => ({ status: 'rejected', code });
  const refusedUnchanged = (orderNo: string, session: Session, type: Parameters<typeof pushOne>[1], payload: unknown) =>
    unchangedOn(admin, orderNo, () => pushOne(session, type, payload));
  const receiver = {
    name: '李雷',
    phone: '13800138000',
    province: '浙江省',
    city: '杭州市',
    district: '西湖区',
    address: '文三路 90 号 5 楼',
    postcode: '310012',
  };

  it('CANCEL_PAID: cancels a paid, unshipped order with a full refund; not a locked or shipped one, never the warehouse', async () => {
    const order = await fresh();
    const cancel = { orderNo: order.orderNo, reason: '缺货' };
    expect(await refusedUnchanged(order.orderNo, warehouse, 'CANCEL_PAID', cancel)).toMatchObject(
      rejected('FORBIDDEN_ROLE'),
    );
    await pushOne(admin, 'LOCK', { orderNo: order.orderNo, reason: '核实地址' });
    expect(await refusedUnchanged(order.orderNo, cs, 'CANCEL_PAID', cancel)).toMatchObject(rejected('ORDER_LOCKED'));
    await pushOne(admin, 'UNLOCK', { orderNo: order.orderNo });

    const cancelled = await pushOne(cs, 'CANCEL_PAID', cancel);
    expect(cancelled).toMatchObject({
      status: 'applied',
      order: { status: 'CLOSED', paymentStatus: 'REFUNDED', refundStatus: 'REFUNDED' },
    });
    expect(cancelled.order!.afterSales.at(-1)).toMatchObject({ status: 'SUCCEEDED', amount: order.amounts.paid });
    expect(await refusedUnchanged(order.orderNo, warehouse, 'SHIP', shipPayload(order))).toMatchObject(
      rejected('WRONG_STATUS'),
    );

    const shipped = await fresh();
    await shipAll(warehouse, shipped);
    expect(
      await refusedUnchanged(shipped.orderNo, cs, 'CANCEL_PAID', { orderNo: shipped.orderNo, reason: '缺货' }),
    ).toMatchObject(rejected('WRONG_STATUS'));
  });

  it('OPEN_AFTER_SALE: opens an after-sale for a caller, priced as the buyer’s own would be; no refund-only once shipped, no second while one is open, never the warehouse', async () => {
    const order = await fresh();
    await shipAll(warehouse, order);
    expect(
      await refusedUnchanged(order.orderNo, cs, 'OPEN_AFTER_SALE', {
        orderNo: order.orderNo,
        type: 'REFUND_ONLY',
        reason: '不想要了',
      }),
    ).toMatchObject(rejected('WRONG_STATUS'));
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
    const exchange = { orderNo: order.orderNo, type: 'EXCHANGE', reason: '换大一码' };
    expect(await refusedUnchanged(order.orderNo, cs, 'OPEN_AFTER_SALE', exchange)).toMatchObject(
      rejected('AFTER_SALE_OPEN'),
    );
    expect(await refusedUnchanged(order.orderNo, warehouse, 'OPEN_AFTER_SALE', exchange)).toMatchObject(
      rejected('FORBIDDEN_ROLE'),
    );
  });

  it('CHANGE_RECEIVER: changes the receiver before shipping and keeps the old one in the timeline; not to a wrong phone, not after, never the warehouse', async () => {
    const order = await fresh();
    const change = { orderNo: order.orderNo, receiver, reason: '买家来电' };
    expect(await refusedUnchanged(order.orderNo, warehouse, 'CHANGE_RECEIVER', change)).toMatchObject(
      rejected('FORBIDDEN_ROLE'),
    );
    expect(
      await refusedUnchanged(order.orderNo, cs, 'CHANGE_RECEIVER', {
        ...change,
        receiver: { ...receiver, phone: '123' },
      }),
    ).toMatchObject({ ...rejected('RECEIVER_INVALID'), fieldErrors: { 'receiver.phone': 'PHONE_FORMAT' } });
    const changed = await pushOne(cs, 'CHANGE_RECEIVER', change);
    expect(changed).toMatchObject({ status: 'applied', order: { receiver } });
    expect(changed.order!.timeline.at(-1)!.detail).toContain(`原 ${order.receiver!.name}`);
    await shipAll(warehouse, changed.order!);
    expect(await refusedUnchanged(order.orderNo, cs, 'CHANGE_RECEIVER', change)).toMatchObject(
      rejected('WRONG_STATUS'),
    );
  });

  it('CONFIRM_RECEIPT and EXTEND_RECEIPT: on the buyer’s word once shipped; extended once; not before shipping, never the warehouse', async () => {
    const order = await fresh();
    const word = (reason: string) => ({ orderNo: order.orderNo, reason });
    expect(await refusedUnchanged(order.orderNo, cs, 'CONFIRM_RECEIPT', word('买家来电'))).toMatchObject(
      rejected('WRONG_STATUS'),
    );
    expect(await refusedUnchanged(order.orderNo, cs, 'EXTEND_RECEIPT', word('买家出差'))).toMatchObject(
      rejected('WRONG_STATUS'),
    );
    await shipAll(warehouse, order);
    expect(await refusedUnchanged(order.orderNo, warehouse, 'EXTEND_RECEIPT', word('买家出差'))).toMatchObject(
      rejected('FORBIDDEN_ROLE'),
    );
    expect(await pushOne(cs, 'EXTEND_RECEIPT', word('买家出差'))).toMatchObject({ status: 'applied' });
    expect(await refusedUnchanged(order.orderNo, cs, 'EXTEND_RECEIPT', word('再延'))).toMatchObject(
      rejected('RECEIPT_ALREADY_EXTENDED'),
    );
    expect(await refusedUnchanged(order.orderNo, warehouse, 'CONFIRM_RECEIPT', word('x'))).toMatchObject(
      rejected('FORBIDDEN_ROLE'),
    );
    const confirmed = await pushOne(cs, 'CONFIRM_RECEIPT', word('买家来电确认已收到'));
    expect(confirmed).toMatchObject({ status: 'applied', order: { status: 'COMPLETED' } });
    expect((await getOrder(admin, order.orderNo)).completedAt).not.toBeNull();
    expect(await refusedUnchanged(order.orderNo, cs, 'CONFIRM_RECEIPT', word('再确认'))).toMatchObject(
      rejected('WRONG_STATUS'),
    );
  });
});

const shipPayload = (order: { orderNo: string; lines: Array<{ lineNo: number; quantity: number }> }) => ({
  orderNo: order.orderNo,
  parcels: [
    {
      carrier: 'SF',
      trackingNo: 'SF7000000000771',
      lines: order.lines.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity })),
    },
  ],
});
