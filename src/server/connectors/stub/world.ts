import { pickSku } from '../../../shared/demo/catalogue';
import { personName, mobileNumber } from '../../../shared/demo/people';
import { mixSeed, Random } from '../../../shared/demo/random';
import { randomAddress } from '../../../shared/demo/regions';
import type { Fen } from '../../../shared/domain/money';
import { floorToSecond, formatChinaTime } from '../china-time';

/**
 * The shop a platform stub pretends to be: its orders, as the platform holds them, in a form both
 * platforms' stubs render into their own wire shapes. Orders are derived from (seed, index) alone,
 * so a restarted stub has the same order numbers with the same contents; only their times follow
 * the clock. Over time some orders change the way real ones do (paid, refund requested, receiver
 * changed, closed), each change moving the order's modified time.
 */

export type StubPlatform = 'taobao' | 'pdd';

export type OrderState = 'UNPAID' | 'PAID' | 'SHIPPED' | 'FINISHED' | 'CANCELLED' | 'CLOSED';
export type RefundState = 'REQUESTED' | 'REFUSED' | 'SUCCESS' | 'WITHDRAWN';

export interface StubLine {
  lineId: string;
  itemId: string;
  skuId: string;
  /** 商家编码: the merchant's own SKU code, how a connector maps a platform item to our catalogue. */
  outerSkuId: string;
  title: string;
  spec: string;
  image: string;
  price: Fen;
  num: number;
  /** The line's own promotion (限时打折), already taken off what the buyer pays for it. */
  discount: Fen;
  shipmentId: string | null;
}

export interface StubDiscount {
  id: string;
  name: string;
  amount: Fen;
  /** Who pays for it: the shop, or the platform (拼多多's 平台优惠). */
  by: 'SELLER' | 'PLATFORM';
  /** The line it belongs to; null for an order-level discount (a shop coupon). */
  lineId: string | null;
}

export interface StubShipment {
  id: string;
  company: string;
  trackingNo: string;
  lineIds: string[];
  at: number;
}

export interface StubRefund {
  id: string;
  lineId: string;
  state: RefundState;
  amount: Fen;
  reason: string;
  createdAt: number;
  modifiedAt: number;
  /** Bumped on every change: TOP's refund_version, which a decision must quote. */
  version: number;
}

export interface StubReceiver {
  name: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  address: string;
  postcode: string;
}

export interface StubOrder {
  id: string;
  index: number;
  state: OrderState;
  createdAt: number;
  paidAt: number | null;
  consignedAt: number | null;
  endAt: number | null;
  modifiedAt: number;
  buyer: { nick: string; openUid: string };
  receiver: StubReceiver;
  postFee: Fen;
  lines: StubLine[];
  discounts: StubDiscount[];
  shipments: StubShipment[];
  refunds: StubRefund[];
  buyerMessage: string;
  paymentNo: string;
}

export interface WorldOptions {
  platform: StubPlatform;
  orders: number;
  seed: number;
  now: number;
  /** How far back the first orders were placed; default 48 hours. */
  spanMs?: number;
  /** Share of lines sold under a code the merchant never set up (unmapped SKU); default 2%. */
  unknownSkuRate?: number;
}

const HOUR = 3_600_000;
const REASONS = ['不想要了', '拍错了/多拍了', '地址填写错误', '协商一致退款', '未按约定时间发货'];
const MESSAGES = ['', '', '', '请尽快发货', '不要放快递柜', '周末送货', '发顺丰可以补运费吗'];

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** A 19-digit TOP trade number, or a 拼多多 order_sn like 240906-232165250623755. */
function orderNumber(platform: StubPlatform, seed: number, index: number, createdAt: number): string {
  const rng = new Random(mixSeed(seed ^ 0x5eed, index));
  if (platform === 'taobao') return `${rng.int(1, 4)}${rng.digits(12)}${pad(index % 1_000_000, 6)}`;
  const ymd = formatChinaTime(createdAt).slice(2, 10).replaceAll('-', '');
  return `${ymd}-${rng.digits(9)}${pad(index % 1_000_000, 6)}`;
}

export class World {
  private readonly byId = new Map<string, StubOrder>();
  private readonly list: StubOrder[] = [];
  private readonly rng: Random;
  private shipmentSerial = 0;
  private refundSerial = 0;

  constructor(private readonly options: WorldOptions) {
    this.rng = new Random(mixSeed(options.seed, 0x7ab1e));
    const span = options.spanMs ?? 48 * HOUR;
    for (let i = 0; i < options.orders; i++) {
      // Spread over the span, oldest first, never in the future.
      const createdAt = floorToSecond(options.now - 60_000 - span + Math.floor(((i + 0.5) / options.orders) * span));
      this.generate(i, createdAt, options.now);
    }
  }

