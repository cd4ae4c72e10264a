import { describe, expect, it } from 'vitest';
import { applyLock, applyShip, applyUnlock } from '../../../src/shared/intents';
import { demoState, desk, lastEntry, later, ok, untouchedToShip } from './fixtures';

/** An order of two units or more, so it can leave in more than one parcel. */
const order = demoState(
  'paid physical order of several units',
  (o) => untouchedToShip(o) && o.lines.reduce((n, l) => n + l.quantity, 0) >= 2,
);
const { orderNo } = order.record;
const units = order.record.lines.flatMap((l) => Array.from({ length: l.quantity }, () => l.lineNo));
const firstUnit = [{ lineNo: units[0]!, quantity: 1 }];
const theRest = order.record.lines
  .map((l) => ({ lineNo: l.lineNo, quantity: l.lineNo === units[0] ? l.quantity - 1 : l.quantity }))
  .filter((l) => l.quantity > 0);

describe('SHIP', () => {
  it('ships an order in two parcels and leaves it 待发货 until the last', () => {
    const first = ok(
      applyShip(
        order,
        { orderNo, parcels: [{ carrier: 'SF', trackingNo: 'sf1234567890123', lines: firstUnit }] },
        desk,
      ),
    );
    expect(first.record.status).toBe('PENDING_SHIPMENT');
    expect(first.record.shippedAt).toBeNull();
    expect(first.record.waybills).toEqual([
      {
        id: `${orderNo}-W1`,
        carrier: 'SF',
        trackingNo: 'SF1234567890123',
        shippedAt: desk.now,
        status: 'IN_TRANSIT',
        signedAt: null,
        courier: '',
        lines: firstUnit,
        events: [],
      },
    ]);
    expect(lastEntry(first)).toEqual({
      at: desk.now,
      actor: desk.actor,
      device: desk.device,
      action: 'SHIP',
      detail: '顺丰速运 SF1234567890123，共 1 件（部分发货）',
    });

    const done = later(desk, 60_000);
    const second = ok(
      applyShip(first, { orderNo, parcels: [{ carrier: 'ZTO', trackingNo: '75312345678901', lines: theRest }] }, done),
    );
    expect(second.record.status).toBe('PENDING_RECEIPT');
    expect(second.record.shippedAt).toBe(done.now);
    expect(second.record.waybills.map((w) => w.id)).toEqual([`${orderNo}-W1`, `${orderNo}-W2`]);
    expect(second.record.lines.every((l) => l.shippedQuantity === l.quantity)).toBe(true);
    expect(lastEntry(second)?.detail).toBe(`中通快递 75312345678901，共 ${units.length - 1} 件`);
    expect(second.record.updatedAt).toBe(done.now);
  });

  it('ships several parcels in one intent, numbered in the order they were entered', () => {
    const shipped = ok(
      applyShip(
        order,
        {
          orderNo,
          parcels: [
            { carrier: 'YTO', trackingNo: 'YT1234567890123', lines: firstUnit },
            { carrier: 'SF', trackingNo: 'SF9876543210987', lines: theRest },
          ],
        },
        desk,
      ),
    );
    expect(shipped.record.status).toBe('PENDING_RECEIPT');
    expect(shipped.record.waybills.map((w) => [w.id, w.carrier])).toEqual([
      [`${orderNo}-W1`, 'YTO'],
      [`${orderNo}-W2`, 'SF'],
    ]);
    expect(lastEntry(shipped)?.detail).toBe(
      `圆通速递 YT1234567890123，共 1 件；顺丰速运 SF9876543210987，共 ${units.length - 1} 件`,
    );
  });

  it('refuses a parcel with a bad number, names every bad parcel, and ships nothing', () => {
    const result = applyShip(
      order,
      {
        orderNo,
        parcels: [
          { carrier: 'SF', trackingNo: 'SF12', lines: firstUnit },
          { carrier: 'PIGEON', trackingNo: '123456789012', lines: theRest },
        ],
      },
      desk,
    );
    expect(result).toEqual({
      ok: false,
      code: 'TRACKING_FORMAT',
      message: 'A parcel has a bad carrier or tracking number',
      fieldErrors: { 'parcels.0.trackingNo': 'TRACKING_FORMAT', 'parcels.1.carrier': 'UNKNOWN_CARRIER' },
    });
  });

  it('refuses to ship a locked order, and ships it once unlocked', () => {
    const locked = ok(applyLock(order, { orderNo, reason: '买家要求改地址' }, desk));
    const parcel = { orderNo, parcels: [{ carrier: 'SF', trackingNo: 'SF1234567890123', lines: firstUnit }] };
    expect(applyShip(locked, parcel, desk)).toMatchObject({ ok: false, code: 'ORDER_LOCKED' });
    const unlocked = ok(applyUnlock(locked, { orderNo }, desk));
    expect(applyShip(unlocked, parcel, desk).ok).toBe(true);
  });

  it('refuses to ship goods a refund-only request is holding', () => {
    const held = demoState(
      'order with a refund-only request under review',
      (o) =>
        o.status === 'PENDING_SHIPMENT' &&
        !o.locked &&
        o.afterSales.some((a) => a.type === 'REFUND_ONLY' && a.status === 'PENDING_REVIEW'),
    );
    const line = held.record.lines[0]!;
    const result = applyShip(
      held,
      {
        orderNo: held.record.orderNo,
        parcels: [{ carrier: 'SF', trackingNo: 'SF1234567890123', lines: [{ lineNo: line.lineNo, quantity: 1 }] }],
      },
      desk,
    );
    expect(result).toMatchObject({ ok: false, code: 'SHIPPING_INTERCEPTED' });
  });

  it('refuses more than remains to ship, and a line the order does not have', () => {
    const line = order.record.lines[0]!;
    const ship = (lines: Array<{ lineNo: number; quantity: number }>) =>
      applyShip(order, { orderNo, parcels: [{ carrier: 'SF', trackingNo: 'SF1234567890123', lines }] }, desk);
    expect(ship([{ lineNo: line.lineNo, quantity: line.quantity + 1 }])).toMatchObject({
      ok: false,
      code: 'QUANTITY_EXCEEDS_REMAINING',
    });
    expect(ship([{ lineNo: 99, quantity: 1 }])).toMatchObject({ ok: false, code: 'UNKNOWN_LINE' });
  });

  it('replaying the same intent twice on the same record refuses the second (no double effect)', () => {
    const everything = {
      orderNo,
      parcels: [{ carrier: 'SF', trackingNo: 'SF1234567890123', lines: [...firstUnit, ...theRest] }],
    };
    const once = ok(applyShip(order, everything, desk));
    expect(applyShip(once, everything, desk)).toMatchObject({ ok: false, code: 'WRONG_STATUS' });

    const partly = { orderNo, parcels: [{ carrier: 'SF', trackingNo: 'SF1234567890123', lines: theRest }] };
    const shippedPart = ok(applyShip(order, partly, desk));
    expect(applyShip(shippedPart, partly, desk)).toMatchObject({ ok: false, code: 'QUANTITY_EXCEEDS_REMAINING' });
  });

  it('gives the same record for the same inputs and leaves the record it was given as it was', () => {
    const before = JSON.stringify(order.record);
    const payload = { orderNo, parcels: [{ carrier: 'SF', trackingNo: 'SF1234567890123', lines: firstUnit }] };
    expect(applyShip(order, payload, desk)).toEqual(applyShip(order, payload, desk));
    expect(JSON.stringify(order.record)).toBe(before);
  });
});
