import type { OrderRecord } from '../../shared/contract/records';
import { Random } from '../../shared/demo/random';
import { formatCodeForDisplay } from '../../shared/domain/redemption-code';
import type { AfterSaleType, OrderKind, PaymentChannel, Platform } from '../../shared/domain/vocabulary';
import { DEMO_PRODUCTS, DEMO_STORES } from '../demo/company';
import type { ServiceClient } from './client';

const MINUTE = 60_000;
const ON_SALE = (kind: OrderKind) => DEMO_PRODUCTS.filter((p) => p.kind === kind && p.onSale).map((p) => p.sku);
const GOODS = { PHYSICAL: ON_SALE('PHYSICAL'), SERVICE: ON_SALE('SERVICE'), VIRTUAL: ON_SALE('VIRTUAL') } as const;
const PLATFORMS: Platform[] = ['MINI_PROGRAM', 'APP', 'OWN_MALL'];
const CHANNELS: PaymentChannel[] = ['WECHAT_PAY', 'ALIPAY', 'UNIONPAY', 'BALANCE'];
const REASONS: Record<AfterSaleType, string[]> = {
  REFUND_ONLY: ['不想要了', '拍错了/多拍了', '地址填写错误'],
  RETURN_REFUND: ['尺码不合适', '商品质量问题', '与商品描述不符', '七天无理由退货'],
  EXCHANGE: ['尺码不合适，换大一码', '颜色不喜欢，换其他颜色'],
};

export type Log = (line: string) => void;

/**
 * What the mall's shoppers do all day, at the service's demo buyer API: check out, pay (most of
 * them, a little later; the rest are left to the unpaid timer), ask for refunds, returns and
 * exchanges, extend or confirm receipt. Service purchases print their codes, so a person at a
 * counter can redeem them.
 */
export class Buyers {
  private readonly rng = new Random(Date.now() % 2 ** 31);
  private readonly unpaid: Array<{ orderNo: string; payAt: number }> = [];
  readonly counts: Record<string, number> = {};

  constructor(
    private readonly service: ServiceClient,
    private readonly log: Log,
  ) {}

  /** One buyer action, chosen by how often shoppers do it. */
  async act(): Promise<void> {
    const due = this.unpaid.findIndex((u) => u.payAt <= Date.now());
    if (due >= 0) return this.pay(this.unpaid.splice(due, 1)[0]!.orderNo);
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

  private async checkout(): Promise<void> {
    const kind = this.rng.weighted<OrderKind>([
      ['PHYSICAL', 80],
      ['SERVICE', 12],
      ['VIRTUAL', 8],
    ]);
    const distinct =
      kind === 'PHYSICAL'
        ? this.rng.weighted([
            [1, 60],
            [2, 28],
            [3, 12],
          ] as const)
        : 1;
    const lines = this.rng.sample(GOODS[kind], distinct).map((sku) => ({
      sku,
      quantity: this.rng.weighted([
        [1, 80],
        [2, 15],
        [3, 5],
      ] as const),
    }));
    const answer = await this.service.call<{ parentNo: string; orders: OrderRecord[]; error?: { code: string } }>(
      'POST',
      '/v1/demo/orders',
      {
        buyerIndex: this.rng.int(0, 9_999),
        lines,
        platform: this.rng.pick(PLATFORMS),
        ...(kind === 'SERVICE' ? { storeId: this.rng.pick(DEMO_STORES).id } : {}),
      },
    );
    if (answer.status !== 200) return this.refused('checkout', answer.body.error?.code);
    this.count('checkout');
    this.log(`下单 ${answer.body.parentNo}：${answer.body.orders.length} 个子订单（${kind}）`);
    // Most shoppers pay within a minute or two; one in ten walks away and the timer cancels.
    if (this.rng.chance(0.9))
      this.unpaid.push({ orderNo: answer.body.parentNo, payAt: Date.now() + this.rng.int(2_000, 2 * MINUTE) });
  }

  private async pay(orderNo: string): Promise<void> {
    const answer = await this.service.call<{
      orders: OrderRecord[];
      codes: Array<{ orderNo: string; code: string }>;
      error?: { code: string };
    }>('POST', `/v1/demo/orders/${orderNo}/pay`, {
      channel: this.rng.pick(CHANNELS),
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

  /** A recent order of the given statuses, as a shopper looking at "my orders" would pick one. */
  private async recent(statuses: string): Promise<OrderRecord | null> {
    const answer = await this.service.call<{ orders: OrderRecord[] }>(
      'GET',
      `/v1/orders?statuses=${statuses}&kinds=PHYSICAL&limit=50`,
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
      `/v1/demo/orders/${order.orderNo}/after-sales`,
      {
        type,
        reason: this.rng.pick(REASONS[type]),
        ...(type === 'REFUND_ONLY' ? {} : { lines: [{ lineNo: line.lineNo, quantity: 1 }] }),
      },
    );
    if (answer.status !== 200) return this.refused('after-sale', answer.body.error?.code);
    this.count('after-sale');
    this.log(`售后 ${order.orderNo}：${type} ${answer.body.afterSaleNo}`);
  }

  private async confirm(): Promise<void> {
    const order = await this.recent('PENDING_RECEIPT');
    if (!order) return;
    const answer = await this.service.call<{ error?: { code: string } }>(
      'POST',
      `/v1/demo/orders/${order.orderNo}/confirm-receipt`,
    );
    if (answer.status !== 200) return this.refused('confirm', answer.body.error?.code);
    this.count('confirm');
    this.log(`确认收货 ${order.orderNo}`);
  }

  private async extend(): Promise<void> {
    const order = await this.recent('PENDING_RECEIPT');
    if (!order) return;
    const answer = await this.service.call<{ error?: { code: string } }>(
      'POST',
      `/v1/demo/orders/${order.orderNo}/extend-receipt`,
    );
    if (answer.status !== 200) return this.refused('extend', answer.body.error?.code);
    this.count('extend');
    this.log(`延长收货 ${order.orderNo}`);
  }

  /** Refusals are part of the traffic (stock runs out, a request is already open): counted, not fatal. */
  private refused(what: string, code: string | undefined): void {
    this.count(`${what} refused ${code ?? 'UNKNOWN'}`);
  }
}
