import { expect } from 'vitest';
import type { OrderRecord } from '../../src/shared/contract/records';
import { paymentSerialNo } from '../../src/shared/demo/payments';
import { demoBuyer } from '../../src/shared/demo/people';
import { Random } from '../../src/shared/demo/random';
import type { OrderKind, PaymentChannel } from '../../src/shared/domain/vocabulary';
import { DEMO_PRODUCTS, DEMO_SEED, dealerPriceList, demoStock } from '../../src/server/demo/company';
import type { Session } from '../support/service';

/** SKUs that run low somewhere (the demo has a few): tests keep clear of them unless they want a shortage. */
const LOW = new Set(
  demoStock()
    .filter((s) => s.onHand < 50)
    .map((s) => s.sku),
);

/** An on-sale, well-stocked SKU of a kind, optionally of one merchant: what a shopper can actually buy. */
export function sku(kind: OrderKind, options: { merchantId?: string; uses?: number; nth?: number } = {}): string {
  const matching = DEMO_PRODUCTS.filter(
    (p) =>
      p.kind === kind &&
      p.onSale &&
      !LOW.has(p.sku) &&
      (options.merchantId === undefined || p.merchantId === options.merchantId) &&
      (options.uses === undefined || p.uses === options.uses),
  );
  const found = matching[(options.nth ?? 0) % matching.length];
  if (!found) throw new Error(`no ${kind} sku`);
  return found.sku;
}

/** The platform's own goods: in every warehouse, and in every dealer's price list. */
export const SELF = 'MCH-0001';

/** A demo buyer who lives where the given warehouse ships from (so orders land in it). */
export function buyerNear(warehouseId: string): number {
  for (let i = 0; i < 10_000; i++) if (demoBuyer(DEMO_SEED, i).home.warehouse === warehouseId) return i;
  throw new Error(`no buyer near ${warehouseId}`);
}

let trackingSerial = 1_000_000_000_000;
/** A fresh, well-formed SF Express number. */
export const sfTracking = (): string => `SF${trackingSerial++}`;

export interface Checkout {
  lines: Array<{ sku: string; quantity: number }>;
  buyerIndex?: number;
  storeId?: string;
}

/** A buyer places a checkout through the demo buyer API; answers its child orders (待付款). */
export async function place(admin: Session, checkout: Checkout): Promise<OrderRecord[]> {
  const placed = await admin.post('/v1/demo/orders', checkout);
  expect(placed.status, JSON.stringify(placed.body)).toBe(200);
  return placed.body.orders;
}

let serials = 1;

/** Places and pays a checkout; answers its child orders as paid. */
export async function placePaid(
  admin: Session,
  checkout: Checkout,
  channel: PaymentChannel = 'WECHAT_PAY',
): Promise<OrderRecord[]> {
  const [first] = await place(admin, checkout);
  // The mall's payment notice carries the channel's serial number, as a real one does.
  const serialNo = paymentSerialNo(new Random(serials++), channel, Date.UTC(2025, 2, 14));
  const paid = await admin.post('/v1/events/payment-confirmed', { orderNo: first!.orderNo, channel, serialNo });
  expect(paid.status, JSON.stringify(paid.body)).toBe(200);
  return paid.body.orders;
}

/** One paid physical order of the platform's own goods in the given warehouse (待发货). */
export async function paidPhysical(admin: Session, warehouseId = 'WH-SH', quantity = 2, nth = 0): Promise<OrderRecord> {
  const [order] = await placePaid(admin, {
    lines: [{ sku: sku('PHYSICAL', { merchantId: SELF, nth }), quantity }],
    buyerIndex: buyerNear(warehouseId),
  });
  expect(order!.warehouseId).toBe(warehouseId);
  return order!;
}

export async function getOrder(session: Session, orderNo: string): Promise<OrderRecord> {
  const answer = await session.get(`/v1/orders/${orderNo}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}

/** Pushes one intent and answers its result. */
export async function pushOne(session: Session, type: Parameters<Session['intent']>[0], payload: unknown) {
  const answer = await session.push([{ type, payload }]);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.results[0]!;
}

export const dealerPrice = (dealerId: string, skuCode: string): number => {
  const found = dealerPriceList(dealerId).find((p) => p.sku === skuCode);
  if (!found) throw new Error(`${skuCode} is not in ${dealerId}'s price list`);
  return found.price;
};

/** Ships every remaining unit of an order in one SF parcel. */
export async function shipAll(session: Session, order: OrderRecord, carrier = 'SF', trackingNo = sfTracking()) {
  return pushOne(session, 'SHIP', {
    orderNo: order.orderNo,
    parcels: [
      {
        carrier,
        trackingNo,
        lines: order.lines.map((l) => ({
          lineNo: l.lineNo,
          quantity: l.quantity - l.shippedQuantity - l.refundedQuantity,
        })),
      },
    ],
  });
}

/**
 * Runs what the service must refuse and answers its answer, having checked that the order did not
 * change: its whole record, timeline and after-sales included, as the service holds it.
 */
export async function unchangedOn<T>(observer: Session, orderNo: string, action: () => Promise<T>): Promise<T> {
  const before = await getOrder(observer, orderNo);
  const answer = await action();
  expect(await getOrder(observer, orderNo), `${orderNo} changed on ${JSON.stringify(answer)}`).toEqual(before);
  return answer;
}
