import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderRecord } from '../../../src/shared/contract/records';
import type { DealerOrderInput } from '../../../src/shared/contract/sync';
import { makeOrderNumber } from '../../../src/shared/domain/order-number';
import { DEMO_PRODUCTS, dealerPriceList, demoStock } from '../../../src/server/demo/company';
import { startTestService, type Session, type TestService } from '../../support/service';
import { dealerPrice, getOrder, pushOne, SELF, sku } from '../helpers';

/** Stock of an item as the dealer's catalogue shows it right now. */
async function catalogueStock(
  dealer: Session,
  skuCode: string,
  cursor = '',
): Promise<{ stock: number; cursor: string }> {
  const pulled = await dealer.pullAll(cursor, 5000);
  const item = pulled.changes.filter((c) => c.type === 'catalogue' && c.item.sku === skuCode).at(-1);
  if (!item) throw new Error(`no catalogue change for ${skuCode}`);
  return { stock: item.item.stock, cursor: pulled.cursor };
}

describe('dealer order intake: CREATE_DEALER_ORDER', () => {
  let service: TestService;
  let dealer: Session;
  let supervisor: Session;
  let admin: Session;
  let seq = 0;

  const rice = sku('PHYSICAL', { merchantId: SELF, nth: 20 });
  const towels = sku('PHYSICAL', { merchantId: SELF, nth: 40 });

  /** A dealer's order as its laptop makes it: its own number, its price list, a Shanghai customer. */
  async function draft(
    lines: Array<{ sku: string; quantity: number }>,
    extra: Partial<DealerOrderInput> = {},
  ): Promise<DealerOrderInput> {
    const { deviceCode } = await dealer.device();
    // Items the dealer cannot order at all still need some price on the form.
    const listed = new Set(dealerPriceList('DL-01').map((p) => p.sku));
    const priced = lines.map((l) => ({ ...l, unitPrice: listed.has(l.sku) ? dealerPrice('DL-01', l.sku) : 9900 }));
    const base: Omit<DealerOrderInput, 'expectedPayable'> = {
      orderNo: makeOrderNumber({ source: 'DEALER', at: service.clock.now(), deviceCode, seq: ++seq }),
      dealerId: 'DL-01',
      buyer: { id: 'C-20931', account: '13916880021', level: '', name: '上海云启信息科技有限公司' },
      receiver: {
        name: '周敏',
        phone: '13916880021',
        province: '上海市',
        city: '上海市',
        district: '徐汇区',
        address: '漕溪北路88号圣爱大厦12楼',
        postcode: '200030',
      },
      lines: priced,
      freight: 1500,
      couponId: null,
      campaignId: null,
      memberRateBp: null,
      memberBenefit: 0,
      pointsUsed: 0,
      invoice: {
        type: 'VAT_SPECIAL',
        titleType: 'COMPANY',
        title: '上海云启信息科技有限公司',
        taxNo: '91310115MA1K4LQX2E',
        content: '商品明细',
      },
      remark: '月结客户，按合同价',
      paymentChannel: 'BANK_TRANSFER',
      ...extra,
    };
    const quote = await dealer.post('/v1/orders/quote', {
      dealerId: base.dealerId,
      lines: base.lines,
      freight: base.freight,
      couponId: base.couponId,
      campaignId: base.campaignId,
      memberRateBp: base.memberRateBp,
      memberBenefit: base.memberBenefit,
      pointsUsed: base.pointsUsed,
    });
    return { ...base, expectedPayable: quote.status === 200 ? quote.body.payable : 0, ...extra };
  }

  beforeAll(async () => {
    service = await startTestService({ demoOrders: 100 });
    dealer = await service.login('dealer1');
    supervisor = await service.login('service1');
    admin = await service.login('admin');
  });
  afterAll(() => service.close());

  it('accepts a well-formed order: paid, 待发货 in the nearest warehouse, stock reserved', async () => {
    const before = await catalogueStock(dealer, rice);
    const order = await draft([
      { sku: rice, quantity: 12 },
      { sku: towels, quantity: 30 },
    ]);
    const result = await pushOne(dealer, 'CREATE_DEALER_ORDER', order);
    expect(result).toMatchObject({
      status: 'applied',
      order: {
        orderNo: `${order.orderNo}01`,
        parentNo: order.orderNo,
        source: 'DEALER',
        platform: 'OFFLINE',
        dealerId: 'DL-01',
        status: 'PENDING_SHIPMENT',
        paymentStatus: 'PAID',
        warehouseId: 'WH-SH',
        payment: { channel: 'BANK_TRANSFER' },
        amounts: { payable: order.expectedPayable, paid: order.expectedPayable, freight: 1500 },
      },
    });
    expect(result.order!.lines.map((l) => [l.sku, l.quantity, l.unitPrice])).toEqual([
      [rice, 12, dealerPrice('DL-01', rice)],
      [towels, 30, dealerPrice('DL-01', towels)],
    ]);
    expect(result.order!.timeline.map((t) => t.action)).toEqual(['CREATE', 'PAY']);
    expect((await catalogueStock(dealer, rice, before.cursor)).stock).toBe(before.stock - 12);
  });

  it('names every failing field of a rejected order, and creates nothing', async () => {
    const offSale = DEMO_PRODUCTS.find((p) => !p.onSale && p.merchantId === SELF && p.kind === 'PHYSICAL')!.sku;
    const thirdParty = sku('PHYSICAL', { merchantId: 'MCH-1001' });
    const order = await draft(
      [
        { sku: rice, quantity: 2 },
        { sku: towels, quantity: 99_999 },
        { sku: 'NO-SUCH-SKU', quantity: 1 },
        { sku: offSale, quantity: 1 },
        { sku: thirdParty, quantity: 1 },
      ],
      {
        receiver: {
          name: ' ',
          phone: '021-6488 1234',
          province: '上海市',
          city: '  ',
          district: '',
          address: '漕溪北路88号',
          postcode: '',
        },
        expectedPayable: 1,
      },
    );
    order.lines[0]!.unitPrice += 100;
    const before = await service.snapshot();
    const result = await pushOne(dealer, 'CREATE_DEALER_ORDER', order);
    expect(result).toMatchObject({ status: 'rejected', code: 'DEALER_ORDER_REJECTED' });
    expect(result.fieldErrors).toEqual({
      'receiver.name': 'REQUIRED',
      'receiver.phone': 'PHONE_FORMAT',
      'receiver.city': 'REQUIRED',
      'lines.0.unitPrice': 'PRICE_MISMATCH',
      'lines.1.quantity': 'STOCK_SHORT',
      'lines.2.sku': 'SKU_UNKNOWN',
      'lines.3.sku': 'NOT_ON_SALE',
      'lines.4.sku': 'NOT_IN_PRICE_LIST',
    });
    const after = await service.snapshot();
    expect(after.orders).toBe(before.orders);
    expect(after.rows.orders).toBe(before.rows.orders);
    expect(after.rows.intents).toBe(before.rows.intents! + 1);
  });

  it('refuses a payable that disagrees with the service, a foreign number, another dealer', async () => {
    const wrongAmount = await draft([{ sku: rice, quantity: 3 }]);
    wrongAmount.expectedPayable -= 1;
    expect(await pushOne(dealer, 'CREATE_DEALER_ORDER', wrongAmount)).toMatchObject({
      code: 'DEALER_ORDER_REJECTED',
      fieldErrors: { expectedPayable: 'AMOUNT_MISMATCH' },
    });

    const foreign = await draft([{ sku: rice, quantity: 3 }], {
      orderNo: makeOrderNumber({ source: 'DEALER', at: service.clock.now(), deviceCode: 1002, seq: 1 }),
    });
    expect((await pushOne(dealer, 'CREATE_DEALER_ORDER', foreign)).fieldErrors).toEqual({
      orderNo: 'ORDER_NO_FOREIGN_DEVICE',
    });
    const mall = await draft([{ sku: rice, quantity: 3 }], {
      orderNo: makeOrderNumber({
        source: 'MALL',
        at: service.clock.now(),
        deviceCode: (await dealer.device()).deviceCode,
        seq: 1,
      }),
    });
    expect((await pushOne(dealer, 'CREATE_DEALER_ORDER', mall)).fieldErrors).toEqual({ orderNo: 'ORDER_NO_SOURCE' });
    const child = await draft([{ sku: rice, quantity: 3 }]);
    expect(
      (await pushOne(dealer, 'CREATE_DEALER_ORDER', { ...child, orderNo: `${child.orderNo}01` })).fieldErrors,
    ).toEqual({
      orderNo: 'ORDER_NO_FORMAT',
    });

    const notMine = await draft([{ sku: rice, quantity: 3 }], { dealerId: 'DL-02' });
    expect((await pushOne(dealer, 'CREATE_DEALER_ORDER', notMine)).fieldErrors).toEqual({
      dealerId: 'DEALER_NOT_ENTITLED',
    });
  });

  it('takes an order number once: a second order under it is ORDER_NO_TAKEN, a retry is a duplicate', async () => {
    const order = await draft([{ sku: rice, quantity: 1 }]);
    const intent = dealer.intent('CREATE_DEALER_ORDER', order);
    expect((await dealer.push([intent])).body.results[0]).toMatchObject({ status: 'applied' });
    expect((await dealer.push([intent])).body.results[0]).toMatchObject({
      status: 'duplicate',
      order: { parentNo: order.orderNo },
    });
    expect(await pushOne(dealer, 'CREATE_DEALER_ORDER', { ...order, remark: '重复提交' })).toMatchObject({
      status: 'rejected',
      code: 'ORDER_NO_TAKEN',
    });
  });

  it('accepts a corrected order under the number of a rejected one', async () => {
    const order = await draft([{ sku: rice, quantity: 1 }]);
    expect(
      await pushOne(dealer, 'CREATE_DEALER_ORDER', { ...order, receiver: { ...order.receiver, phone: '1391688' } }),
    ).toMatchObject({
      code: 'DEALER_ORDER_REJECTED',
    });
    expect(await pushOne(dealer, 'CREATE_DEALER_ORDER', order)).toMatchObject({ status: 'applied' });
  });

  it('splits an order by warehouse when no one warehouse can ship it all', async () => {
    const stock = demoStock();
    const level = (s: string, w: string) => stock.find((r) => r.sku === s && r.warehouseId === w)?.onHand ?? 0;
    // One item only Guangzhou can cover, one only Shanghai can: two parcels, two child orders.
    const candidates = DEMO_PRODUCTS.filter((p) => p.onSale && p.merchantId === SELF && p.kind === 'PHYSICAL').map(
      (p) => p.sku,
    );
    const onlyGz = candidates.find(
      (s) => level(s, 'WH-GZ') > level(s, 'WH-SH') + 10 && level(s, 'WH-GZ') > level(s, 'WH-BJ') + 10,
    )!;
    const onlySh = candidates.find(
      (s) => s !== onlyGz && level(s, 'WH-SH') > level(s, 'WH-GZ') + 10 && level(s, 'WH-SH') > level(s, 'WH-BJ') + 10,
    )!;
    const order = await draft([
      { sku: onlyGz, quantity: Math.max(level(onlyGz, 'WH-SH'), level(onlyGz, 'WH-BJ')) + 5 },
      { sku: onlySh, quantity: Math.max(level(onlySh, 'WH-GZ'), level(onlySh, 'WH-BJ')) + 5 },
    ]);
    const result = await pushOne(dealer, 'CREATE_DEALER_ORDER', order);
    expect(result.status, JSON.stringify(result)).toBe('applied');
    const children: OrderRecord[] = (await dealer.get(`/v1/orders?orderNo=${order.orderNo}`)).body.orders;
    expect(children.map((c) => [c.orderNo, c.warehouseId, c.lines[0]!.sku]).sort()).toEqual(
      [
        [`${order.orderNo}01`, 'WH-GZ', onlyGz],
        [`${order.orderNo}02`, 'WH-SH', onlySh],
      ].sort(),
    );
    expect(children.reduce((sum, c) => sum + c.amounts.payable, 0)).toBe(order.expectedPayable);
  });

  it('gives reserved stock back when the dealer’s order is refunded before shipping', async () => {
    const before = await catalogueStock(dealer, towels);
    const order = await draft([{ sku: towels, quantity: 8 }]);
    const created = await pushOne(dealer, 'CREATE_DEALER_ORDER', order);
    const orderNo = created.order!.orderNo;
    const reserved = await catalogueStock(dealer, towels, before.cursor);
    expect(reserved.stock).toBe(before.stock - 8);

    const request = await admin.post('/v1/events/after-sale-requested', {
      orderNo: orderNo,
      type: 'REFUND_ONLY',
      reason: '客户取消采购',
    });
    expect(request.status).toBe(200);
    const afterSaleId = request.body.id;
    expect(await pushOne(supervisor, 'AFTER_SALE_APPROVE', { orderNo, afterSaleId })).toMatchObject({
      status: 'applied',
    });
    expect(await pushOne(supervisor, 'AFTER_SALE_REFUND', { orderNo, afterSaleId })).toMatchObject({
      status: 'applied',
      order: { status: 'CLOSED', paymentStatus: 'REFUNDED' },
    });
    expect((await catalogueStock(dealer, towels, reserved.cursor)).stock).toBe(before.stock);
    expect((await getOrder(dealer, orderNo)).timeline.map((t) => t.action)).toEqual([
      'CREATE',
      'PAY',
      'AFTER_SALE_APPLY',
      'AFTER_SALE_APPROVE',
      'REFUND',
      'CLOSE',
    ]);
  });

  it('accepts an order with a service in it: the service child is saved with one code, redeemed at a store', async () => {
    // A dealer who also sells the stores' services (a set-up may put any product in a price list).
    const service_ = sku('SERVICE', { uses: 1 });
    await service.fixture(
      'INSERT INTO dealer_prices (dealer_id, sku, price) VALUES (?, ?, ?)',
      'DL-01',
      service_,
      9900,
    );
    const order = await draft([
      { sku: rice, quantity: 2 },
      { sku: service_, quantity: 1 },
    ]);
    const result = await pushOne(dealer, 'CREATE_DEALER_ORDER', order);
    expect(result.status, JSON.stringify(result)).toBe('applied');
    const children: OrderRecord[] = (await dealer.get(`/v1/orders?orderNo=${order.orderNo}`)).body.orders;
    const voucher = children.find((c) => c.kind === 'SERVICE')!;
    expect(voucher).toMatchObject({
      status: 'PENDING_REDEMPTION',
      paymentStatus: 'PAID',
      redemptionCode: { usesTotal: 1, usesLeft: 1 },
    });
    expect(voucher.timeline.map((t) => t.action)).toEqual(['CREATE', 'PAY', 'ISSUE_CODE']);
    const codes = await service.query('SELECT code FROM redemption_codes WHERE order_no = ?', voucher.orderNo);
    expect(codes).toHaveLength(1);

    const clerk = await service.login('clerk1');
    const redeemed = await clerk.post('/v1/redemptions/redeem', {
      code: await service.codeOf(voucher),
      storeId: 'ST-01',
      requestId: randomUUID(),
    });
    expect(redeemed.status, JSON.stringify(redeemed.body)).toBe(200);
    expect(await getOrder(dealer, voucher.orderNo)).toMatchObject({
      status: 'COMPLETED',
      redemptionCode: { usesLeft: 0 },
    });
  });

  it('quotes a draft as intake will price it: campaign, or the coupon instead, never both', async () => {
    const food = DEMO_PRODUCTS.find((p) => p.campaignId === 'DC-ZK95' && p.onSale)!.sku;
    const lines = [{ sku: food, quantity: 40, unitPrice: dealerPrice('DL-01', food) }];
    const body = {
      dealerId: 'DL-01',
      lines,
      freight: 0,
      couponId: null,
      campaignId: 'DC-ZK95',
      memberRateBp: null,
      memberBenefit: 0,
      pointsUsed: 0,
    };
    const withCampaign = await dealer.post('/v1/orders/quote', body);
    expect(withCampaign.status).toBe(200);
    const amount = withCampaign.body.orderAmount;
    expect(amount).toBeGreaterThanOrEqual(100_000);
    expect(withCampaign.body).toMatchObject({
      campaignDiscount: Math.round(amount * 0.05),
      couponDiscount: 0,
      fieldErrors: {},
    });

    // The campaign is met: a coupon is refused with the reason, and the campaign still applies.
    const withCoupon = await dealer.post('/v1/orders/quote', { ...body, couponId: 'DCP-500-50' });
    expect(withCoupon.body).toMatchObject({ campaignDiscount: Math.round(amount * 0.05), couponDiscount: 0 });
    expect(withCoupon.body.fieldErrors).toEqual({ couponId: 'CAMPAIGN_APPLIES' });
    expect(withCoupon.body.couponsAvailable).toBe(false);
    // Not even by leaving the campaign out: the goods are in it and the order meets it.
    const withoutCampaign = await dealer.post('/v1/orders/quote', {
      ...body,
      campaignId: null,
      couponId: 'DCP-500-50',
    });
    expect(withoutCampaign.body).toMatchObject({ couponDiscount: 0, fieldErrors: { couponId: 'CAMPAIGN_APPLIES' } });
    // Chosen while the order did not meet the campaign, the coupon stays and the campaign stays out.
    const first = await dealer.post('/v1/orders/quote', { ...body, couponId: 'DCP-500-50', couponChosenFirst: true });
    expect(first.body).toMatchObject({ campaignDiscount: 0, couponDiscount: 5000, payable: amount - 5000 });
    expect(first.body.fieldErrors).toEqual({ campaignId: 'COUPON_CHOSEN' });

    // The service checks the chosen terms against its own: another dealer's coupon, a campaign it does not run.
    const foreign = await dealer.post('/v1/orders/quote', { ...body, campaignId: null, couponId: 'DCP-DL02-2000-150' });
    const unrun = await dealer.post('/v1/orders/quote', { ...body, campaignId: 'DC-NO-SUCH' });
    expect(foreign).toMatchObject({ status: 422, body: { error: { fieldErrors: { couponId: 'COUPON_UNKNOWN' } } } });
    expect(unrun).toMatchObject({ status: 422, body: { error: { fieldErrors: { campaignId: 'CAMPAIGN_UNKNOWN' } } } });

    const unknown = await dealer.post('/v1/orders/quote', {
      ...body,
      lines: [{ sku: 'NO-SUCH-SKU', quantity: 1, unitPrice: 100 }],
    });
    expect(unknown).toMatchObject({
      status: 422,
      body: { error: { code: 'DEALER_ORDER_REJECTED', fieldErrors: { 'lines.0.sku': 'SKU_UNKNOWN' } } },
    });
    expect(await (await service.login('warehouse1')).post('/v1/orders/quote', body)).toMatchObject({ status: 403 });
  });
});
