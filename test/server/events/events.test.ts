import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderRecord } from '../../../src/shared/contract/records';
import { pushOne, sfTracking } from '../helpers';
import type { Session, TestService } from '../../support/service';
import { exampleOrder, PASSWORD, startCompany } from '../intake/company';

describe('buyer events told by the shop’s ERP', () => {
  let service: TestService;
  let erp: Session;
  let erpJd: Session;
  let boss: Session;

  const post = async (order: ReturnType<typeof exampleOrder>) =>
    (await erp.post('/v1/intake/orders', { orders: [order] })).body.results[0] as { orderNos: string[] };
  const order = async (orderNo: string): Promise<OrderRecord> => (await boss.get(`/v1/orders/${orderNo}`)).body;

  beforeAll(async () => {
    service = await startCompany();
    erp = await service.login('erp', PASSWORD);
    erpJd = await service.login('erp-jd', PASSWORD);
    boss = await service.login('boss', PASSWORD);
  });
  afterAll(() => service.close());

  it('pays an order named by the shop’s own number, logged as the buyer’s through the ERP', async () => {
    const { orderNos } = await post(exampleOrder(0, { externalOrderNo: 'EV-PAY', status: 'UNPAID', payment: null }));
    const paid = await erp.post('/v1/events/payment-confirmed', {
      shopId: 'TM-HEMU',
      externalOrderNo: 'EV-PAY',
      channel: 'ALIPAY',
      serialNo: '2025031422009999',
    });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    expect(paid.body.orders.map((o: OrderRecord) => [o.orderNo, o.status])).toEqual([
      [orderNos[0], 'PENDING_SHIPMENT'],
    ]);
    const record = await order(orderNos[0]!);
    expect(record.payment).toEqual({ channel: 'ALIPAY', serialNo: '2025031422009999' });
    expect(record.timeline.at(-1)).toMatchObject({ action: 'PAY', device: 'integration:erp' });
    expect(record.timeline.at(-1)!.actor).toMatch(/^buyer:/);
    expect(
      (await erp.post('/v1/events/payment-confirmed', { orderNo: orderNos[0], channel: 'ALIPAY' })).body.error.code,
    ).toBe('WRONG_STATUS');
  });

  it('keeps shops apart: another shop’s order is 403 by its number and 404 by ours', async () => {
    const { orderNos } = await post(exampleOrder(0, { externalOrderNo: 'EV-SCOPE', status: 'UNPAID', payment: null }));
    const byNumber = await erpJd.post('/v1/events/buyer-cancelled', {
      shopId: 'TM-HEMU',
      externalOrderNo: 'EV-SCOPE',
      reason: '不想要了',
    });
    expect(byNumber).toMatchObject({ status: 403, body: { error: { code: 'SHOP_NOT_IN_SCOPE' } } });
    const byOurs = await erpJd.post('/v1/events/buyer-cancelled', { orderNo: orderNos[0], reason: '不想要了' });
    expect(byOurs).toMatchObject({ status: 404, body: { error: { code: 'ORDER_NOT_FOUND' } } });
    expect((await erp.post('/v1/events/buyer-cancelled', { orderNo: orderNos[0] })).status).toBe(400);
    expect(
      (
        await erp.post('/v1/events/buyer-cancelled', {
          orderNo: orderNos[0],
          shopId: 'TM-HEMU',
          externalOrderNo: 'EV-SCOPE',
          reason: 'x',
        })
      ).status,
    ).toBe(400);

    const cancelled = await erp.post('/v1/events/buyer-cancelled', {
      shopId: 'TM-HEMU',
      externalOrderNo: 'EV-SCOPE',
      reason: '不想要了',
    });
    expect(cancelled.body.orders[0]).toMatchObject({ status: 'CANCELLED' });
  });

  it('takes a return request with the buyer’s return parcel, lets the buyer withdraw it, and handles receipt', async () => {
    const { orderNos } = await post(exampleOrder(1, { externalOrderNo: 'EV-RETURN' }));
    const [orderNo] = orderNos;
    const desk = await service.login('wh-gz', PASSWORD);
    const shipped = await pushOne(desk, 'SHIP', {
      orderNo,
      parcels: [{ carrier: 'SF', trackingNo: sfTracking(), lines: [{ lineNo: 1, quantity: 1 }] }],
    });
    expect(shipped.status).toBe('applied');

    const extended = await erp.post('/v1/events/receipt-extended', { shopId: 'TM-HEMU', externalOrderNo: 'EV-RETURN' });
    expect(extended.status).toBe(200);
    expect((await erp.post('/v1/events/receipt-extended', { orderNo })).body.error.code).toBe(
      'RECEIPT_ALREADY_EXTENDED',
    );

    const asked = await erp.post('/v1/events/after-sale-requested', {
      shopId: 'TM-HEMU',
      externalOrderNo: 'EV-RETURN',
      type: 'RETURN_REFUND',
      reason: '与商品描述不符',
      returnShipment: { carrier: 'YTO', trackingNo: 'YT8800442266999' },
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    expect(asked.body).toMatchObject({
      status: 'PENDING_REVIEW',
      returnShipment: { carrier: 'YTO', trackingNo: 'YT8800442266999' },
    });
    const record = await order(orderNo!);
    expect(record.afterSales[0]?.returnShipment).toEqual({ carrier: 'YTO', trackingNo: 'YT8800442266999' });
    expect(record.timeline.at(-1)?.detail).toContain('YT8800442266999');

    const withdrawn = await erp.post('/v1/events/after-sale-withdrawn', {
      orderNo,
      afterSaleNo: asked.body.afterSaleNo,
    });
    expect(withdrawn.body.afterSales[0].status).toBe('WITHDRAWN');
    const confirmed = await erp.post('/v1/events/receipt-confirmed', { orderNo });
    expect(confirmed.body).toMatchObject({ status: 'COMPLETED' });
  });

  it('asks which child an event is about when the order was split', async () => {
    const split = exampleOrder(0, { externalOrderNo: 'EV-SPLIT' });
    // The 8 cast-iron pots are in Hangzhou only, 310 summer quilts only Guangzhou has: two children.
    split.lines = [
      {
        ...split.lines[0]!,
        sku: 'HM-KT-001',
        platformItemId: undefined,
        platformSkuId: undefined,
        name: '珐琅铸铁锅',
        unitPrice: 69900,
        quantity: 8,
      },
      {
        ...split.lines[0]!,
        sku: 'HM-BD-010',
        platformItemId: undefined,
        platformSkuId: undefined,
        name: '大豆纤维夏被',
        unitPrice: 25900,
        quantity: 310,
      },
    ];
    split.amounts = { goods: 69900 * 8 + 25900 * 310, freight: 0, discounts: [], paid: 69900 * 8 + 25900 * 310 };
    const { orderNos } = await post(split);
    expect(orderNos).toHaveLength(2);
    const ambiguous = await erp.post('/v1/events/receipt-confirmed', {
      shopId: 'TM-HEMU',
      externalOrderNo: 'EV-SPLIT',
    });
    expect(ambiguous).toMatchObject({ status: 422, body: { error: { code: 'ORDER_AMBIGUOUS' } } });
  });
});
