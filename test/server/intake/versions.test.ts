import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntakeOrder } from '../../../src/shared/contract/intake';
import type { OrderRecord } from '../../../src/shared/contract/records';
import { pushOne, sfTracking } from '../helpers';
import type { Session, TestService } from '../../support/service';
import { exampleOrder, PASSWORD, startCompany } from './company';

describe('later versions of an order from a shop become intents on it', () => {
  let service: TestService;
  let erp: Session;
  let boss: Session;

  const post = async (order: IntakeOrder) => {
    const answer = await erp.post('/v1/intake/orders', { orders: [order] });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body.results[0] as { outcome: string; orderNos: string[]; reasons: unknown[] };
  };
  const order = async (orderNo: string): Promise<OrderRecord> => (await boss.get(`/v1/orders/${orderNo}`)).body;

  beforeAll(async () => {
    service = await startCompany();
    erp = await service.login('erp', PASSWORD);
    boss = await service.login('boss', PASSWORD);
  });
  afterAll(() => service.close());

  it('pays an order that came in unpaid, at the platform’s time, saying it came from the shop', async () => {
    const unpaid = exampleOrder(0, {
      externalOrderNo: 'V-PAY',
      status: 'UNPAID',
      payment: null,
      platformStatus: 'WAIT_BUYER_PAY',
    });
    const created = await post(unpaid);
    expect(created.outcome).toBe('created');
    const [orderNo] = created.orderNos;
    expect(await order(orderNo!)).toMatchObject({ status: 'PENDING_PAYMENT', paidAt: null });
    // Our unpaid timer leaves a platform's order alone: the platform decides when it lapses.
    service.clock.advance(2 * 3_600_000);
    await service.runDueTimers();
    expect((await order(orderNo!)).status).toBe('PENDING_PAYMENT');

    const paid = exampleOrder(0, { externalOrderNo: 'V-PAY' });
    expect(await post(paid)).toMatchObject({ outcome: 'updated', orderNos: [orderNo] });
    expect(await post(paid)).toMatchObject({ outcome: 'unchanged' });
    const now = await order(orderNo!);
    expect(now).toMatchObject({
      status: 'PENDING_SHIPMENT',
      paidAt: paid.payment!.paidAt,
      payment: { channel: 'ALIPAY' },
      external: { platformStatus: 'WAIT_SELLER_SEND_GOODS' },
    });
    const last = now.timeline.slice(-2);
    expect(last.map((t) => [t.action, t.actor, t.device])).toEqual([
      ['PAY', 'shop:TM-HEMU', 'integration:erp'],
      ['EXTERNAL_UPDATE', 'shop:TM-HEMU', 'integration:erp'],
    ]);
  });

  it('cancels an unpaid order the platform cancelled and gives its stock back', async () => {
    const created = await post(exampleOrder(1, { externalOrderNo: 'V-CANCEL', status: 'UNPAID', payment: null }));
    const cancelled = await post(
      exampleOrder(1, {
        externalOrderNo: 'V-CANCEL',
        status: 'CANCELLED',
        payment: null,
        platformStatus: 'TRADE_CLOSED_BY_TAOBAO',
      }),
    );
    expect(cancelled.outcome).toBe('updated');
    const record = await order(created.orderNos[0]!);
    expect(record.status).toBe('CANCELLED');
    expect(record.timeline.at(-1)).toMatchObject({ action: 'CANCEL', actor: 'shop:TM-HEMU' });
  });

  it('moves the receiver of an unshipped order, and flags a change after shipping instead of applying it', async () => {
    const created = await post(exampleOrder(0, { externalOrderNo: 'V-ADDR' }));
    const moved = exampleOrder(0, { externalOrderNo: 'V-ADDR' });
    moved.receiver = { ...moved.receiver!, address: '文一西路969号海创园5号楼', district: '余杭区' };
    expect((await post(moved)).outcome).toBe('updated');
    const [orderNo] = created.orderNos;
    expect((await order(orderNo!)).receiver).toMatchObject({ district: '余杭区', address: '文一西路969号海创园5号楼' });

    const desk = await service.login('wh-hz', PASSWORD);
    const shippedOrder = await order(orderNo!);
    expect(
      (
        await pushOne(desk, 'SHIP', {
          orderNo,
          parcels: [
            {
              carrier: 'SF',
              trackingNo: sfTracking(),
              lines: shippedOrder.lines.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity })),
            },
          ],
        })
      ).status,
    ).toBe('applied');
    const again = structuredClone(moved);
    again.receiver = { ...again.receiver!, address: '另一个地址 1 号' };
    expect((await post(again)).outcome).toBe('updated');
    const after = await order(orderNo!);
    expect(after.receiver?.address).toBe('文一西路969号海创园5号楼');
    expect(after.exception?.reasons).toEqual([
      expect.objectContaining({ code: 'OTHER', detail: expect.stringContaining('发货后') }),
    ]);
  });

  it('opens a refund the buyer asked for on the platform, which holds the parcel, and books it when the platform pays', async () => {
    const created = await post(exampleOrder(1, { externalOrderNo: 'V-REFUND' }));
    const [orderNo] = created.orderNos;
    const asked = exampleOrder(1, {
      externalOrderNo: 'V-REFUND',
      platformStatus: 'WAIT_SELLER_SEND_GOODS',
      refund: { status: 'REQUESTED', type: 'REFUND_ONLY', reason: '不想要了' },
    });
    expect((await post(asked)).outcome).toBe('updated');
    const requested = await order(orderNo!);
    expect(requested.refundStatus).toBe('IN_PROGRESS');
    expect(requested.afterSales).toEqual([
      expect.objectContaining({ status: 'PENDING_REVIEW', reason: '[平台] 不想要了' }),
    ]);

    const desk = await service.login('wh-gz', PASSWORD);
    const ship = await pushOne(desk, 'SHIP', {
      orderNo,
      parcels: [{ carrier: 'SF', trackingNo: sfTracking(), lines: [{ lineNo: 1, quantity: 1 }] }],
    });
    expect(ship).toMatchObject({ status: 'rejected', code: 'SHIPPING_INTERCEPTED' });

    const done = {
      ...asked,
      platformStatus: 'TRADE_CLOSED',
      refund: { ...asked.refund!, status: 'COMPLETED' as const },
    };
    expect((await post(done)).outcome).toBe('updated');
    const refunded = await order(orderNo!);
    expect(refunded).toMatchObject({ status: 'CLOSED', paymentStatus: 'REFUNDED', refundStatus: 'REFUNDED' });
    expect(refunded.afterSales[0]?.status).toBe('SUCCEEDED');
    // The tea's payable at least (the freight too, where a whole-order refund returns it).
    expect(refunded.afterSales[0]?.amount).toBeGreaterThanOrEqual(31160);
  });

  it('withdraws a request the buyer took back on the platform', async () => {
    const created = await post(exampleOrder(0, { externalOrderNo: 'V-WITHDRAW' }));
    const asked = exampleOrder(0, {
      externalOrderNo: 'V-WITHDRAW',
      refund: { status: 'REQUESTED', type: 'REFUND_ONLY', reason: '拍错了' },
    });
    await post(asked);
    await post({ ...asked, refund: { ...asked.refund!, status: 'WITHDRAWN' } });
    const record = await order(created.orderNos[0]!);
    expect(record.refundStatus).toBe('NONE');
    expect(record.afterSales[0]?.status).toBe('WITHDRAWN');
  });

  it('flags lines or amounts changed after the order was taken, never applying them silently', async () => {
    const created = await post(exampleOrder(1, { externalOrderNo: 'V-LINES' }));
    const changed = exampleOrder(1, { externalOrderNo: 'V-LINES' });
    changed.lines[0]!.quantity = 2;
    changed.amounts = { ...changed.amounts, goods: 65600, paid: 65600 + 800 - 1640 };
    expect((await post(changed)).outcome).toBe('updated');
    const record = await order(created.orderNos[0]!);
    expect(record.lines[0]?.quantity).toBe(1);
    expect(record.exception?.reasons[0]).toMatchObject({
      code: 'OTHER',
      detail: expect.stringContaining('商品或金额'),
    });
  });
});
