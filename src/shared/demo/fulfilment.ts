import type {
  AfterSaleRecord,
  LineRecord,
  ReceiverRecord,
  RedemptionCodeRecord,
  WaybillRecord,
} from '../contract/records';
import { refundOf } from '../domain/refund-amount';
import { closeDetail } from '../intents/after-sale';
import { generateCode } from '../domain/redemption-code';
import type { AfterSaleStatus, AfterSaleType, OrderKind, OrderStatus } from '../domain/vocabulary';
import { demoCodeMark } from './codes';
import { makeAfterSale, OPEN_AFTER_SALE, pickAfterSaleOutcome, REASONS } from './after-sales';
import { courierName, pickCarrier, trackParcel } from './logistics';
import { mobileNumber } from './people';
import { STORES, warehouseNamed } from './places';
import type { Random } from './random';
import type { WarehouseId } from './regions';
import { chinaHour, chinaYmd, DAY, HOUR, MINUTE, SECOND } from './time';
import { STAFF, type Timeline } from './timeline';

/** What the generator knows about a child order when it writes the order's history. */
export interface ChildContext {
  rng: Random;
  now: number;
  orderNo: string;
  kind: OrderKind;
  status: OrderStatus;
  createdAt: number;
  paidAt: number | null;
  /** When a 待收货 order's last parcel left (chosen with the parent, so its times fit). */
  shipAnchor: number | null;
  warehouseId: WarehouseId | null;
  storeId: string | null;
  receiver: ReceiverRecord | null;
  buyerActor: string;
  buyerDevice: string;
  /** Shipped and refunded quantities are filled in here. */
  lines: LineRecord[];
  paid: number;
  /** Redemption uses a paid service order grants. */
  uses: number;
  timeline: Timeline;
  usedCodes: Set<string>;
  nextAfterSaleSeq: () => number;
}

export interface Fulfilment {
  waybills: WaybillRecord[];
  afterSales: AfterSaleRecord[];
  redemptionCode: RedemptionCodeRecord | null;
  shippedAt: number | null;
  completedAt: number | null;
}

/** Stores open 10:00–21:00 China time: a redemption drawn at night moves to a time that day when open. */
function storeHours(rng: Random, at: number, from: number, to: number): number {
  const hour = chinaHour(at);
  const moved = hour >= 10 && hour < 21 ? at : at - (hour - 10 - rng.int(0, 10)) * HOUR;
  return Math.min(to, Math.max(from, moved));
}

/** A time in [from, to]; `to` when the window is empty (never in the future). */
const between = (rng: Random, from: number, to: number): number => (from >= to ? to : rng.int(from, to));

export function fulfil(c: ChildContext): Fulfilment {
  const f: Fulfilment = { waybills: [], afterSales: [], redemptionCode: null, shippedAt: null, completedAt: null };
  if (c.paidAt === null) return f;
  if (c.kind === 'PHYSICAL') physical(c, f, c.paidAt);
  else if (c.kind === 'SERVICE') service(c, f, c.paidAt);
  else virtual(c, f, c.paidAt);
  return f;
}

function physical(c: ChildContext, f: Fulfilment, paidAt: number): void {
  const { rng, now } = c;
  switch (c.status) {
    case 'PENDING_SHIPMENT': {
      if (rng.chance(0.05)) {
        // A refund request intercepts shipping until it is decided (domain.md).
        request(
          c,
          f,
          'REFUND_ONLY',
          'PENDING_REVIEW',
          between(rng, paidAt + 10 * MINUTE, now),
          'whole',
          REASONS.beforeShipping,
        );
      } else if (c.lines.length >= 2 && now - paidAt > 3 * HOUR && rng.chance(0.1)) {
        // Partially shipped: one line left first, the rest waits for stock (still 待发货).
        ship(c, f, c.lines.slice(0, 1), between(rng, paidAt + HOUR, now - HOUR), true);
      }
      return;
    }
    case 'PENDING_RECEIPT': {
      const shipAt = c.shipAnchor ?? between(rng, paidAt + HOUR, now);
      shipAll(c, f, paidAt, shipAt, true);
      if (rng.chance(0.06) && now - shipAt > HOUR) {
        const type = rng.weighted<AfterSaleType>([
          ['RETURN_REFUND', 50],
          ['REFUND_ONLY', 20],
          ['EXCHANGE', 30],
        ]);
        request(c, f, type, 'PENDING_REVIEW', between(rng, shipAt + HOUR, now), 'one line', REASONS[type]);
      }
      return;
    }
    case 'COMPLETED': {
      const shipAt = between(rng, paidAt + 2 * HOUR, paidAt + 2 * DAY);
      shipAll(c, f, paidAt, shipAt, false);
      const signedAt = Math.max(...f.waybills.map((w) => w.signedAt ?? w.shippedAt));
      const autoConfirm = shipAt + 10 * DAY;
      const byBuyer = rng.chance(0.65);
      const completedAt = Math.min(
        now,
        byBuyer ? Math.min(signedAt + rng.int(1, 72) * HOUR, autoConfirm) : autoConfirm,
      );
      f.completedAt = completedAt;
      c.timeline.add(
        completedAt,
        byBuyer ? c.buyerActor : 'system',
        byBuyer ? c.buyerDevice : 'server',
        'CONFIRM_RECEIPT',
        byBuyer ? '买家确认收货' : '发货满10天，系统自动确认收货',
      );
      const appliedAt = completedAt + rng.int(1, 9 * 24) * HOUR;
      if (rng.chance(0.12) && appliedAt < now) {
        const type = rng.weighted<AfterSaleType>([
          ['RETURN_REFUND', 60],
          ['EXCHANGE', 25],
          ['REFUND_ONLY', 15],
        ]);
        const status = pickAfterSaleOutcome(rng, type, now - appliedAt < 5 * DAY);
        request(c, f, type, status, appliedAt, 'one line', REASONS[type]);
      }
      return;
    }
    case 'CLOSED': {
      if (rng.chance(0.55)) {
        const appliedAt = between(rng, paidAt + 10 * MINUTE, Math.min(now, paidAt + 2 * DAY));
        close(c, f, request(c, f, 'REFUND_ONLY', 'SUCCEEDED', appliedAt, 'whole', REASONS.beforeShipping));
      } else {
        const shipAt = between(rng, paidAt + 2 * HOUR, paidAt + 2 * DAY);
        shipAll(c, f, paidAt, shipAt, false);
        const signedAt = Math.max(...f.waybills.map((w) => w.signedAt ?? w.shippedAt));
        const appliedAt = between(rng, signedAt + HOUR, Math.min(now, signedAt + 5 * DAY));
        close(c, f, request(c, f, 'RETURN_REFUND', 'SUCCEEDED', appliedAt, 'whole', REASONS.RETURN_REFUND));
      }
      return;
    }
    default:
      return;
  }
}

