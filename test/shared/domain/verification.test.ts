import { describe, expect, it } from 'vitest';
import { applyScan, fullyVerified, parcelVerified, type VerifyLine } from '../../../src/shared/domain/verification';

const order: VerifyLine[] = [
  { lineNo: 1, sku: 'FZ00101', barcode: '6938112000017', owed: 2, verified: 0 },
  { lineNo: 2, sku: 'SP00305', barcode: '6923450000304', owed: 1, verified: 0 },
  { lineNo: 3, sku: 'JJ00201', barcode: null, owed: 12, verified: 0 },
];

describe("scanning an order's items", () => {
  it('ticks a line off by its EAN-13 or its SKU code, one unit a scan', () => {
    const first = applyScan(order, '6938112000017');
    expect(first).toMatchObject({ ok: true, lineNo: 1 });
    const second = applyScan(first.ok ? first.lines : [], 'fz00101');
    expect(second.ok && second.lines[0]).toMatchObject({ verified: 2 });
  });

  it('refuses an item the order does not hold, and one unit too many, changing nothing', () => {
    expect(applyScan(order, '6901234567892')).toEqual({ ok: false, code: 'WRONG_ITEM', lineNo: null });
    const done = [{ ...order[1]!, verified: 1 }];
    expect(applyScan(done, '6923450000304')).toEqual({ ok: false, code: 'EXTRA_UNIT', lineNo: 2 });
  });

  it('takes a typed quantity for many of one item, but not more than owed', () => {
    const twelve = applyScan(order, 'JJ00201', 12);
    expect(twelve.ok && twelve.lines[2]!.verified).toBe(12);
    expect(applyScan(order, 'JJ00201', 13)).toMatchObject({ ok: false, code: 'EXTRA_UNIT' });
    expect(() => applyScan(order, 'JJ00201', 0)).toThrow(RangeError);
  });

  it('is complete when every owed unit was scanned; a parcel holds only scanned units', () => {
    expect(fullyVerified(order)).toBe(false);
    const all = order.map((l) => ({ ...l, verified: l.owed }));
    expect(fullyVerified(all)).toBe(true);
    expect(fullyVerified(order.map((l) => ({ ...l, owed: 0 })))).toBe(false);
    const partly = order.map((l) => ({ ...l, verified: l.lineNo === 1 ? 1 : 0 }));
    expect(parcelVerified(partly, [{ lineNo: 1, quantity: 1 }])).toBe(true);
    expect(parcelVerified(partly, [{ lineNo: 1, quantity: 2 }])).toBe(false);
    expect(parcelVerified(partly, [{ lineNo: 2, quantity: 1 }])).toBe(false);
  });
});
