import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderRecord, TimelineRecord } from '../../../src/shared/contract/records';
import { NO_REVIEW } from '../../../src/shared/domain/review';
import type { Session, TestService } from '../../support/service';
import { pushOne } from '../helpers';
import { EXAMPLE_BATCH, exampleOrder, PASSWORD, startCompany } from './company';

describe('an exception order released once its cause is fixed', () => {
  let service: TestService;
  let erp: Session;
  let boss: Session;

  const childrenOf = async (parentNo: string): Promise<OrderRecord[]> =>
    (await boss.get(`/v1/orders?orderNo=${parentNo}`)).body.orders;

  beforeAll(async () => {
    service = await startCompany();
    erp = await service.login('erp', PASSWORD);
    boss = await service.login('boss', PASSWORD);
    await erp.post('/v1/intake/orders', EXAMPLE_BATCH);
  });
  afterAll(() => service.close());

  it('releases the order with an unknown SKU when the admin maps the platform item, into a warehouse with its stock held', async () => {
    const [held] = (await boss.get('/v1/orders?externalOrderNo=3620377712004451')).body.orders as OrderRecord[];
    expect(held!.exception?.reasons[0]?.code).toBe('SKU_UNKNOWN');
    const stockBefore = (await boss.get('/v1/admin/catalogue?after=HM-AR-000&limit=1')).body.items[0];

    const mapped = await boss.post('/v1/admin/shops/TM-HEMU/mappings', {
      platformItemId: '680012349999',
      platformSkuId: '5000009999',
      sku: 'HM-AR-001',
    });
    expect(mapped.status, JSON.stringify(mapped.body)).toBe(200);
    expect(mapped.body).toEqual({ released: [held!.parentNo], held: [] });

    const [released] = await childrenOf(held!.parentNo);
    expect(released).toMatchObject({
      orderNo: held!.orderNo,
      exception: null,
      warehouseId: 'WH-HZ',
      status: 'PENDING_SHIPMENT',
      lines: [expect.objectContaining({ sku: 'HM-AR-001', name: '香薰蜡烛', unitPrice: 16800, quantity: 1 })],
    });
    expect(released!.timeline.map((t) => t.action)).toEqual(['CREATE', 'PAY', 'EXCEPTION', 'EXCEPTION_CLEARED']);
    const stockAfter = (await boss.get('/v1/admin/catalogue?after=HM-AR-000&limit=1')).body.items[0];
    const reserved = (item: { stock: Array<{ warehouseId: string; reserved: number }> }) =>
      item.stock.find((s) => s.warehouseId === 'WH-HZ')!.reserved;
    expect(reserved(stockAfter)).toBe(reserved(stockBefore) + 1);

    // The warehouse desk now has it; posting the same version again changes nothing.
    const desk = await service.login('wh-hz', PASSWORD);
    const { changes } = await desk.pullAll();
    expect(changes.some((c) => c.type === 'order' && c.order.orderNo === held!.orderNo)).toBe(true);
    const again = await erp.post('/v1/intake/orders', EXAMPLE_BATCH);
    expect(again.body.results[2]).toMatchObject({ outcome: 'unchanged', orderNos: [held!.orderNo] });
    const audit = (await boss.get('/v1/admin/audit?target=shop:TM-HEMU')).body;
    expect(audit[0]).toMatchObject({ actor: 'admin:boss', action: 'mapping.put', detail: { sku: 'HM-AR-001' } });
  });

  it('holds an order its stock cannot cover, and releases it when the stock is counted in', async () => {
    const big = exampleOrder(1, { externalOrderNo: 'STOCK-1' });
    big.lines = [
      {
        ...big.lines[0]!,
        sku: 'HM-KT-001',
        platformItemId: undefined,
        platformSkuId: undefined,
        name: '珐琅铸铁锅',
        unitPrice: 69900,
        quantity: 20,
      },
    ];
    big.amounts = { goods: 69900 * 20, freight: 0, discounts: [], paid: 69900 * 20 };
    const posted = await erp.post('/v1/intake/orders', { orders: [big] });
    expect(posted.body.results[0]).toMatchObject({
      outcome: 'exception',
      reasons: [{ code: 'STOCK_SHORT', path: 'lines.0.quantity' }],
    });
    const parentNo = posted.body.results[0].orderNos[0].slice(0, -2);

    // Counting fewer than the order needs releases nothing; counting enough does.
    expect(
      (await boss.post('/v1/admin/stock', { sku: 'HM-KT-001', warehouseId: 'WH-GZ', onHand: 5 })).body,
    ).toMatchObject({
      released: [],
      held: [parentNo],
    });
    const counted = await boss.post('/v1/admin/stock', { sku: 'HM-KT-001', warehouseId: 'WH-GZ', onHand: 30 });
    expect(counted.body).toMatchObject({ released: [parentNo], held: [] });
    expect(counted.body.product.stock).toEqual(
      expect.arrayContaining([{ warehouseId: 'WH-GZ', onHand: 30, reserved: 20 }]),
    );
    expect(
      (await boss.post('/v1/admin/stock', { sku: 'HM-KT-001', warehouseId: 'WH-GZ', onHand: 10 })).body.error.code,
    ).toBe('STOCK_SHORT');
  });

  it('releases a held order when the shop sends a corrected version', async () => {
    const wrong = exampleOrder(1, { externalOrderNo: 'FIX-1' });
    wrong.receiver = { ...wrong.receiver!, phone: '123' };
    const first = await erp.post('/v1/intake/orders', { orders: [wrong] });
    expect(first.body.results[0]).toMatchObject({ outcome: 'exception', reasons: [{ code: 'RECEIVER_INCOMPLETE' }] });
    const fixed = exampleOrder(1, { externalOrderNo: 'FIX-1' });
    const second = await erp.post('/v1/intake/orders', { orders: [fixed] });
    expect(second.body.results[0]).toMatchObject({ outcome: 'updated', orderNos: first.body.results[0].orderNos });
    const [order] = (await boss.get('/v1/orders?externalOrderNo=FIX-1')).body.orders as OrderRecord[];
    expect(order).toMatchObject({ exception: null, warehouseId: 'WH-GZ', receiver: { phone: '13926047715' } });
  });

  /** Whatever anyone wrote, once each, oldest first. */
  const inTimeOrder = (timeline: readonly TimelineRecord[]) =>
    timeline.every((entry, i) => i === 0 || timeline[i - 1]!.at <= entry.at);

  it('keeps customer service’s note on a held order and shows the 审单 hold its release put it on', async () => {
    const cs = await service.login('cs-lead', PASSWORD);
    const wrong = exampleOrder(1, { externalOrderNo: 'NOTED-1' });
    wrong.receiver = { ...wrong.receiver!, phone: '123' };
    const [held] = (await erp.post('/v1/intake/orders', { orders: [wrong] })).body.results[0].orderNos as string[];
    const noted = await pushOne(cs, 'NOTE', { orderNo: held, text: '买家来电：手机号稍后在平台上改正' });
    expect(noted).toMatchObject({ status: 'applied' });

    await boss.post('/v1/review/rules', { ...NO_REVIEW, amountAtLeast: 1000 });
    try {
      const fixed = await erp.post('/v1/intake/orders', { orders: [exampleOrder(1, { externalOrderNo: 'NOTED-1' })] });
      expect(fixed.body.results[0]).toMatchObject({ outcome: 'updated', orderNos: [held] });
    } finally {
      await boss.post('/v1/review/rules', NO_REVIEW);
    }

    const [order] = (await boss.get('/v1/orders?externalOrderNo=NOTED-1')).body.orders as OrderRecord[];
    expect(order).toMatchObject({ exception: null, review: { status: 'PENDING', reasons: ['AMOUNT_AT_LEAST'] } });
    expect(order!.timeline.map((t) => t.action)).toEqual([
      'CREATE',
      'PAY',
      'EXCEPTION',
      'NOTE',
      'EXCEPTION_CLEARED',
      'REVIEW_HOLD',
    ]);
    expect(order!.timeline.find((t) => t.action === 'NOTE')).toMatchObject({
      actor: 'service:cs-lead',
      detail: '买家来电：手机号稍后在平台上改正',
    });
    expect(inTimeOrder(order!.timeline)).toBe(true);
  });

  it('shows the payment once when the version that fixes an unpaid held order also pays it', async () => {
    const unpaid = exampleOrder(1, { externalOrderNo: 'PAID-LATER-1', status: 'UNPAID', payment: null });
    unpaid.receiver = { ...unpaid.receiver!, phone: '123' };
    const first = await erp.post('/v1/intake/orders', { orders: [unpaid] });
    expect(first.body.results[0]).toMatchObject({ outcome: 'exception' });

    const paid = await erp.post('/v1/intake/orders', {
      orders: [exampleOrder(1, { externalOrderNo: 'PAID-LATER-1' })],
    });
    expect(paid.body.results[0]).toMatchObject({ outcome: 'updated', orderNos: first.body.results[0].orderNos });

    const [order] = (await boss.get('/v1/orders?externalOrderNo=PAID-LATER-1')).body.orders as OrderRecord[];
    expect(order).toMatchObject({ exception: null, paymentStatus: 'PAID', status: 'PENDING_SHIPMENT' });
    expect(order!.timeline.map((t) => t.action)).toEqual(['CREATE', 'EXCEPTION', 'EXCEPTION_CLEARED', 'PAY']);
    expect(inTimeOrder(order!.timeline)).toBe(true);
  });
});
