import type { ExceptionRecord, LineRecord, OrderRecord, ReceiverRecord } from '../contract/records';
import type { ExceptionReason } from '../domain/exception-reasons';
import { formatFen } from '../domain/money';
import { settledRefundStatus } from '../domain/order-facts';
import { makeChildOrderNumber, makeOrderNumber, SERVICE_DEVICE_CODE } from '../domain/order-number';
import { splitCheckout } from '../domain/split';
import type { OrderKind, OrderSource, OrderStatus, PaymentStatus, Platform, RefundStatus } from '../domain/vocabulary';
import { isOpen, fulfil } from './fulfilment';
import { pickSku, type Sku } from './catalogue';
import { makeInvoice } from './invoices';
import { paymentSerialNo, pickChannel } from './payments';
import { demoBuyer, mobileNumber, personName, type Buyer } from './people';
import { DEALERS, STORES } from './places';
import { priceChild, type CartLine } from './pricing';
import { Random, type Weighted } from './random';
import { provinceNamed, randomAddress, type Address, type WarehouseId } from './regions';
import { chinaDay } from '../domain/business-day';
import { chinaHour, DAY, HOUR, MINUTE, SECOND } from './time';
import { STAFF, Timeline } from './timeline';

export interface DemoOrderOptions {
  /** How many child orders (list rows) to make. */
  count: number;
  seed: number;
  /** The generator's "now": every time it writes lies in the 90 days before it. */
  now: number;
}

/**
 * Realistic demo orders, deterministic for a given (count, seed, now): the same call gives the
 * same records on every machine, so the client, the order service and the tests can all rely on
 * them. Records stream out one checkout (parent order) at a time, so a million orders never sit in
 * memory at once.
 */
export function* demoOrderStream(options: DemoOrderOptions): Generator<OrderRecord, void, undefined> {
  const gen = new DemoGenerator(options);
  let made = 0;
  while (made < options.count) {
    for (const order of gen.checkout(options.count - made)) {
      made++;
      yield order;
    }
  }
}

export function generateDemoOrders(options: DemoOrderOptions): OrderRecord[] {
  return [...demoOrderStream(options)];
}

const SOURCES: Weighted<OrderSource> = [
  ['MALL', 72],
  ['EXTERNAL', 18],
  ['DEALER', 10],
];
const PLATFORMS: Record<OrderSource, Weighted<Platform>> = {
  MALL: [
    ['MINI_PROGRAM', 40],
    ['APP', 35],
    ['OWN_MALL', 25],
  ],
  EXTERNAL: [
    ['TMALL', 35],
    ['JD', 25],
    ['DOUYIN', 25],
    ['PDD', 15],
  ],
  DEALER: [['OFFLINE', 1]],
};
const KINDS: Record<OrderSource, Weighted<OrderKind>> = {
  MALL: [
    ['PHYSICAL', 82],
    ['SERVICE', 11],
    ['VIRTUAL', 7],
  ],
  EXTERNAL: [
    ['PHYSICAL', 95],
    ['VIRTUAL', 5],
  ],
  DEALER: [['PHYSICAL', 1]],
};
/** Where paid orders of each kind stand: many 待发货 so the warehouse desk has a real queue. */
const PAID_STATUSES: Record<OrderKind, Weighted<OrderStatus>> = {
  PHYSICAL: [
    ['PENDING_SHIPMENT', 30],
    ['PENDING_RECEIPT', 22],
    ['COMPLETED', 44],
    ['CLOSED', 4],
  ],
  SERVICE: [
    ['PENDING_REDEMPTION', 45],
    ['COMPLETED', 45],
    ['CLOSED', 10],
  ],
  VIRTUAL: [
    ['COMPLETED', 92],
    ['CLOSED', 8],
  ],
};
const BUYER_DEVICES: Record<Platform, string> = {
  OWN_MALL: 'WEB',
  MINI_PROGRAM: 'MINI_PROGRAM',
  APP: 'APP',
  TMALL: 'TMALL',
  JD: 'JD',
  DOUYIN: 'DOUYIN',
  PDD: 'PDD',
  OFFLINE: 'OFFLINE',
};
const REMARKS = [
  '请尽快发货，谢谢',
  '周末送货',
  '不要放快递柜，送到家门口',
  '送人的，请不要放价格单',
  '包装结实一点',
  '发顺丰，运费可补',
];
const DEALER_REMARKS = ['月结客户，按合同价', '送货前电话联系客户', '开专票，随货寄出', '客户自提'];
const LOCK_REASONS = [
  '买家要求修改收货地址，暂停发货',
  '疑似刷单，待风控核查',
  '库存核对中，暂缓出库',
  '买家申请合并发货',
];
/** Why a person had to look at an order, as the exception queue names it (exception-reasons.ts). */
const EXCEPTIONS: ReadonlyArray<ExceptionReason> = [
  { code: 'RECEIVER_INCOMPLETE', detail: '收货地址不完整，需人工确认', lineNo: null },
  { code: 'STOCK_SHORT', detail: '库存不足，自动分仓失败', lineNo: 1 },
  { code: 'SKU_UNMAPPED', detail: '第三方平台商品编码未匹配', lineNo: 1 },
  { code: 'OTHER', detail: '疑似重复下单，待人工核实', lineNo: null },
];
const DEALER_EXCEPTIONS: ReadonlyArray<ExceptionReason> = [
  { code: 'NOT_ENTITLED', detail: '服务端校验未通过：客户授信额度不足', lineNo: null },
  { code: 'OFF_SALE', detail: '服务端校验未通过：商品已下架', lineNo: 1 },
  { code: 'STOCK_SHORT', detail: '服务端校验未通过：库存不足', lineNo: 1 },
];
const NOTES = ['已电话联系买家确认地址', '买家来电催发货，已安抚', '赠品随单附送', '大客户订单，优先处理'];