  get platform(): StubPlatform {
    return this.options.platform;
  }

  orders(): readonly StubOrder[] {
    return this.list;
  }

  find(id: string): StubOrder | null {
    return this.byId.get(id) ?? null;
  }

  /** Orders whose modified time lies in [start, end], newest first (as both platforms sort them). */
  modifiedBetween(start: number, end: number): StubOrder[] {
    return this.list.filter((o) => o.modifiedAt >= start && o.modifiedAt <= end).sort(newestFirst);
  }

  refundsModifiedBetween(start: number, end: number): Array<{ order: StubOrder; refund: StubRefund }> {
    return this.list
      .flatMap((order) => order.refunds.map((refund) => ({ order, refund })))
      .filter(({ refund }) => refund.modifiedAt >= start && refund.modifiedAt <= end)
      .sort((a, b) => b.refund.modifiedAt - a.refund.modifiedAt);
  }

  /** A new order placed now, the next in the seeded sequence. */
  arrive(now: number): StubOrder {
    return this.generate(this.list.length, floorToSecond(now), now, true);
  }

  /**
   * A few orders change as they do on a live shop: the buyer pays or the order times out, a paid
   * order's buyer asks for a refund or corrects the address, a refund is granted.
   */
  tick(now: number, changes = 3): StubOrder[] {
    const changed: StubOrder[] = [];
    for (let n = 0; n < changes && this.list.length > 0; n++) {
      const order = this.rng.pick(this.list);
      if (this.changeOne(order, now)) changed.push(order);
    }
    return changed;
  }

  /** The buyer asks for a refund of one line (the first without one when not named). */
  requestRefund(orderId: string, now: number, lineId?: string): StubRefund | null {
    const order = this.byId.get(orderId);
    if (!order || (order.state !== 'PAID' && order.state !== 'SHIPPED')) return null;
    const line = order.lines.find(
      (l) => (lineId === undefined || l.lineId === lineId) && !order.refunds.some((r) => r.lineId === l.lineId),
    );
    if (!line) return null;
    const at = floorToSecond(now);
    const refund: StubRefund = {
      id: `${order.id.replace(/\D/g, '').slice(-10)}${pad(++this.refundSerial, 5)}`,
      lineId: line.lineId,
      state: 'REQUESTED',
      amount: linePaid(order, line),
      reason: this.rng.pick(REASONS),
      createdAt: at,
      modifiedAt: at,
      version: at,
    };
    order.refunds.push(refund);
    order.modifiedAt = at;
    return refund;
  }

  /** The seller's decision on a refund (written back by a connector); null when it cannot apply. */
  decideRefund(refundId: string, agree: boolean, now: number): StubRefund | null {
    for (const order of this.list) {
      const refund = order.refunds.find((r) => r.id === refundId);
      if (!refund) continue;
      if (refund.state !== 'REQUESTED') return null;
      const at = floorToSecond(now);
      refund.state = agree ? 'SUCCESS' : 'REFUSED';
      refund.modifiedAt = at;
      refund.version = at;
      order.modifiedAt = at;
      if (agree) this.closeIfAllRefunded(order, at);
      return refund;
    }
    return null;
  }

  /**
   * The seller ships some lines under one tracking number. Refused (with the reason) when the
   * order is not paid, a line is already shipped or has an open refund.
   */
  ship(orderId: string, company: string, trackingNo: string, lineIds: readonly string[] | null, now: number) {
    const order = this.byId.get(orderId);
    if (!order) return { ok: false as const, reason: 'NOT_FOUND' as const };
    if (order.state !== 'PAID' && order.state !== 'SHIPPED') return { ok: false as const, reason: 'STATE' as const };
    const open = order.lines.filter((l) => l.shipmentId === null && !refunded(order, l));
    const lines = lineIds === null ? open : open.filter((l) => lineIds.includes(l.lineId));
    if (lines.length === 0 || (lineIds !== null && lines.length !== lineIds.length)) {
      return { ok: false as const, reason: 'ALREADY_SHIPPED' as const };
    }
    if (lines.some((l) => order.refunds.some((r) => r.lineId === l.lineId && r.state === 'REQUESTED'))) {
      return { ok: false as const, reason: 'REFUND_OPEN' as const };
    }
    const at = floorToSecond(now);
    const shipment: StubShipment = {
      id: `S${++this.shipmentSerial}`,
      company,
      trackingNo,
      lineIds: lines.map((l) => l.lineId),
      at,
    };
    order.shipments.push(shipment);
    for (const line of lines) line.shipmentId = shipment.id;
    if (order.lines.every((l) => l.shipmentId !== null || refunded(order, l))) {
      order.state = 'SHIPPED';
      order.consignedAt = at;
    }
    order.modifiedAt = at;
    return { ok: true as const, shipment };
  }

