import { describe, expect, it } from 'vitest';
import type { DealerOrderInput } from '../../../src/shared/contract/sync';
import { CATALOGUE, MERCHANTS } from '../../../src/shared/demo/catalogue';
import { DEALERS } from '../../../src/shared/demo/places';
import { computeAmounts } from '../../../src/shared/domain/amounts';
import { makeOrderNumber } from '../../../src/shared/domain/order-number';
import {
  buildDealerOrderRecord,
  type CouponTerms,
  type DealerCatalogueEntry,
  type DealerOrderContext,
} from '../../../src/shared/intents';
import { desk, ok } from './fixtures';

const dealer = DEALERS[0];
const laptop: DealerOrderContext = { ...desk, actor: 'dealer:dealer1', device: 'DEV-1001', dealerName: dealer.name };

/** The platform's own goods, which dealers sell, at the dealer's price list (85% of list). */
const own = CATALOGUE.filter((s) => s.merchant.id === MERCHANTS.self.id && s.kind === 'PHYSICAL');
const [rice, towels] = [own[0]!, own[5]!];
const priceList = new Map<string, DealerCatalogueEntry>(
  own.map((s) => [
    s.sku,
    {
      merchantId: s.merchant.id,
      merchantName: s.merchant.name,
      name: s.name,
      spec: s.spec,
      image: s.image,
      dealerPrice: Math.round(s.unitPrice * 0.85),
      kind: s.kind,
    },
  ]),
);
const catalogue = (sku: string) => priceList.get(sku);
const dealerPrice = (sku: string) => priceList.get(sku)!.dealerPrice;

const lines = [
  { sku: rice.sku, quantity: 12, unitPrice: dealerPrice(rice.sku) },
  { sku: towels.sku, quantity: 30, unitPrice: dealerPrice(towels.sku) },
];
const plainAmounts = computeAmounts({
  lines: lines.map((l) => ({ unitPrice: l.unitPrice, quantity: l.quantity })),
  freight: 1500,
});

/** A dealer's order as its laptop makes it: its own number, its price list, a Shanghai customer. */
const input: DealerOrderInput = {
  orderNo: makeOrderNumber({ source: 'DEALER', at: desk.now, deviceCode: dealer.deviceCode, seq: 7 }),
  dealerId: dealer.id,
  buyer: { id: 'C-20931', account: '13916880021', level: '', name: '上海云启信息科技有限公司' },
  receiver: {
    name: ' 周敏 ',
    phone: '13916880021',
    province: '上海市',
    city: '上海市',
    district: '徐汇区',
    address: '漕溪北路88号圣爱大厦12楼 ',
    postcode: '200030',
  },
  lines,
  freight: 1500,
  couponId: null,
  campaignId: null,
  memberRateBp: null,
  memberBenefit: 0,
  pointsUsed: 0,
  invoice: null,
  remark: '月结客户，按合同价',
  paymentChannel: 'BANK_TRANSFER',
  expectedPayable: plainAmounts.payable,
};