interface Parent {
  parentNo: string;
  source: OrderSource;
  platform: Platform;
  kind: OrderKind;
  buyer: Buyer;
  receiver: ReceiverRecord | null;
  dealerId: string | null;
  createdAt: number;
  paidAt: number | null;
  payment: OrderRecord['payment'];
  /** The status the checkout as a whole reached; siblings may lag behind. */
  target: OrderStatus;
  shipAnchor: number | null;
}

class DemoGenerator {
  private readonly rng: Random;
  private readonly now: number;
  private readonly seed: number;
  private readonly buyerPool: number;
  private readonly seqs = new Map<string, number>();
  private readonly usedCodes = new Set<string>();
  private afterSaleSeq = 0;

  constructor({ count, seed, now }: DemoOrderOptions) {
    this.rng = new Random(seed);
    this.now = now;
    this.seed = seed;
    // About three orders per buyer: regulars exist, as in any shop.
    this.buyerPool = Math.max(50, Math.ceil(count / 3));
  }

  /** One checkout, split into at most `room` child orders. */
  checkout(room: number): OrderRecord[] {
    const { rng } = this;
    const source = rng.weighted(SOURCES);
    const platform = rng.weighted(PLATFORMS[source]);
    const kind = rng.weighted(KINDS[source]);
    const dealer = source === 'DEALER' ? rng.pick(DEALERS) : null;
    const buyer = demoBuyer(this.seed, rng.int(0, this.buyerPool - 1));
    const address = dealer
      ? randomAddress(rng, provinceNamed(dealer.province))
      : rng.chance(0.85)
        ? buyer.home
        : randomAddress(rng);
    const receiver = kind === 'VIRTUAL' ? null : this.receiverFor(buyer, address, source === 'DEALER');

    const cart = this.cart(kind, source, address.warehouse);
    const groups = splitCheckout(
      cart.map((line) => ({ ...line, merchantId: line.sku.merchant.id, warehouseId: line.warehouse, kind })),
    ).slice(0, room);

    const parent = this.parent(
      { source, platform, kind, buyer, receiver, dealerId: dealer?.id ?? null },
      dealer?.deviceCode,
    );
    return groups.map((group, i) =>
      this.child(parent, makeChildOrderNumber(parent.parentNo, group.childIndex), group.lines, i === 0),
    );
  }

  private receiverFor(buyer: Buyer, address: Address, dealerCustomer: boolean): ReceiverRecord {
    // Most people ship to themselves; some send gifts or order for family.
    const self = !dealerCustomer && this.rng.chance(0.8);
    return {
      name: self ? buyer.name : personName(this.rng),
      phone: self ? buyer.phone : mobileNumber(this.rng),
      province: address.province,
      city: address.city,
      district: address.district,
      address: address.address,
      postcode: address.postcode,
    };
  }