function service(c: ChildContext, f: Fulfilment, paidAt: number): void {
  const { rng, now } = c;
  const code = issueCode(c);
  const redemption: RedemptionCodeRecord = {
    verifier: demoCodeMark(code),
    validFrom: paidAt,
    validTo: paidAt + 90 * DAY,
    usesTotal: c.uses,
    usesLeft: c.uses,
  };
  f.redemptionCode = redemption;
  c.timeline.add(paidAt + SECOND, 'system', 'server', 'ISSUE_CODE', `核销码已发放，可用 ${c.uses} 次，90 天内有效`);
  const redeem = (times: number, from: number, to: number): number => {
    const store = STORES.find((s) => s.id === c.storeId) ?? STORES[0];
    const moments = Array.from({ length: times }, () => storeHours(rng, between(rng, from, to), from, to)).sort(
      (a, b) => a - b,
    );
    for (const at of moments) {
      redemption.usesLeft -= 1;
      c.timeline.add(
        at,
        `clerk:${store.id}/${rng.pick(store.clerks)}`,
        `POS-${store.id}`,
        'REDEEM',
        `${store.name} 核销 1 次，剩余 ${redemption.usesLeft} 次`,
      );
    }
    return moments[moments.length - 1] ?? from;
  };
  switch (c.status) {
    case 'PENDING_REDEMPTION': {
      const used = c.uses > 1 && rng.chance(0.5) ? rng.int(1, c.uses - 1) : 0;
      const lastUse = used ? redeem(used, paidAt + 10 * MINUTE, now) : paidAt;
      if (rng.chance(0.05)) {
        request(
          c,
          f,
          'REFUND_ONLY',
          'PENDING_REVIEW',
          between(rng, lastUse + 10 * MINUTE, now),
          'whole',
          REASONS.service,
        );
      }
      return;
    }
    case 'COMPLETED':
      f.completedAt = redeem(c.uses, paidAt + 10 * MINUTE, Math.min(now, paidAt + 30 * DAY));
      return;
    case 'CLOSED':
      close(
        c,
        f,
        request(
          c,
          f,
          'REFUND_ONLY',
          'SUCCEEDED',
          between(rng, paidAt + HOUR, Math.min(now, paidAt + 20 * DAY)),
          'whole',
          REASONS.service,
        ),
      );
      return;
    default:
      return;
  }
}

function virtual(c: ChildContext, f: Fulfilment, paidAt: number): void {
  const { rng, now } = c;
  if (c.status === 'COMPLETED') {
    f.completedAt = Math.min(now, paidAt + rng.int(5, 120) * SECOND);
    c.timeline.add(f.completedAt, 'system', 'server', 'DELIVER', '虚拟商品已自动发放，交易完成');
  } else if (c.status === 'CLOSED') {
    const appliedAt = Math.min(now, paidAt + rng.int(1, 5) * MINUTE);
    close(c, f, request(c, f, 'REFUND_ONLY', 'SUCCEEDED', appliedAt, 'whole', REASONS.virtual, true));
  }
}

function issueCode(c: ChildContext): string {
  for (;;) {
    const code = generateCode((max) => c.rng.int(0, max - 1));
    if (!c.usedCodes.has(code)) {
      c.usedCodes.add(code);
      return code;
    }
  }
}

