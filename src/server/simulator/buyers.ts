import type { IntakeOrder, IntakeResult } from '../../shared/contract/intake';
import type { OrderRecord } from '../../shared/contract/records';
import { demoBuyer } from '../../shared/demo/people';
import { Random } from '../../shared/demo/random';
import { formatCodeForDisplay } from '../../shared/domain/redemption-code';
import type { AfterSaleType, OrderKind, PaymentChannel } from '../../shared/domain/vocabulary';
import { DEMO_PRODUCTS, DEMO_SEED, DEMO_SHOPS } from '../demo/company';
import type { ServiceClient } from './client';

const MINUTE = 60_000;
const ON_SALE = (kind: OrderKind) => DEMO_PRODUCTS.filter((p) => p.kind === kind && p.onSale);
const GOODS = { PHYSICAL: ON_SALE('PHYSICAL'), SERVICE: ON_SALE('SERVICE'), VIRTUAL: ON_SALE('VIRTUAL') } as const;
const CHANNELS: PaymentChannel[] = ['ALIPAY', 'WECHAT_PAY', 'UNIONPAY', 'BALANCE'];
const REASONS: Record<AfterSaleType, string[]> = {
  REFUND_ONLY: ['不想要了', '拍错了/多拍了', '地址填写错误'],
  RETURN_REFUND: ['尺码不合适', '商品质量问题', '与商品描述不符', '七天无理由退货'],
  EXCHANGE: ['尺码不合适，换大一码', '颜色不喜欢，换其他颜色'],
};
/** A new product someone listed on a platform before the company put it in its catalogue. */
const UNLISTED = { sku: 'NEW-LISTING-01', name: '新品预售款（未建档）', unitPrice: 9900 };

export type Log = (line: string) => void;

interface Placed {
  shopId: string;
  externalOrderNo: string;
  payAt: number;
}

/**
 * What the demo company's shoppers do all day on its shops (天猫, 京东, 拼多多, 抖店), told to the
 * service exactly as the company's ERP would tell it: orders through the intake API (most unpaid at
 * first, some already paid, now and then one with an item nobody has put in the catalogue yet,
 * which waits in the exception queue), then buyer events: payments (service purchases print their
 * codes, so a person at a counter can redeem them), after-sales requests with the return parcel,
 * confirmations and extensions of receipt.
 */
export class Buyers {
  private readonly rng = new Random(Date.now() % 2 ** 31);
  private readonly unpaid: Placed[] = [];
  readonly counts: Record<string, number> = {};

  constructor(
    private readonly service: ServiceClient,
    private readonly log: Log,
  ) {}

  /** One buyer action, chosen by how often shoppers do it. */
  async act(): Promise<void> {
    const due = this.unpaid.findIndex((u) => u.payAt <= Date.now());
    if (due >= 0) return this.pay(this.unpaid.splice(due, 1)[0]!);
    const action = this.rng.weighted<() => Promise<void>>([
      [() => this.checkout(), 60],
      [() => this.afterSale(), 12],
      [() => this.confirm(), 8],
      [() => this.extend(), 3],
    ]);
    return action();
  }

  private count(what: string): void {
    this.counts[what] = (this.counts[what] ?? 0) + 1;
  }

