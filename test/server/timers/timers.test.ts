import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderRecord } from '../../../src/shared/contract/records';
import { startTestService, type Session, type TestService } from '../../support/service';
import { getOrder, paidPhysical, place, placePaid, pushOne, SELF, shipAll, sku } from '../helpers';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('the service’s timers, run against a moved clock', () => {
  let service: TestService;
  let admin: Session;
  let warehouse: Session;
  let dealer: Session;
  let supervisor: Session;

  /** What the dealers' catalogue says is free of an item right now. */
  async function freeStock(skuCode: string): Promise<number> {
    const { changes } = await dealer.pullAll('', 5000);
    return changes.filter((c) => c.type === 'catalogue' && c.item.sku === skuCode).at(-1)!.item.stock;
  }
  const status = async (order: OrderRecord) => (await getOrder(admin, order.orderNo)).status;
  /** Moves the clock and lets the service sweep, as its interval would. */
  async function after(ms: number) {
    service.clock.advance(ms);
    return service.runDueTimers();
  }

  beforeAll(async () => {
    service = await startTestService({ demoOrders: 100 });
    admin = await service.login('admin');
    warehouse = await service.login('warehouse1');
    dealer = await service.login('dealer1');
    supervisor = await service.login('service1');
    await service.runDueTimers(); // the seeded history's own due timers, out of the way
  });
  afterAll(() => service.close());

  it('cancels an order left unpaid for 30 minutes and gives its stock back', async () => {
    const item = sku('PHYSICAL', { merchantId: SELF, nth: 11 });
    const free = await freeStock(item);
    const [order] = await place(admin, { lines: [{ sku: item, quantity: 4 }] });
    expect(await freeStock(item)).toBe(free - 4);

    await after(29 * MINUTE);
    expect(await status(order!)).toBe('PENDING_PAYMENT');
    const swept = await after(MINUTE);
    expect(swept.cancelled).toBeGreaterThanOrEqual(1);
    const cancelled = await getOrder(admin, order!.orderNo);
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.timeline.at(-1)).toMatchObject({ actor: 'system', device: 'server', action: 'CANCEL' });
    expect(await freeStock(item)).toBe(free);
  });

  it('confirms receipt 10 days after an express shipment', async () => {
    const order = await paidPhysical(admin, 'WH-SH', 1, 2);
    expect(await shipAll(warehouse, order, 'SF')).toMatchObject({ status: 'applied' });
    await after(10 * DAY - 1);
    expect(await status(order)).toBe('PENDING_RECEIPT');
    await after(1);
    const done = await getOrder(admin, order.orderNo);
    expect(done).toMatchObject({ status: 'COMPLETED', completedAt: service.clock.now() });
    expect(done.timeline.at(-1)).toMatchObject({ actor: 'system', action: 'CONFIRM_RECEIPT' });
  });

  it('waits 30 days for surface mail (平邮), and for the slowest parcel of a split shipment', async () => {
    const order = await paidPhysical(admin, 'WH-SH', 2, 4);
    await pushOne(warehouse, 'SHIP', {
      orderNo: order.orderNo,
      parcels: [
        { carrier: 'SF', trackingNo: 'SF3000000000001', lines: [{ lineNo: 1, quantity: 1 }] },
        { carrier: 'CHINA_POST', trackingNo: '9812345678901', lines: [{ lineNo: 1, quantity: 1 }] },
      ],
    });
    await after(10 * DAY);
    expect(await status(order)).toBe('PENDING_RECEIPT');
    await after(20 * DAY);
    expect(await status(order)).toBe('COMPLETED');
  });

  it('confirms virtual goods 24 hours after payment, or 24 hours later when the buyer extends once', async () => {
    const [card] = await placePaid(admin, { lines: [{ sku: sku('VIRTUAL'), quantity: 1 }] });
    const [membership] = await placePaid(admin, { lines: [{ sku: sku('VIRTUAL', { nth: 3 }), quantity: 1 }] });
    expect(card).toMatchObject({ status: 'PENDING_RECEIPT', waybills: [] });
    expect((await admin.post('/v1/events/receipt-extended', { orderNo: membership!.orderNo })).status).toBe(200);
    await after(DAY);
    expect(await status(card!)).toBe('COMPLETED');
    expect(await status(membership!)).toBe('PENDING_RECEIPT');
    await after(DAY);
    expect(await status(membership!)).toBe('COMPLETED');
  });

  it('gives a buyer who extends once 3 more days for physical goods, and refuses a second extension', async () => {
    const order = await paidPhysical(admin, 'WH-SH', 1, 6);
    await shipAll(warehouse, order, 'SF');
    await after(9 * DAY);
    const extended = await admin.post('/v1/events/receipt-extended', { orderNo: order.orderNo });
    expect(extended).toMatchObject({
      status: 200,
      body: { timeline: expect.arrayContaining([expect.objectContaining({ action: 'EXTEND_RECEIPT' })]) },
    });
    const again = await admin.post('/v1/events/receipt-extended', { orderNo: order.orderNo });
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'RECEIPT_ALREADY_EXTENDED' } } });
    await after(DAY);
    expect(await status(order)).toBe('PENDING_RECEIPT');
    await after(3 * DAY - 1);
    expect(await status(order)).toBe('PENDING_RECEIPT');
    await after(1);
    expect(await status(order)).toBe('COMPLETED');
  });

  it('holds receipt confirmation while a return request is open, and confirms once it is decided', async () => {
    const order = await paidPhysical(admin, 'WH-SH', 1, 8);
    await shipAll(warehouse, order, 'SF');
    const request = await admin.post('/v1/events/after-sale-requested', {
      orderNo: order.orderNo,
      type: 'RETURN_REFUND',
      reason: '尺码不合适',
    });
    expect(request.status).toBe(200);
    await after(11 * DAY);
    expect(await status(order)).toBe('PENDING_RECEIPT');
    await pushOne(supervisor, 'AFTER_SALE_REJECT', {
      orderNo: order.orderNo,
      afterSaleId: request.body.id,
      reason: '商品已使用，影响二次销售',
    });
    await after(0);
    expect(await status(order)).toBe('COMPLETED');
  });

  it('accepts after-sales requests for 10 days after completion, refuses them after', async () => {
    const early = await paidPhysical(admin, 'WH-SH', 1, 9);
    const late = await paidPhysical(admin, 'WH-SH', 1, 10);
    for (const order of [early, late]) {
      await shipAll(warehouse, order, 'SF');
      expect((await admin.post('/v1/events/receipt-confirmed', { orderNo: order.orderNo })).body.status).toBe(
        'COMPLETED',
      );
    }
    await after(10 * DAY - MINUTE);
    const inTime = await admin.post('/v1/events/after-sale-requested', {
      orderNo: early.orderNo,
      type: 'EXCHANGE',
      reason: '颜色不喜欢，换其他颜色',
    });
    expect(inTime).toMatchObject({ status: 200, body: { type: 'EXCHANGE', status: 'PENDING_REVIEW' } });
    await after(MINUTE);
    const tooLate = await admin.post('/v1/events/after-sale-requested', {
      orderNo: late.orderNo,
      type: 'RETURN_REFUND',
      reason: '七天无理由退货',
    });
    expect(tooLate).toMatchObject({ status: 409, body: { error: { code: 'AFTER_SALE_WINDOW_CLOSED' } } });
  });

  it('frees a used-up code’s number once the undo window has passed', async () => {
    const [order] = await placePaid(admin, {
      lines: [{ sku: sku('SERVICE', { uses: 1 }), quantity: 1 }],
      storeId: 'ST-01',
    });
    const clerk = await service.login('clerk1');
    const redeemed = await clerk.post('/v1/redemptions/redeem', {
      code: await service.codeOf(order!),
      storeId: 'ST-01',
      requestId: crypto.randomUUID(),
    });
    expect(redeemed.status).toBe(200);
    expect((await after(HOUR - 1)).codesRetired).toBe(0);
    expect((await after(1)).codesRetired).toBe(1);
  });
});

describe('a demo company that sweeps on its own', () => {
  it('opens with the due timers of its generated history already decided', async () => {
    const service = await startTestService({ demoOrders: 200, timerIntervalMs: 60_000 });
    try {
      // The first sweep has nothing left to do: every receipt and payment due at start was decided before the first answer.
      expect(await service.runDueTimers()).toMatchObject({ cancelled: 0, confirmed: 0 });
    } finally {
      await service.close();
    }
  });
});