function shipAll(c: ChildContext, f: Fulfilment, paidAt: number, shipAt: number, mayRefuse: boolean): void {
  const split = c.lines.length >= 2 && c.rng.chance(0.2);
  if (split) {
    const cut = c.rng.int(1, c.lines.length - 1);
    ship(c, f, c.lines.slice(0, cut), Math.max(paidAt + 20 * MINUTE, shipAt - c.rng.int(0, 6) * HOUR), mayRefuse);
    ship(c, f, c.lines.slice(cut), shipAt, mayRefuse);
  } else {
    ship(c, f, c.lines, shipAt, mayRefuse);
  }
  f.shippedAt = shipAt;
}

function ship(c: ChildContext, f: Fulfilment, lines: LineRecord[], at: number, mayRefuse: boolean): void {
  const { rng } = c;
  const warehouse = warehouseNamed(c.warehouseId ?? 'WH-SH');
  const carrier = pickCarrier(rng);
  const trackingNo = carrier.trackingNo(rng);
  const courier = courierName(rng, mobileNumber(rng));
  const tracking = trackParcel(rng, {
    carrier,
    shippedAt: at,
    warehouseCity: warehouse.city,
    warehouseHub: warehouse.hub,
    destCity: c.receiver?.city ?? warehouse.city,
    destDistrict: c.receiver?.district ?? '',
    courier,
    now: c.now,
    mayRefuse,
  });
  const parcel = lines.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity - l.shippedQuantity }));
  for (const l of lines) l.shippedQuantity = l.quantity;
  f.waybills.push({
    id: `${c.orderNo}-W${f.waybills.length + 1}`,
    carrier: carrier.code,
    trackingNo,
    shippedAt: at,
    status: tracking.status,
    signedAt: tracking.signedAt,
    courier,
    lines: parcel,
    events: tracking.events,
  });
  const count = parcel.reduce((n, p) => n + p.quantity, 0);
  c.timeline.add(
    at,
    `warehouse:${warehouse.id}/${rng.pick(STAFF.warehouse[warehouse.id])}`,
    `DESK-${warehouse.id}-0${rng.int(1, 3)}`,
    'SHIP',
    `${warehouse.name}发货：${carrier.name} ${trackingNo}，共 ${count} 件`,
  );
}

/**
 * An after-sales request on the whole order or on one line. A successful refund marks the units
 * refunded, which is what the refund status is later derived from.
 */
function request(
  c: ChildContext,
  f: Fulfilment,
  type: AfterSaleType,
  status: AfterSaleStatus,
  createdAt: number,
  scope: 'whole' | 'one line',
  reasons: readonly string[],
  automatic = false,
): AfterSaleRecord {
  const { rng } = c;
  let lines: AfterSaleRecord['lines'] = [];
  const line = rng.pick(c.lines);
  let quantity = 0;
  if (scope === 'one line') {
    quantity = rng.int(1, line.quantity - line.refundedQuantity);
    lines = [{ lineNo: line.lineNo, quantity }];
  }
  // The same money rule as the service: a whole unshipped order gets its freight back, goods that travelled do not.
  const covered =
    scope === 'one line'
      ? lines
      : c.lines.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity - l.refundedQuantity }));
  const refundedBefore = f.afterSales
    .filter((a) => a.status === 'SUCCEEDED' && a.type !== 'EXCHANGE')
    .reduce((sum, a) => sum + a.amount, 0);
  const amount =
    type === 'EXCHANGE'
      ? 0
      : refundOf(
          {
            lines: c.lines,
            amounts: { payable: c.paid, paid: c.paid, freightInsurance: 0, pointsUsed: 0 },
            refundedFen: refundedBefore,
          },
          type,
          covered.filter((l) => l.quantity > 0),
        ).total;
  const seq = c.nextAfterSaleSeq();
  const record = makeAfterSale(rng, c.timeline, {
    id: `as-${seq}`,
    afterSaleNo: `AS${chinaYmd(createdAt).slice(2)}${String(seq).padStart(6, '0')}`,
    type,
    status,
    reason: rng.pick(reasons),
    amount,
    lines,
    createdAt,
    now: c.now,
    buyerActor: c.buyerActor,
    buyerDevice: c.buyerDevice,
    warehouse: c.warehouseId,
    automatic,
  });
  if (status === 'SUCCEEDED' && type !== 'EXCHANGE') {
    if (scope === 'whole') for (const l of c.lines) l.refundedQuantity = l.quantity;
    else line.refundedQuantity += quantity;
  }
  f.afterSales.push(record);
  return record;
}

/** Every item is back: 交易关闭, and 全额退款 only when every fen paid is back (the shared rule's words). */
function close(c: ChildContext, f: Fulfilment, refund: AfterSaleRecord): void {
  const back = f.afterSales
    .filter((a) => a.status === 'SUCCEEDED' && a.type !== 'EXCHANGE')
    .reduce((sum, a) => sum + a.amount, 0);
  c.timeline.add(refund.updatedAt, 'system', 'server', 'CLOSE', closeDetail(back >= c.paid));
}

export const isOpen = (a: AfterSaleRecord): boolean => OPEN_AFTER_SALE.has(a.status);