  private cart(kind: OrderKind, source: OrderSource, regional: WarehouseId) {
    const { rng } = this;
    const dealer = source === 'DEALER';
    const distinct =
      kind !== 'PHYSICAL'
        ? 1
        : dealer
          ? rng.int(1, 6)
          : rng.weighted([
              [1, 55],
              [2, 25],
              [3, 12],
              [4, 6],
              [5, 2],
            ]);
    const lines = new Map<string, CartLine & { warehouse: WarehouseId | null }>();
    for (let i = 0; i < distinct; i++) {
      const sku: Sku = pickSku(rng, kind, dealer);
      const quantity =
        kind === 'VIRTUAL'
          ? 1
          : dealer
            ? rng.int(2, 20)
            : rng.weighted([
                [1, 72],
                [2, 18],
                [3, 7],
                [5, 3],
              ]);
      const known = lines.get(sku.sku);
      if (known) {
        known.quantity += quantity;
        continue;
      }
      // The platform's own goods ship from the nearest warehouse unless it is out of stock there.
      const warehouse =
        kind !== 'PHYSICAL'
          ? null
          : (sku.merchant.warehouse ??
            (rng.chance(0.12) ? rng.pick<WarehouseId>(['WH-SH', 'WH-GZ', 'WH-BJ']) : regional));
      lines.set(sku.sku, { sku, quantity, warehouse });
    }
    return [...lines.values()];
  }

  private parent(
    base: Pick<Parent, 'source' | 'platform' | 'kind' | 'buyer' | 'receiver' | 'dealerId'>,
    dealerDevice?: number,
  ): Parent {
    const { rng, now } = this;
    const outcome = rng.weighted<'UNPAID' | 'CANCELLED' | 'PAID'>([
      ['UNPAID', 2.5],
      ['CANCELLED', 7],
      ['PAID', 90.5],
    ]);
    const target: OrderStatus =
      outcome === 'UNPAID'
        ? 'PENDING_PAYMENT'
        : outcome === 'CANCELLED'
          ? 'CANCELLED'
          : rng.weighted(PAID_STATUSES[base.kind]);

    let shipAnchor: number | null = null;
    let createdAt: number;
    const ago = (minMs: number, maxMs: number) => now - rng.int(minMs, maxMs);
    switch (target) {
      case 'PENDING_PAYMENT': // unpaid orders are cancelled after 30 minutes
        createdAt = ago(MINUTE, 29 * MINUTE);
        break;
      case 'PENDING_SHIPMENT':
        createdAt = rng.chance(0.8)
          ? this.daytime(() => ago(20 * MINUTE, 3 * DAY))
          : this.daytime(() => ago(3 * DAY, 12 * DAY));
        break;
      case 'PENDING_RECEIPT': // auto-confirmed 10 days after shipping, so shipped within the last 10
        shipAnchor = ago(2 * HOUR, 9 * DAY);
        createdAt = this.daytime(() => shipAnchor! - rng.int(3 * HOUR, 3 * DAY));
        break;
      case 'PENDING_REDEMPTION':
        createdAt = this.daytime(() => ago(HOUR, 60 * DAY));
        break;
      case 'COMPLETED':
        createdAt = this.daytime(() => (base.kind === 'PHYSICAL' ? ago(13 * DAY, 90 * DAY) : ago(2 * HOUR, 90 * DAY)));
        break;
      case 'CLOSED':
        createdAt = this.daytime(() => (base.kind === 'PHYSICAL' ? ago(20 * DAY, 90 * DAY) : ago(DAY, 90 * DAY)));
        break;
      default:
        createdAt = this.daytime(() => ago(HOUR, 90 * DAY));
    }
    const paidAt = outcome === 'PAID' ? Math.min(now - SECOND, createdAt + rng.int(15 * SECOND, 20 * MINUTE)) : null;
    const channel = paidAt === null ? null : pickChannel(rng, base.source, base.platform);
    const deviceCode = dealerDevice ?? SERVICE_DEVICE_CODE;
    const parentNo = makeOrderNumber({
      source: base.source,
      at: createdAt,
      deviceCode,
      seq: this.nextSeq(base.source, createdAt, deviceCode),
    });
    return {
      ...base,
      parentNo,
      createdAt,
      paidAt,
      payment: { channel, serialNo: channel && paidAt !== null ? paymentSerialNo(rng, channel, paidAt) : null },
      target,
      shipAnchor,
    };
  }