  /** A parcel for an order already shipped (拼多多 extra_track_list): just recorded. */
  addParcel(orderId: string, company: string, trackingNo: string, now: number) {
    const order = this.byId.get(orderId);
    if (!order || order.shipments.length === 0) return null;
    const at = floorToSecond(now);
    const shipment: StubShipment = { id: `S${++this.shipmentSerial}`, company, trackingNo, lineIds: [], at };
    order.shipments.push(shipment);
    order.modifiedAt = at;
    return shipment;
  }

  /** The buyer pays an order placed earlier (a test's or a demo's step); null when it is not unpaid. */
  pay(orderId: string, now: number): StubOrder | null {
    const order = this.byId.get(orderId);
    if (!order || order.state !== 'UNPAID') return null;
    const at = Math.max(floorToSecond(now), order.modifiedAt);
    order.state = 'PAID';
    order.paidAt = at;
    order.modifiedAt = at;
    return order;
  }

  private changeOne(order: StubOrder, now: number): boolean {
    const at = floorToSecond(now);
    if (at <= order.modifiedAt) return false;
    const openRefund = order.refunds.find((r) => r.state === 'REQUESTED');
    switch (order.state) {
      case 'UNPAID':
        if (this.rng.chance(0.8)) {
          order.state = 'PAID';
          order.paidAt = at;
        } else {
          order.state = 'CANCELLED';
          order.endAt = at;
        }
        order.modifiedAt = at;
        return true;
      case 'PAID':
        if (openRefund && this.rng.chance(0.5)) return this.decideRefund(openRefund.id, true, now) !== null;
        if (this.rng.chance(0.5)) return this.requestRefund(order.id, now) !== null;
        order.receiver = { ...order.receiver, address: `${order.receiver.address}(改)`.slice(0, 120) };
        order.modifiedAt = at;
        return true;
      case 'SHIPPED':
        order.state = 'FINISHED';
        order.endAt = at;
        order.modifiedAt = at;
        return true;
      default:
        return false;
    }
  }

  private closeIfAllRefunded(order: StubOrder, at: number): void {
    if (order.state === 'PAID' && order.lines.every((l) => refunded(order, l))) {
      order.state = 'CLOSED';
      order.endAt = at;
    }
  }

  private add(order: StubOrder): StubOrder {
    this.byId.set(order.id, order);
    this.list.push(order);
    return order;
  }

