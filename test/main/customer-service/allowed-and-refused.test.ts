import { beforeAll, describe, expect, it } from 'vitest';
import type { OrderDetail } from '../../../src/shared/contract/orders';
import type { OrderRecord } from '../../../src/shared/contract/records';
import { appliedOnce, queuedOnce, unchanged } from '../../support/desk-intents';
import type { Session } from '../../support/service';
import { useDeskWorld } from '../../support/world';
import { getOrder, paidPhysical, pushOne, shipAll } from '../../server/helpers';

const receiver = {
  name: '韩梅梅',
  phone: '13912345678',
  province: '上海市',
  city: '上海市',
  district: '徐汇区',
  address: '漕溪北路 88 号 12 楼',
  postcode: '200030',
};

/**
 * Customer service at a desk, one story per intent it added: service1 may, warehouse1 (no right)
 * may not, and the wrong state is refused with its code. A refusal changes nothing and queues
 * nothing; a decision queues exactly one intent, which the service then applies once.
 */
describe('customer service’s intents at a desk, allowed and refused', () => {
  const world = useDeskWorld({ demoOrders: 60 });
  let admin: Session;
  let warehouseHttp: Session;
  let nth = 20;

  beforeAll(async () => {
    admin = await world.service.login('admin');
    warehouseHttp = await world.service.login('warehouse1');
  });

  /** A paid order of the Shanghai warehouse, waiting to ship. */
  const paid = () => paidPhysical(admin, 'WH-SH', 2, nth++);
  /** The same, shipped whole from the warehouse's desk. */
  const shipped = async (): Promise<OrderRecord> => {
    const order = await paid();
    expect(await shipAll(warehouseHttp, order)).toMatchObject({ status: 'applied' });
    return getOrder(admin, order.orderNo);
  };
  const refused = (reason: string) => ({ ok: false, error: { code: 'ACTION_REFUSED', reason } });
  const forbidden = { ok: false, error: { code: 'FORBIDDEN_ROLE' } };

  it('CANCEL_PAID: cancels a paid order with its refund; not a shipped or locked one, and never from the warehouse', async () => {
    const [order, gone, locked] = [await paid(), await shipped(), await paid()];
    await pushOne(admin, 'LOCK', { orderNo: locked.orderNo, reason: '核实地址' });
    const cs = await world.desk('service1');
    const warehouse = await world.desk('warehouse1');

    const cancel = (orderNo: string) => ({ orderNo, reason: '缺货，买家同意取消' });
    expect(
      await unchanged(warehouse, order.orderNo, () => warehouse.call('orders.cancelPaid', cancel(order.orderNo))),
    ).toMatchObject(forbidden);
    expect(await unchanged(cs, gone.orderNo, () => cs.call('orders.cancelPaid', cancel(gone.orderNo)))).toMatchObject(
      refused('WRONG_STATUS'),
    );
    expect(
      await unchanged(cs, locked.orderNo, () => cs.call('orders.cancelPaid', cancel(locked.orderNo))),
    ).toMatchObject(refused('ORDER_LOCKED'));

    const { value, intentId } = await queuedOnce<OrderDetail>(cs, order.orderNo, 'CANCEL_PAID', () =>
      cs.call('orders.cancelPaid', cancel(order.orderNo)),
    );
    expect(value).toMatchObject({ status: 'CLOSED', refundStatus: 'REFUNDED', pendingSync: 1 });
    // Money out waits for the service to confirm what this desk changed first.
    expect(await unchanged(cs, order.orderNo, () => cs.call('orders.cancelPaid', cancel(order.orderNo)))).toMatchObject(
      refused('WAITING_SYNC'),
    );
    await cs.sync();
    await appliedOnce(cs, world.service, intentId);
    expect(await unchanged(cs, order.orderNo, () => cs.call('orders.cancelPaid', cancel(order.orderNo)))).toMatchObject(
      refused('WRONG_STATUS'),
    );
    expect(await getOrder(admin, order.orderNo)).toMatchObject({ status: 'CLOSED', paymentStatus: 'REFUNDED' });
  });

  it('OPEN_AFTER_SALE: opens a return for a caller on a shipped order; no refund-only once shipped, no second request, never from the warehouse', async () => {
    const order = await shipped();
    const cs = await world.desk('service1');
    const warehouse = await world.desk('warehouse1');
    const ask = (type: string) => ({ orderNo: order.orderNo, type, reason: '尺码不合适' });

    expect(
      await unchanged(warehouse, order.orderNo, () => warehouse.call('aftersales.open', ask('RETURN_REFUND'))),
    ).toMatchObject(forbidden);
    expect(await unchanged(cs, order.orderNo, () => cs.call('aftersales.open', ask('REFUND_ONLY')))).toMatchObject(
      refused('WRONG_STATUS'),
    );
    const { value, intentId } = await queuedOnce<OrderDetail>(cs, order.orderNo, 'OPEN_AFTER_SALE', () =>
      cs.call('aftersales.open', ask('RETURN_REFUND')),
    );
    expect(value.afterSales.at(-1)).toMatchObject({ type: 'RETURN_REFUND', status: 'PENDING_REVIEW' });
    expect(await unchanged(cs, order.orderNo, () => cs.call('aftersales.open', ask('EXCHANGE')))).toMatchObject(
      refused('AFTER_SALE_OPEN'),
    );
    await cs.sync();
    await appliedOnce(cs, world.service, intentId);
    expect((await getOrder(admin, order.orderNo)).afterSales.at(-1)).toMatchObject({
      type: 'RETURN_REFUND',
      status: 'PENDING_REVIEW',
    });
  });

  it('CHANGE_RECEIVER: changes where the goods go before shipping; not after, not to a wrong phone, never from the warehouse', async () => {
    const [order, gone] = [await paid(), await shipped()];
    const cs = await world.desk('service1');
    const warehouse = await world.desk('warehouse1');
    const change = (orderNo: string, to = receiver) => ({ orderNo, receiver: to, reason: '买家来电改地址' });

    expect(
      await unchanged(warehouse, order.orderNo, () => warehouse.call('orders.changeReceiver', change(order.orderNo))),
    ).toMatchObject(forbidden);
    expect(
      await unchanged(cs, gone.orderNo, () => cs.call('orders.changeReceiver', change(gone.orderNo))),
    ).toMatchObject(refused('WRONG_STATUS'));
    expect(
      await unchanged(cs, order.orderNo, () =>
        cs.call('orders.changeReceiver', change(order.orderNo, { ...receiver, phone: '139' })),
      ),
    ).toMatchObject(refused('RECEIVER_INVALID'));
    const { value, intentId } = await queuedOnce<OrderDetail>(cs, order.orderNo, 'CHANGE_RECEIVER', () =>
      cs.call('orders.changeReceiver', change(order.orderNo)),
    );
    expect(value.receiver).toEqual(receiver);
    expect(value.timeline.at(-1)!.detail).toContain(`原 ${order.receiver!.name}`);
    await cs.sync();
    await appliedOnce(cs, world.service, intentId);
    expect((await getOrder(admin, order.orderNo)).receiver).toEqual(receiver);
  });

  it('CONFIRM_RECEIPT: confirms receipt on a buyer’s word once shipped; not before, not twice, never from the warehouse', async () => {
    const [order, waiting] = [await shipped(), await paid()];
    const cs = await world.desk('service1');
    const warehouse = await world.desk('warehouse1');
    const confirm = (orderNo: string) => ({ orderNo, reason: '买家来电确认已收到' });

    expect(
      await unchanged(warehouse, order.orderNo, () => warehouse.call('orders.confirmReceipt', confirm(order.orderNo))),
    ).toMatchObject(forbidden);
    expect(
      await unchanged(cs, waiting.orderNo, () => cs.call('orders.confirmReceipt', confirm(waiting.orderNo))),
    ).toMatchObject(refused('WRONG_STATUS'));
    const { value, intentId } = await queuedOnce<OrderDetail>(cs, order.orderNo, 'CONFIRM_RECEIPT', () =>
      cs.call('orders.confirmReceipt', confirm(order.orderNo)),
    );
    expect(value.status).toBe('COMPLETED');
    expect(
      await unchanged(cs, order.orderNo, () => cs.call('orders.confirmReceipt', confirm(order.orderNo))),
    ).toMatchObject(refused('WRONG_STATUS'));
    await cs.sync();
    await appliedOnce(cs, world.service, intentId);
    expect((await getOrder(admin, order.orderNo)).status).toBe('COMPLETED');
  });

  it('EXTEND_RECEIPT: extends receipt once for a buyer who is away; not before shipping, not twice, never from the warehouse', async () => {
    const [order, waiting] = [await shipped(), await paid()];
    const cs = await world.desk('service1');
    const warehouse = await world.desk('warehouse1');
    const extend = (orderNo: string) => ({ orderNo, reason: '买家出差，晚几天收货' });

    expect(
      await unchanged(warehouse, order.orderNo, () => warehouse.call('orders.extendReceipt', extend(order.orderNo))),
    ).toMatchObject(forbidden);
    expect(
      await unchanged(cs, waiting.orderNo, () => cs.call('orders.extendReceipt', extend(waiting.orderNo))),
    ).toMatchObject(refused('WRONG_STATUS'));
    const { value, intentId } = await queuedOnce<OrderDetail>(cs, order.orderNo, 'EXTEND_RECEIPT', () =>
      cs.call('orders.extendReceipt', extend(order.orderNo)),
    );
    expect(value.timeline.at(-1)).toMatchObject({ action: 'EXTEND_RECEIPT' });
    expect(
      await unchanged(cs, order.orderNo, () => cs.call('orders.extendReceipt', extend(order.orderNo))),
    ).toMatchObject(refused('RECEIPT_ALREADY_EXTENDED'));
    await cs.sync();
    await appliedOnce(cs, world.service, intentId);
    expect((await getOrder(admin, order.orderNo)).timeline.at(-1)).toMatchObject({ action: 'EXTEND_RECEIPT' });
  });
});