  /** People shop in the evening far more than at 4 a.m.: night-time picks are mostly re-drawn. */
  private daytime(pick: () => number): number {
    let at = pick();
    for (let i = 0; i < 2 && chinaHour(at) >= 1 && chinaHour(at) < 7 && this.rng.chance(0.8); i++) at = pick();
    return at;
  }

  /** Per (source, China day, device) sequence: what a device's own counter would hand out. */
  private nextSeq(source: OrderSource, at: number, device: number): number {
    const key = `${source}|${chinaDay(at)}|${device}`;
    const seq = (this.seqs.get(key) ?? 0) + 1;
    this.seqs.set(key, seq);
    return seq;
  }

  private child(
    parent: Parent,
    orderNo: string,
    cart: Array<CartLine & { warehouse: WarehouseId | null }>,
    first: boolean,
  ): OrderRecord {
    const { rng, now } = this;
    const { kind, source, buyer } = parent;
    const status = first ? parent.target : this.siblingStatus(parent.target);
    const warehouseId = cart[0]?.warehouse ?? null;
    const storeId = kind === 'SERVICE' ? rng.pick(STORES).id : null;
    const priced = priceChild(rng, { kind, source, buyer }, cart);
    const paid = parent.paidAt === null ? 0 : priced.amounts.payable;
    const lines: LineRecord[] = cart.map((l, i) => ({
      lineNo: i + 1,
      merchantId: l.sku.merchant.id,
      sku: l.sku.sku,
      name: l.sku.name,
      spec: l.sku.spec,
      image: l.sku.image,
      unitPrice: l.sku.unitPrice,
      quantity: l.quantity,
      discount: priced.lines[i]?.discount ?? 0,
      payable: priced.lines[i]?.payable ?? l.sku.unitPrice * l.quantity,
      shippedQuantity: 0,
      refundedQuantity: 0,
    }));

    const timeline = new Timeline();
    const buyerActor =
      source === 'DEALER'
        ? `dealer:${parent.dealerId}`
        : source === 'EXTERNAL'
          ? `platform:${parent.platform}`
          : `buyer:${buyer.id}`;
    const buyerDevice = source === 'DEALER' ? `DEALER-${parent.parentNo.slice(7, 11)}` : BUYER_DEVICES[parent.platform];
    const payable = formatFen(priced.amounts.payable, { symbol: true });
    timeline.add(
      parent.createdAt,
      buyerActor,
      buyerDevice,
      'CREATE',
      `提交订单，共 ${lines.length} 种商品，应付 ${payable}`,
    );
    if (parent.paidAt !== null) {
      timeline.add(
        parent.paidAt,
        buyerActor,
        buyerDevice,
        'PAY',
        `支付成功 ${payable}，流水号 ${parent.payment.serialNo ?? ''}`,
      );
    }
    if (status === 'CANCELLED') {
      const timeout = rng.chance(0.7);
      timeline.add(
        timeout ? parent.createdAt + 30 * MINUTE : parent.createdAt + rng.int(1, 25) * MINUTE,
        timeout ? 'system' : buyerActor,
        timeout ? 'server' : buyerDevice,
        'CANCEL',
        timeout ? '超时未支付，系统自动取消' : `买家取消：${rng.pick(['不想要了', '重新下单', '信息填写错误'])}`,
      );
    }

    const f = fulfil({
      rng,
      now,
      orderNo,
      kind,
      status,
      createdAt: parent.createdAt,
      paidAt: parent.paidAt,
      shipAnchor:
        parent.shipAnchor === null
          ? null
          : Math.max(parent.paidAt ?? 0, parent.shipAnchor - (first ? 0 : rng.int(0, 12) * HOUR)),
      warehouseId,
      storeId,
      receiver: parent.receiver,
      buyerActor,
      buyerDevice,
      lines,
      paid,
      uses: cart.reduce((n, l) => n + l.sku.uses * l.quantity, 0),
      timeline,
      usedCodes: this.usedCodes,
      nextAfterSaleSeq: () => ++this.afterSaleSeq,
    });

    const flags = this.flags(status, source, parent.paidAt, timeline);
    const open = f.afterSales.some(isOpen);
    const money = {
      paid,
      refunded: f.afterSales
        .filter((a) => a.status === 'SUCCEEDED' && a.type !== 'EXCHANGE')
        .reduce((sum, a) => sum + a.amount, 0),
    };
    const settled = settledRefundStatus({ lines, money });
    const refundStatus: RefundStatus = open ? 'IN_PROGRESS' : settled;
    const paymentStatus: PaymentStatus =
      parent.paidAt === null ? 'UNPAID' : settled === 'PARTIALLY_REFUNDED' || settled === 'REFUNDED' ? settled : 'PAID';
    const events = timeline.sorted();
    const remark =
      rng.chance(source === 'DEALER' ? 0.4 : 0.15) && kind !== 'VIRTUAL'
        ? rng.pick(source === 'DEALER' ? DEALER_REMARKS : REMARKS)
        : '';

    return {
      orderNo,
      parentNo: parent.parentNo,
      kind,
      source,
      platform: parent.platform,
      status,
      paymentStatus,
      refundStatus,
      locked: flags.locked,
      lockReason: flags.lockReason,
      exception: flags.exception,
      external: null,
      review: null,
      merchantId: cart[0]?.sku.merchant.id ?? '',
      merchantName: cart[0]?.sku.merchant.name ?? '',
      warehouseId,
      storeId,
      dealerId: parent.dealerId,
      buyer: { id: buyer.id, account: buyer.account, level: buyer.level.name, name: buyer.name },
      receiver: parent.receiver,
      lines,
      amounts: { ...priced.amounts, paid },
      payment: parent.payment,
      promotions: priced.promotions,
      invoice: makeInvoice(rng, { kind, source, buyerName: buyer.name }),
      waybills: f.waybills,
      afterSales: f.afterSales,
      redemptionCode: f.redemptionCode,
      timeline: events,
      remark,
      createdAt: parent.createdAt,
      paidAt: parent.paidAt,
      shippedAt: f.shippedAt,
      completedAt: f.completedAt,
      updatedAt: Math.max(parent.createdAt, ...events.map((e) => e.at), ...f.afterSales.map((a) => a.updatedAt)),
    };
  }