  /** An order as the shop's platform has it, in intake's shape: its prices, its discount, its numbers. */
  private order(): IntakeOrder {
    const { rng } = this;
    const kind = rng.weighted<OrderKind>([
      ['PHYSICAL', 80],
      ['SERVICE', 12],
      ['VIRTUAL', 8],
    ]);
    const distinct =
      kind === 'PHYSICAL'
        ? rng.weighted([
            [1, 60],
            [2, 28],
            [3, 12],
          ] as const)
        : 1;
    const products = rng.sample([...GOODS[kind]], distinct);
    const lines = products.map((p, i) => ({
      platformLineId: `${rng.digits(9)}${i}`,
      sku: p.sku,
      name: p.name,
      spec: p.spec,
      image: p.image,
      unitPrice: p.listPrice,
      quantity: rng.weighted([
        [1, 80],
        [2, 15],
        [3, 5],
      ] as const),
    }));
    if (kind === 'PHYSICAL' && rng.chance(0.03))
      lines.push({ ...UNLISTED, platformLineId: rng.digits(10), spec: '', image: '', quantity: 1 });
    const goods = lines.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0);
    const freight = kind === 'PHYSICAL' && goods < 9900 ? 800 : 0;
    const discounts =
      goods >= 20_000 && rng.chance(0.4)
        ? [{ kind: 'COUPON' as const, name: '店铺优惠券 满200减20', refId: `CPN-${rng.digits(6)}`, amount: 2000 }]
        : [];
    const paid = goods + freight - discounts.reduce((sum, d) => sum + d.amount, 0);
    const buyer = demoBuyer(DEMO_SEED, rng.int(0, 9_999));
    const payNow = rng.chance(0.3);
    const now = Date.now();
    return {
      shopId: rng.pick(DEMO_SHOPS).id,
      externalOrderNo: `${rng.int(1, 9)}${rng.digits(9)}${rng.digits(8)}`,
      status: payNow ? 'PAID' : 'UNPAID',
      platformStatus: payNow ? 'WAIT_SELLER_SEND_GOODS' : 'WAIT_BUYER_PAY',
      createdAt: now,
      buyer: { id: buyer.id, account: buyer.account, level: buyer.level.name, name: buyer.name },
      receiver: {
        name: buyer.name,
        phone: buyer.phone,
        province: buyer.home.province,
        city: buyer.home.city,
        district: buyer.home.district,
        address: buyer.home.address,
        postcode: '',
      },
      lines,
      amounts: { goods, freight, discounts, paid },
      payment: payNow ? { channel: rng.pick(CHANNELS), serialNo: rng.digits(16), paidAt: now } : null,
      buyerRemark: '',
      invoice: null,
      refund: null,
    };
  }

  private async checkout(): Promise<void> {
    const order = this.order();
    const answer = await this.service.call<{ results: IntakeResult[]; error?: { code: string } }>(
      'POST',
      '/v1/intake/orders',
      { orders: [order] },
    );
    const result = answer.body.results?.[0];
    if (answer.status !== 200 || !result) return this.refused('intake', answer.body.error?.code);
    this.count(`intake ${result.outcome}`);
    const where = DEMO_SHOPS.find((s) => s.id === order.shopId)?.name ?? order.shopId;
    this.log(
      `${where} 下单 ${order.externalOrderNo} → ${result.orderNos.join(', ')} ${result.outcome}${
        result.reasons.length ? `：${result.reasons.map((r) => r.message).join('；')}` : ''
      }`,
    );
    // Most shoppers pay within a minute or two; one in ten walks away and the order stays unpaid.
    if (order.status === 'UNPAID' && result.outcome !== 'rejected' && this.rng.chance(0.9))
      this.unpaid.push({
        shopId: order.shopId,
        externalOrderNo: order.externalOrderNo,
        payAt: Date.now() + this.rng.int(2_000, 2 * MINUTE),
      });
  }

  private async pay(placed: Placed): Promise<void> {
    const answer = await this.service.call<{
      orders: OrderRecord[];
      codes: Array<{ orderNo: string; code: string }>;
      error?: { code: string };
    }>('POST', '/v1/events/payment-confirmed', {
      shopId: placed.shopId,
      externalOrderNo: placed.externalOrderNo,
      channel: this.rng.pick(CHANNELS),
      serialNo: this.rng.digits(16),
    });
    if (answer.status !== 200) return this.refused('pay', answer.body.error?.code);
    this.count('pay');
    for (const order of answer.body.orders) {
      const code = answer.body.codes.find((c) => c.orderNo === order.orderNo)?.code;
      this.log(
        code && order.redemptionCode
          ? `支付 ${order.orderNo}：服务券核销码 ${formatCodeForDisplay(code)}（${order.storeId}，可用 ${order.redemptionCode.usesLeft} 次）`
          : `支付 ${order.orderNo}`,
      );
    }
  }

  /** A recent order from the shops in the given statuses, as a shopper looking at "my orders" would pick one. */
  private async recent(statuses: string): Promise<OrderRecord | null> {
    const answer = await this.service.call<{ orders: OrderRecord[] }>(
      'GET',
      `/v1/orders?statuses=${statuses}&kinds=PHYSICAL&sources=EXTERNAL&limit=50`,
    );
    return answer.status === 200 && answer.body.orders.length > 0 ? this.rng.pick(answer.body.orders) : null;
  }

  private async afterSale(): Promise<void> {
    const type = this.rng.weighted<AfterSaleType>([
      ['REFUND_ONLY', 30],
      ['RETURN_REFUND', 50],
      ['EXCHANGE', 20],
    ]);
    const order = await this.recent(type === 'REFUND_ONLY' ? 'PENDING_SHIPMENT' : 'PENDING_RECEIPT,COMPLETED');
    if (!order) return;
    const line = this.rng.pick(order.lines);
    const answer = await this.service.call<{ afterSaleNo: string; error?: { code: string } }>(
      'POST',
      '/v1/events/after-sale-requested',
      {
        orderNo: order.orderNo,
        type,
        reason: this.rng.pick(REASONS[type]),
        ...(type === 'REFUND_ONLY'
          ? {}
          : {
              lines: [{ lineNo: line.lineNo, quantity: 1 }],
              returnShipment: { carrier: 'YTO', trackingNo: `YT${this.rng.digits(13)}` },
            }),
      },
    );
    if (answer.status !== 200) return this.refused('after-sale', answer.body.error?.code);
    this.count('after-sale');
    this.log(`售后 ${order.orderNo}：${type} ${answer.body.afterSaleNo}`);
  }

  private async receipt(event: 'receipt-confirmed' | 'receipt-extended', words: string): Promise<void> {
    const order = await this.recent('PENDING_RECEIPT');
    if (!order) return;
    const answer = await this.service.call<{ error?: { code: string } }>('POST', `/v1/events/${event}`, {
      orderNo: order.orderNo,
    });
    if (answer.status !== 200) return this.refused(event, answer.body.error?.code);
    this.count(event);
    this.log(`${words} ${order.orderNo}`);
  }

  private confirm = () => this.receipt('receipt-confirmed', '确认收货');
  private extend = () => this.receipt('receipt-extended', '延长收货');

  /** Refusals are part of the traffic (stock runs out, a request is already open): counted, not fatal. */
  private refused(what: string, code: string | undefined): void {
    this.count(`${what} refused ${code ?? 'UNKNOWN'}`);
  }
}
