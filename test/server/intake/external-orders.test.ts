import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntakeOrder } from '../../../src/shared/contract/intake';
import type { OrderRecord } from '../../../src/shared/contract/records';
import type { Session, TestService } from '../../support/service';
import { EXAMPLE_BATCH, PASSWORD, startCompany } from './company';

describe('orders from a shop, posted by its ERP to a company’s own service', () => {
  let service: TestService;
  let erp: Session;
  let boss: Session;

  beforeAll(async () => {
    service = await startCompany();
    erp = await service.login('erp', PASSWORD);
    boss = await service.login('boss', PASSWORD);
  });
  afterAll(() => service.close());

  /** A paid order for one in-store service (a voucher), as the shop's ERP posts it. */
  const serviceOrder = (externalOrderNo: string): IntakeOrder => ({
    ...structuredClone(EXAMPLE_BATCH.orders[1]!),
    externalOrderNo,
    receiver: null,
    lines: [{ sku: 'HM-SV-001', name: '到店布艺清洗服务', spec: '', image: '', unitPrice: 19900, quantity: 1 }],
    amounts: { goods: 19900, freight: 0, discounts: [], paid: 19900 },
  });
  /** The code rows the service holds for an order: a paid service order has exactly one. */
  const codesOf = (order: OrderRecord) =>
    service.query('SELECT code FROM redemption_codes WHERE order_no = ?', order.orderNo);

  it('takes the example batch: two orders created, the one naming an unknown SKU kept as an exception', async () => {
    const posted = await erp.post('/v1/intake/orders', EXAMPLE_BATCH);
    expect(posted.status, JSON.stringify(posted.body)).toBe(200);
    const results = posted.body.results;
    expect(results.map((r: { externalOrderNo: string }) => r.externalOrderNo)).toEqual(
      EXAMPLE_BATCH.orders.map((o) => o.externalOrderNo),
    );
    expect(results.map((r: { outcome: string }) => r.outcome)).toEqual(['created', 'created', 'exception']);
    expect(results[0].orderNos).toEqual([expect.stringMatching(/^E\d{6}0000\d{6}01$/)]);
    expect(results[2].reasons).toEqual([
      { code: 'SKU_UNKNOWN', message: expect.stringContaining('HM-AR-010'), path: 'lines.0.sku' },
    ]);

    const again = await erp.post('/v1/intake/orders', EXAMPLE_BATCH);
    expect(again.body.results.map((r: { outcome: string }) => r.outcome)).toEqual([
      'unchanged',
      'unchanged',
      'unchanged',
    ]);
    expect(again.body.results.map((r: { orderNos: string[] }) => r.orderNos)).toEqual(
      results.map((r: { orderNos: string[] }) => r.orderNos),
    );
  });

  it('puts all three in the admin’s pull, split, snapshotted and reserved like a checkout, the exception flagged with its reason', async () => {
    const { changes } = await boss.pullAll();
    const orders = changes.filter((c) => c.type === 'order').map((c) => c.order as OrderRecord);
    const byExternal = (no: string) => orders.filter((o) => o.external?.externalOrderNo === no);
    const [first] = byExternal('3620118837765401');
    expect(first).toMatchObject({
      source: 'EXTERNAL',
      platform: 'TMALL',
      status: 'PENDING_SHIPMENT',
      paymentStatus: 'PAID',
      warehouseId: 'WH-HZ',
      exception: null,
      external: { shopId: 'TM-HEMU', channel: 'TAOBAO', externalOrderNo: '3620118837765401' },
      payment: { channel: 'ALIPAY', serialNo: '2025031422001456781234567890' },
      amounts: { goodsTotal: 20700, couponDiscount: 1000, campaignDiscount: 1500, payable: 18200, paid: 18200 },
      paidAt: 1741915860000,
      remark: '请用纸箱包装，谢谢',
    });
    expect(first!.lines.map((l) => [l.sku, l.name, l.quantity, l.payable])).toEqual([
      ['HM-TW-001', '长绒棉毛巾', 2, expect.any(Number)],
      ['HM-CP-010', '316不锈钢保温杯', 1, expect.any(Number)],
    ]);
    expect(first!.lines.reduce((sum, l) => sum + l.payable, 0)).toBe(18200);
    expect(first!.promotions.map((p) => [p.kind, p.name, p.amount])).toEqual([
      ['COUPON', '店铺优惠券 满100减10', 1000],
      ['CAMPAIGN', '天猫官方立减', 1500],
    ]);
    expect(first!.timeline[0]).toMatchObject({ actor: 'shop:TM-HEMU', device: 'integration:erp', action: 'CREATE' });
    expect(first!.timeline[0]!.detail).toContain('禾木生活旗舰店（天猫）订单 3620118837765401');

    // By our own code (商家编码): the tea ships from Guangzhou, nearest to the buyer.
    expect(byExternal('3620230045129901')).toEqual([
      expect.objectContaining({
        warehouseId: 'WH-GZ',
        amounts: expect.objectContaining({ freight: 800, payable: 31960 }),
      }),
    ]);

    const [held] = byExternal('3620377712004451');
    expect(held).toMatchObject({
      status: 'PENDING_SHIPMENT',
      paymentStatus: 'PAID',
      warehouseId: null,
      // Whose order it is, even though none of its lines is a known product.
      merchantName: '杭州禾木生活用品有限公司',
      exception: {
        reasons: [{ code: 'SKU_UNKNOWN', detail: expect.stringContaining('HM-AR-010'), lineNo: 1 }],
        openedAt: service.clock.now(),
      },
    });
    expect(held!.lines[0]).toMatchObject({ sku: 'HM-AR-010', name: '香薰蜡烛礼盒（新品）', unitPrice: 16800 });
    expect(held!.timeline.map((t) => t.action)).toEqual(['CREATE', 'PAY', 'EXCEPTION']);
  });

  it('finds an order by its platform number, in the list filter and in free text', async () => {
    const exact = await boss.get('/v1/orders?externalOrderNo=3620230045129901');
    expect(exact.body.orders.map((o: OrderRecord) => o.external?.externalOrderNo)).toEqual(['3620230045129901']);
    const text = await boss.get('/v1/orders?text=36202300451');
    expect(text.body.orders).toHaveLength(1);
    expect((await boss.get('/v1/orders?externalOrderNo=nope')).body.orders).toEqual([]);
  });

  it('shows a warehouse desk only its own warehouse’s orders from the shop', async () => {
    const east = await service.login('wh-hz', PASSWORD);
    const south = await service.login('wh-gz', PASSWORD);
    const numbers = async (desk: Session) =>
      (await desk.pullAll()).changes
        .filter((c) => c.type === 'order')
        .map((c) => (c.order as OrderRecord).external?.externalOrderNo);
    expect(await numbers(east)).toEqual(['3620118837765401']);
    expect(await numbers(south)).toEqual(['3620230045129901']);
  });

  it('gives a paid service order from the shop its redemption code, redeemable in the merchant’s store', async () => {
    const voucher = serviceOrder('SERVICE-1');
    const posted = await erp.post('/v1/intake/orders', { orders: [voucher] });
    expect(posted.status, JSON.stringify(posted.body)).toBe(200);
    expect(posted.body.results[0]).toMatchObject({ outcome: 'created' });
    const [order] = (await boss.get('/v1/orders?externalOrderNo=SERVICE-1')).body.orders as OrderRecord[];
    expect(order).toMatchObject({
      kind: 'SERVICE',
      status: 'PENDING_REDEMPTION',
      storeId: 'ST-HZ01',
      redemptionCode: { usesTotal: 1, usesLeft: 1 },
    });
    expect(order!.timeline.map((e) => e.action)).toContain('ISSUE_CODE');
    expect(await codesOf(order!)).toHaveLength(1);
  });

  it('issues one code to a service order paid in a later version, and one to a held one when it is released', async () => {
    const later = { ...serviceOrder('SERVICE-LATER'), status: 'UNPAID' as const, payment: null };
    expect((await erp.post('/v1/intake/orders', { orders: [later] })).body.results[0]).toMatchObject({
      outcome: 'created',
    });
    expect(
      (await erp.post('/v1/intake/orders', { orders: [serviceOrder('SERVICE-LATER')] })).body.results[0],
    ).toMatchObject({ outcome: 'updated' });

    const unmapped = serviceOrder('SERVICE-HELD');
    unmapped.lines = [
      { ...unmapped.lines[0]!, sku: undefined, platformItemId: '680099990001', platformSkuId: '5000990001' },
    ];
    expect((await erp.post('/v1/intake/orders', { orders: [unmapped] })).body.results[0]).toMatchObject({
      outcome: 'exception',
    });
    const mapped = await boss.post('/v1/admin/shops/TM-HEMU/mappings', {
      platformItemId: '680099990001',
      platformSkuId: '5000990001',
      sku: 'HM-SV-001',
    });
    expect(mapped.status, JSON.stringify(mapped.body)).toBe(200);

    for (const externalOrderNo of ['SERVICE-LATER', 'SERVICE-HELD']) {
      const [order] = (await boss.get(`/v1/orders?externalOrderNo=${externalOrderNo}`)).body.orders as OrderRecord[];
      expect(order, externalOrderNo).toMatchObject({ status: 'PENDING_REDEMPTION', redemptionCode: { usesLeft: 1 } });
      expect(order!.timeline.filter((e) => e.action === 'ISSUE_CODE')).toHaveLength(1);
      expect(await codesOf(order!), externalOrderNo).toHaveLength(1);
    }
  });

  it('closes a service order that one later version pays and refunds, its one code no longer live', async () => {
    const unpaid = { ...serviceOrder('SERVICE-REFUNDED'), status: 'UNPAID' as const, payment: null };
    expect((await erp.post('/v1/intake/orders', { orders: [unpaid] })).body.results[0]).toMatchObject({
      outcome: 'created',
    });
    const refunded = {
      ...serviceOrder('SERVICE-REFUNDED'),
      refund: { status: 'COMPLETED' as const, type: 'REFUND_ONLY' as const, reason: '行程取消' },
    };
    const posted = await erp.post('/v1/intake/orders', { orders: [refunded] });
    expect(posted.status, JSON.stringify(posted.body)).toBe(200);
    expect(posted.body.results[0]).toMatchObject({ outcome: 'updated' });
    const [order] = (await boss.get('/v1/orders?externalOrderNo=SERVICE-REFUNDED')).body.orders as OrderRecord[];
    expect(order).toMatchObject({ status: 'CLOSED', paymentStatus: 'REFUNDED' });
    const codes = await service.query<{ live: unknown }>(
      'SELECT live FROM redemption_codes WHERE order_no = ?',
      order!.orderNo,
    );
    expect(codes.map((c) => Boolean(c.live))).toEqual([false]);
  });
});