  /** A sibling shipped from another warehouse may not have left yet; a refunded child's siblings completed. */
  private siblingStatus(target: OrderStatus): OrderStatus {
    if (target === 'PENDING_RECEIPT') return this.rng.chance(0.25) ? 'PENDING_SHIPMENT' : 'PENDING_RECEIPT';
    if (target === 'CLOSED') return 'COMPLETED';
    return target;
  }

  /** Locks, exceptions and notes: what a person had to step in for. */
  private flags(status: OrderStatus, source: OrderSource, paidAt: number | null, timeline: Timeline) {
    const { rng, now } = this;
    const out = { locked: false, lockReason: null as string | null, exception: null as ExceptionRecord | null };
    if (paidAt === null) return out;
    const sometime = () => rng.int(paidAt + MINUTE, Math.max(paidAt + MINUTE, Math.min(now, paidAt + 2 * DAY)));
    const staff = () => rng.pick(STAFF.service);
    if (status === 'PENDING_SHIPMENT' && rng.chance(0.03)) {
      out.locked = true;
      out.lockReason = rng.pick(LOCK_REASONS);
      timeline.add(sometime(), staff(), 'DESK-CS-01', 'LOCK', `锁单：${out.lockReason}`);
    } else if (rng.chance(0.01)) {
      const at = sometime();
      const reason = rng.pick(LOCK_REASONS);
      timeline.add(at, staff(), 'DESK-CS-01', 'LOCK', `锁单：${reason}`);
      timeline.add(Math.min(now, at + rng.int(10, 240) * MINUTE), staff(), 'DESK-CS-01', 'UNLOCK', '已处理，解除锁单');
    }
    if (status === 'PENDING_SHIPMENT' && rng.chance(source === 'DEALER' ? 0.08 : 0.02)) {
      const reason = rng.pick(source === 'DEALER' ? DEALER_EXCEPTIONS : EXCEPTIONS);
      const at = sometime();
      out.exception = { reasons: [reason], openedAt: at };
      timeline.add(at, 'system', 'server', 'EXCEPTION', `转入异常队列：${reason.detail}`);
    }
    if (rng.chance(0.04)) timeline.add(sometime(), staff(), 'DESK-CS-01', 'NOTE', rng.pick(NOTES));
    return out;
  }
}
