import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { orderRecord, type OrderRecord } from '../../../src/shared/contract/records';
import { checkTrackingNo } from '../../../src/shared/domain/carriers';
import { parseOrderNumber } from '../../../src/shared/domain/order-number';
import {
  ORDER_KINDS,
  ORDER_SOURCES,
  ORDER_STATUSES,
  PAYMENT_STATUSES,
  PLATFORMS,
  REFUND_STATUSES,
} from '../../../src/shared/domain/vocabulary';
import { demoCodeOf } from '../../../src/shared/demo/codes';
import { demoOrderStream, generateDemoOrders } from '../../../src/shared/demo/generate';

const NOW = Date.UTC(2025, 5, 1, 4, 0, 0);
const DAY = 86_400_000;
const orders = generateDemoOrders({ count: 2000, seed: 42, now: NOW });
const share = (keep: (o: OrderRecord) => boolean) => orders.filter(keep).length / orders.length;
const valuesOf = <T>(pick: (o: OrderRecord) => T) => new Set(orders.map(pick));

describe('demo orders', () => {
  it('are valid order records, every one of a sample of 2,000', () => {
    expect(orders).toHaveLength(2000);
    for (const order of orders) expect(() => orderRecord.parse(order)).not.toThrow();
  });

  it('are the same for the same seed and differ for another', () => {
    expect(JSON.stringify(generateDemoOrders({ count: 2000, seed: 42, now: NOW }))).toBe(JSON.stringify(orders));
    expect(generateDemoOrders({ count: 2000, seed: 43, now: NOW })[0]).not.toEqual(orders[0]);
  });

  it('stream out one by one exactly as the whole batch, so a million need not sit in memory', () => {
    const streamed: OrderRecord[] = [];
    for (const order of demoOrderStream({ count: 2000, seed: 42, now: NOW })) streamed.push(order);
    expect(streamed).toEqual(orders);
  });

  it('number orders {marker}{yyMMdd China time}{device}{seq}, children as parent + 2 digits, never twice', () => {
    expect(new Set(orders.map((o) => o.orderNo)).size).toBe(orders.length);
    const china = (at: number) => new Date(at + 8 * 3_600_000).toISOString().slice(0, 10);
    for (const o of orders) {
      const parsed = parseOrderNumber(o.orderNo);
      expect(parsed).not.toBeNull();
      expect(o.orderNo.startsWith(o.parentNo)).toBe(true);
      expect(o.orderNo).toHaveLength(o.parentNo.length + 2);
      expect(parsed?.source).toBe(o.source);
      expect(parsed?.date).toBe(china(o.createdAt));
    }
  });

  it('split a checkout by merchant and then by warehouse, sharing buyer and payment', () => {
    const byParent = new Map<string, OrderRecord[]>();
    for (const o of orders) byParent.set(o.parentNo, [...(byParent.get(o.parentNo) ?? []), o]);
    const split = [...byParent.values()].filter((children) => children.length > 1);
    expect(split.length).toBeGreaterThan(20);
    for (const children of split) {
      const keys = children.map((c) => `${c.merchantId}/${c.warehouseId}`);
      expect(new Set(keys).size).toBe(children.length);
      expect(new Set(children.map((c) => JSON.stringify([c.buyer, c.payment, c.createdAt]))).size).toBe(1);
    }
  });

  it('add up: payable = goods + freight − discounts, with discounts spread over the lines', () => {
    for (const { amounts: a, lines, paidAt } of orders) {
      const discounts = a.couponDiscount + a.campaignDiscount + a.memberDiscount + a.memberBenefit + a.pointsDeduction;
      expect(a.goodsTotal).toBe(lines.reduce((n, l) => n + l.unitPrice * l.quantity, 0));
      expect(a.payable).toBe(a.goodsTotal + a.freight - discounts);
      expect(a.payable).toBeGreaterThanOrEqual(0);
      expect(lines.reduce((n, l) => n + l.discount, 0)).toBe(Math.min(discounts, a.goodsTotal));
      for (const l of lines) expect(l.payable).toBe(l.unitPrice * l.quantity - l.discount);
      expect(a.paid).toBe(paidAt === null ? 0 : a.payable);
      expect(Object.values(a).every(Number.isSafeInteger)).toBe(true);
    }
    expect(share((o) => o.promotions.length > 0)).toBeGreaterThan(0.2);
  });

  it('happen in the 90 days before now, each step after the one before', () => {
    for (const o of orders) {
      expect(o.createdAt).toBeGreaterThan(NOW - 91 * DAY);
      expect(o.updatedAt).toBeLessThanOrEqual(NOW);
      if (o.paidAt !== null) expect(o.paidAt).toBeGreaterThanOrEqual(o.createdAt);
      if (o.shippedAt !== null) expect(o.shippedAt).toBeGreaterThanOrEqual(o.paidAt ?? Infinity);
      if (o.completedAt !== null) expect(o.completedAt).toBeGreaterThanOrEqual(o.shippedAt ?? o.paidAt ?? Infinity);
      const times = o.timeline.map((t) => t.at);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(Math.max(...times)).toBeLessThanOrEqual(o.updatedAt);
      for (const w of o.waybills) for (const e of w.events) expect(e.at).toBeLessThanOrEqual(NOW);
    }
  });

  it('cover every status, payment status, refund status, kind, source and platform', () => {
    expect(valuesOf((o) => o.status)).toEqual(new Set(ORDER_STATUSES));
    expect(valuesOf((o) => o.paymentStatus)).toEqual(new Set(PAYMENT_STATUSES));
    expect(valuesOf((o) => o.refundStatus)).toEqual(new Set(REFUND_STATUSES));
    expect(valuesOf((o) => o.kind)).toEqual(new Set(ORDER_KINDS));
    expect(valuesOf((o) => o.source)).toEqual(new Set(ORDER_SOURCES));
    expect(valuesOf((o) => o.platform)).toEqual(new Set(PLATFORMS));
  });

  it('give the warehouse desk a real 待发货 queue, mostly physical orders, some locked or in exception', () => {
    expect(share((o) => o.status === 'PENDING_SHIPMENT')).toBeGreaterThan(0.2);
    expect(share((o) => o.kind === 'PHYSICAL')).toBeGreaterThan(0.8);
    expect(orders.some((o) => o.locked && o.lockReason)).toBe(true);
    expect(orders.some((o) => o.exception)).toBe(true);
    expect(orders.filter((o) => o.status === 'PENDING_PAYMENT').every((o) => o.createdAt > NOW - 30 * 60_000)).toBe(
      true,
    );
  });

  it('place orders in three warehouses, service orders in five stores, dealer orders with ten dealers', () => {
    expect(valuesOf((o) => o.warehouseId)).toEqual(new Set(['WH-SH', 'WH-GZ', 'WH-BJ', null]));
    for (const o of orders) {
      expect(o.warehouseId === null).toBe(o.kind !== 'PHYSICAL');
      expect(o.storeId === null).toBe(o.kind !== 'SERVICE');
      expect(o.dealerId === null).toBe(o.source !== 'DEALER');
    }
    expect([...valuesOf((o) => o.storeId)].filter(Boolean).sort()).toEqual([
      'ST-01',
      'ST-02',
      'ST-03',
      'ST-04',
      'ST-05',
    ]);
    expect(
      [...valuesOf((o) => o.dealerId)].filter((d) => d !== null).every((d) => /^DL-(0[1-9]|10)$/.test(d ?? '')),
    ).toBe(true);
  });

  it('address Chinese receivers with plausible names and mobile numbers', () => {
    const receivers = orders.flatMap((o) => (o.receiver ? [o.receiver] : []));
    for (const r of receivers) {
      expect(r.name).toMatch(/^[\u4e00-\u9fa5]{2,4}$/);
      expect(r.phone).toMatch(/^1[3-9]\d{9}$/);
      expect(r.postcode).toMatch(/^\d{6}$/);
      expect(r.address.length).toBeGreaterThan(5);
    }
    expect(receivers.filter((r) => [...r.name].length === 2).length).toBeGreaterThan(receivers.length * 0.15);
    expect(new Set(receivers.map((r) => r.province)).size).toBeGreaterThan(15);
  });

  it('ship with real carriers and tracking numbers each carrier would accept', () => {
    const waybills = orders.flatMap((o) => o.waybills);
    expect(new Set(waybills.map((w) => w.carrier))).toEqual(
      new Set(['SF', 'ZTO', 'YTO', 'STO', 'YUNDA', 'JD', 'EMS', 'JT']),
    );
    for (const w of waybills) {
      expect(checkTrackingNo(w.carrier, w.trackingNo)).toEqual({ ok: true, normalized: w.trackingNo });
      // A parcel handed over in the last hours may not have been scanned by the carrier yet.
      if (!w.events.length) expect(NOW - w.shippedAt).toBeLessThan(6 * 3_600_000);
    }
    expect(new Set(waybills.map((w) => w.trackingNo)).size).toBe(waybills.length);
  });

  it('ship exactly what each order holds, and refund no more than that', () => {
    for (const o of orders) {
      for (const line of o.lines) {
        const inParcels = o.waybills
          .flatMap((w) => w.lines)
          .filter((l) => l.lineNo === line.lineNo)
          .reduce((n, l) => n + l.quantity, 0);
        expect(inParcels).toBe(line.shippedQuantity);
        expect(line.shippedQuantity).toBeLessThanOrEqual(line.quantity);
        expect(line.refundedQuantity).toBeLessThanOrEqual(line.quantity);
      }
      if (o.status === 'PENDING_RECEIPT' || o.status === 'COMPLETED') {
        if (o.kind === 'PHYSICAL') expect(o.lines.every((l) => l.shippedQuantity === l.quantity)).toBe(true);
      }
    }
  });

  it('give paid service orders a 6-digit redemption code, unique, used up when completed', () => {
    const service = orders.filter((o) => o.kind === 'SERVICE' && o.paidAt !== null);
    expect(service.length).toBeGreaterThan(30);
    // The generator's `demo:<code>` stand-in, which only the service's seed ever reads.
    const codes = service.map((o) => demoCodeOf(o));
    expect(codes.every((c) => /^\d{6}$/.test(c ?? ''))).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    for (const o of service.filter((s) => s.status === 'COMPLETED')) expect(o.redemptionCode?.usesLeft).toBe(0);
    for (const o of service.filter((s) => s.status === 'PENDING_REDEMPTION'))
      expect(o.redemptionCode?.usesLeft).toBeGreaterThan(0);
  });

  it('keep the refund overlay consistent with the after-sales on each order', () => {
    for (const o of orders) {
      const open = o.afterSales.some((a) => !['SUCCEEDED', 'REJECTED', 'WITHDRAWN'].includes(a.status));
      if (open) expect(o.refundStatus).toBe('IN_PROGRESS');
      if (o.status === 'CLOSED') {
        // 全额退款 only when every fen paid is back; a return keeps the freight of its delivery.
        const back = o.afterSales
          .filter((a) => a.status === 'SUCCEEDED' && a.type !== 'EXCHANGE')
          .reduce((sum, a) => sum + a.amount, 0);
        const settled = back >= o.amounts.paid ? 'REFUNDED' : 'PARTIALLY_REFUNDED';
        expect([o.paymentStatus, o.refundStatus]).toEqual([settled, settled]);
        expect(back).toBeLessThanOrEqual(o.amounts.paid);
      }
    }
    expect(share((o) => o.afterSales.length > 0)).toBeGreaterThan(0.03);
  });

  it('are made without Node, so the order service and the renderer can use the same generator', () => {
    const dir = join(__dirname, '../../../src/shared/demo');
    for (const file of readdirSync(dir)) {
      expect(readFileSync(join(dir, file), 'utf8')).not.toMatch(
        /from ['"](node:|fs|path|crypto|os)['"]|Math\.random\(/,
      );
    }
  });
});