describe('buildDealerOrderRecord', () => {
  it('builds the paid, 待发货 order the dealer sees while it waits to sync', () => {
    const { record, receiptExtended } = ok(buildDealerOrderRecord(input, catalogue, laptop));
    expect(receiptExtended).toBe(false);
    expect(record).toMatchObject({
      orderNo: `${input.orderNo}01`,
      parentNo: input.orderNo,
      kind: 'PHYSICAL',
      source: 'DEALER',
      platform: 'OFFLINE',
      status: 'PENDING_SHIPMENT',
      paymentStatus: 'PAID',
      refundStatus: 'NONE',
      merchantId: MERCHANTS.self.id,
      merchantName: MERCHANTS.self.name,
      warehouseId: null,
      storeId: null,
      dealerId: dealer.id,
      payment: { channel: 'BANK_TRANSFER', serialNo: null },
      receiver: { name: '周敏', address: '漕溪北路88号圣爱大厦12楼' },
      createdAt: desk.now,
      paidAt: desk.now,
      updatedAt: desk.now,
      amounts: {
        goodsTotal: plainAmounts.goodsTotal,
        freight: 1500,
        payable: plainAmounts.payable,
        paid: plainAmounts.payable,
      },
      promotions: [],
      waybills: [],
      redemptionCode: null,
    });
    expect(record.lines.map((l) => [l.lineNo, l.sku, l.quantity, l.unitPrice, l.payable, l.shippedQuantity])).toEqual([
      [1, rice.sku, 12, dealerPrice(rice.sku), 12 * dealerPrice(rice.sku), 0],
      [2, towels.sku, 30, dealerPrice(towels.sku), 30 * dealerPrice(towels.sku), 0],
    ]);
    expect(record.timeline).toEqual([
      {
        at: desk.now,
        actor: 'dealer:dealer1',
        device: 'DEV-1001',
        action: 'CREATE',
        detail: expect.stringMatching(new RegExp(`^${dealer.name} 录单，共 2 种商品，应付 ¥`)),
      },
      {
        at: desk.now,
        actor: 'dealer:dealer1',
        device: 'DEV-1001',
        action: 'PAY',
        detail: expect.stringMatching(/（BANK_TRANSFER）$/),
      },
    ]);
  });

  it('prices a coupon, the member rate and points exactly as computeAmounts does', () => {
    const coupon: CouponTerms = {
      id: 'CP-DL01-50',
      name: '经销商满500减50',
      amountOff: 5000,
      thresholdFen: 50000,
      dealerId: dealer.id,
    };
    const expected = computeAmounts({
      lines: lines.map((l) => ({ unitPrice: l.unitPrice, quantity: l.quantity })),
      freight: 1500,
      memberRateBp: 9500,
      coupon: { id: coupon.id, amountOff: coupon.amountOff, thresholdFen: coupon.thresholdFen },
      memberBenefit: 0,
      points: { used: 2000 },
    });
    const order = {
      ...input,
      couponId: coupon.id,
      memberRateBp: 9500,
      pointsUsed: 2000,
      expectedPayable: expected.payable,
    };
    const { record } = ok(buildDealerOrderRecord(order, catalogue, { ...laptop, coupon }));
    expect(record.amounts).toMatchObject({
      couponDiscount: expected.couponDiscount,
      memberDiscount: expected.memberDiscount,
      pointsDeduction: expected.pointsDeduction,
      pointsUsed: expected.pointsUsed,
      payable: expected.payable,
    });
    expect(record.promotions.map((p) => [p.kind, p.name, p.amount])).toEqual([
      ['COUPON', '经销商满500减50', expected.couponDiscount],
      ['MEMBER_DISCOUNT', '会员 9.5 折', expected.memberDiscount],
      ['POINTS', '积分抵扣 2000 积分', expected.pointsDeduction],
    ]);
    const discounts = record.lines.reduce((n, l) => n + l.discount, 0);
    expect(discounts).toBe(expected.totalDiscount - expected.freightDiscount);
  });

  it('refuses the order with every failing field named, as the service would', () => {
    const bad: DealerOrderInput = {
      ...input,
      receiver: { ...input.receiver, phone: '021-6488', address: ' ' },
      lines: [
        { ...lines[0]!, unitPrice: lines[0]!.unitPrice - 100 },
        { sku: 'NO-SUCH-SKU', quantity: 1, unitPrice: 9900 },
      ],
    };
    expect(buildDealerOrderRecord(bad, catalogue, laptop)).toEqual({
      ok: false,
      code: 'DEALER_ORDER_REJECTED',
      message: `Dealer order ${input.orderNo} failed 4 check(s)`,
      fieldErrors: {
        'receiver.phone': 'PHONE_FORMAT',
        'receiver.address': 'REQUIRED',
        'lines.0.unitPrice': 'PRICE_MISMATCH',
        'lines.1.sku': 'SKU_UNKNOWN',
      },
    });
  });

  it('refuses a payable other than the one the dealer saw, rather than charging it', () => {
    const result = buildDealerOrderRecord({ ...input, expectedPayable: input.expectedPayable - 1 }, catalogue, laptop);
    expect(result).toMatchObject({ ok: false, fieldErrors: { expectedPayable: 'AMOUNT_MISMATCH' } });
  });

  it('refuses a coupon the laptop has no terms for, or another dealer’s coupon, as unknown', () => {
    const withCoupon = { ...input, couponId: 'CP-X' };
    expect(buildDealerOrderRecord(withCoupon, catalogue, laptop)).toMatchObject({
      ok: false,
      fieldErrors: { couponId: 'COUPON_UNKNOWN' },
    });
    const theirs: CouponTerms = {
      id: 'CP-X',
      name: '满100减10',
      amountOff: 1000,
      thresholdFen: 10000,
      dealerId: 'DL-02',
    };
    expect(buildDealerOrderRecord(withCoupon, catalogue, { ...laptop, coupon: theirs })).toMatchObject({
      ok: false,
      fieldErrors: { couponId: 'COUPON_UNKNOWN' },
    });
  });

  it('refuses goods that are no longer on sale', () => {
    const offSale = (sku: string) => (sku === rice.sku ? { ...priceList.get(sku)!, onSale: false } : catalogue(sku));
    expect(buildDealerOrderRecord(input, offSale, laptop)).toMatchObject({
      ok: false,
      fieldErrors: { 'lines.0.sku': 'NOT_ON_SALE' },
    });
  });

  it('gives the same record for the same input on every run', () => {
    expect(buildDealerOrderRecord(input, catalogue, laptop)).toEqual(buildDealerOrderRecord(input, catalogue, laptop));
  });
});