  private generate(index: number, createdAt: number, now: number, fresh = false): StubOrder {
    const { platform, seed } = this.options;
    const rng = new Random(mixSeed(seed, index));
    const id = orderNumber(platform, seed, index, createdAt);
    const lineCount =
      platform === 'pdd'
        ? 1
        : rng.weighted([
            [1, 6],
            [2, 3],
            [3, 1],
          ] as const);
    const lines: StubLine[] = [];
    const discounts: StubDiscount[] = [];
    for (let n = 0; n < lineCount; n++) {
      const sku = pickSku(rng, 'PHYSICAL', true);
      const unknown = rng.chance(this.options.unknownSkuRate ?? 0.02);
      const lineId = platform === 'taobao' ? `${id.slice(0, 13)}${pad(n + 1, 2)}${id.slice(-4)}` : id;
      const price = sku.unitPrice;
      const num = rng.weighted([
        [1, 7],
        [2, 2],
        [3, 1],
      ] as const);
      const discount = platform === 'taobao' && rng.chance(0.3) ? Math.floor((price * num) / 10) : 0;
      lines.push({
        lineId,
        itemId: `${6_000_000_000 + (Number.parseInt(sku.sku.replace(/\D/g, ''), 10) || 0)}`,
        skuId: `${5_000_000_000_000 + index * 10 + n}`,
        outerSkuId: unknown ? `X-${sku.sku}-OLD` : sku.sku,
        title: sku.name,
        spec: sku.spec,
        image: sku.image,
        price,
        num,
        discount,
        shipmentId: null,
      });
      if (discount > 0) discounts.push({ id: lineId, name: '限时打折', amount: discount, by: 'SELLER', lineId });
    }
    const goods = lines.reduce((sum, l) => sum + l.price * l.num - l.discount, 0);
    if (rng.chance(0.35)) {
      const amount = Math.min(goods - 1, rng.pick([300, 500, 1000]));
      if (amount > 0) discounts.push({ id, name: '店铺优惠券', amount, by: 'SELLER', lineId: null });
    }
    if (platform === 'pdd' && rng.chance(0.3)) {
      const taken = discounts.reduce((s, d) => s + d.amount, 0);
      const amount = Math.min(goods - taken - 1, rng.pick([100, 200, 300]));
      if (amount > 0) discounts.push({ id: `${id}-P`, name: '平台优惠', amount, by: 'PLATFORM', lineId: null });
    }
    const home = randomAddress(rng);
    const name = personName(rng);
    const order: StubOrder = {
      id,
      index,
      state: 'UNPAID',
      createdAt,
      paidAt: null,
      consignedAt: null,
      endAt: null,
      modifiedAt: createdAt,
      buyer: { nick: `tb_${rng.digits(8)}`, openUid: `AAH${rng.digits(6)}-${rng.digits(10)}` },
      receiver: {
        name,
        phone: mobileNumber(rng),
        province: home.province,
        city: home.city,
        district: home.district,
        address: home.address,
        postcode: home.postcode,
      },
      postFee: rng.chance(0.7) ? 0 : rng.pick([600, 800, 1000]),
      lines,
      discounts,
      shipments: [],
      refunds: [],
      buyerMessage: rng.pick(MESSAGES),
      paymentNo: `${2024 + (index % 2)}${rng.digits(24)}`,
    };
    this.add(order);
    if (fresh) return order;
    // Where a placed order stands by now: most are paid and wait to ship.
    const fate = rng.weighted([
      ['UNPAID', 8],
      ['PAID', 72],
      ['SHIPPED', 8],
      ['FINISHED', 5],
      ['CANCELLED', 4],
      ['REFUND', 3],
    ] as const);
    // Nothing lands in the last minute: a freshly started stub's shop has settled.
    const step = (minutes: number) => floorToSecond(Math.min(now - 60_000, createdAt + minutes * 60_000));
    if (fate === 'CANCELLED') {
      order.state = 'CANCELLED';
      order.endAt = step(30);
      order.modifiedAt = order.endAt;
      return order;
    }
    if (fate === 'UNPAID') return order;
    order.state = 'PAID';
    order.paidAt = step(rng.int(1, 20));
    order.modifiedAt = order.paidAt;
    if (fate === 'REFUND') {
      this.requestRefund(order.id, step(rng.int(25, 60)), undefined);
    } else if (fate === 'SHIPPED' || fate === 'FINISHED') {
      // Shipped from the merchant's other tools before this connector existed.
      this.ship(order.id, platform === 'pdd' ? '115' : 'ZTO', `7${rng.digits(13)}`, null, step(rng.int(60, 180)));
      if (fate === 'FINISHED') {
        order.state = 'FINISHED';
        order.endAt = step(rng.int(200, 600));
        order.modifiedAt = order.endAt;
      }
    }
    return order;
  }
}

function newestFirst(a: StubOrder, b: StubOrder): number {
  return b.modifiedAt - a.modifiedAt || (a.id < b.id ? -1 : 1);
}

export function refunded(order: StubOrder, line: StubLine): boolean {
  return order.refunds.some((r) => r.lineId === line.lineId && r.state === 'SUCCESS');
}

/** The refund state of a line: its latest refund's, or null when it never had one. */
export function lineRefund(order: StubOrder, line: StubLine): StubRefund | null {
  const mine = order.refunds.filter((r) => r.lineId === line.lineId);
  return mine[mine.length - 1] ?? null;
}

/** What the buyer paid for a line: its goods less its own discount and its share of order-level ones. */
export function linePaid(order: StubOrder, line: StubLine): Fen {
  return lineShares(order).get(line.lineId) ?? 0;
}

/**
 * Order-level discounts spread over lines in proportion to what each line costs after its own
 * discount, the remainder on the last line, so the shares add up to the order's payment less
 * postage exactly (TOP's divide_order_fee).
 */
export function lineShares(order: StubOrder): Map<string, Fen> {
  const bases = order.lines.map((l) => l.price * l.num - l.discount);
  const total = bases.reduce((a, b) => a + b, 0);
  const orderLevel = order.discounts.filter((d) => d.lineId === null).reduce((a, d) => a + d.amount, 0);
  const shares = new Map<string, Fen>();
  let given = 0;
  order.lines.forEach((line, i) => {
    const cut = i === order.lines.length - 1 ? orderLevel - given : Math.floor((orderLevel * bases[i]!) / (total || 1));
    given += cut;
    shares.set(line.lineId, bases[i]! - cut);
  });
  return shares;
}

/** What the buyer paid for the whole order: goods less every discount, plus postage. */
export function orderPaid(order: StubOrder): Fen {
  const goods = order.lines.reduce((s, l) => s + l.price * l.num, 0);
  return goods - order.discounts.reduce((s, d) => s + d.amount, 0) + order.postFee;
}
