import { describe, expect, it } from 'vitest';
import {
  planProblems,
  shipsEverything,
  toParcelInputs,
  wholeOrderParcel,
  type PlannedParcel,
} from '../../../src/shared/shipping/parcel-plan';

/** Three mugs (one already shipped) and a kettle. */
const lines = [
  { lineNo: 1, quantity: 3, shippedQuantity: 1, refundedQuantity: 0 },
  { lineNo: 2, quantity: 1, shippedQuantity: 0, refundedQuantity: 0 },
];

describe('packing an order into parcels', () => {
  it('starts with everything still owed in one parcel', () => {
    expect(wholeOrderParcel(lines, 'SF')).toEqual({ carrier: 'SF', trackingNo: '', quantities: { 1: 2, 2: 1 } });
  });

  it('ships the mugs in one parcel and the kettle in another; nothing is left owed', () => {
    const parcels: PlannedParcel[] = [
      { carrier: 'SF', trackingNo: 'SF1234567890123', quantities: { 1: 2, 2: 0 } },
      { carrier: 'ZTO', trackingNo: '75312345678901', quantities: { 2: 1 } },
    ];
    expect(planProblems(lines, parcels)).toEqual([]);
    expect(shipsEverything(lines, parcels)).toBe(true);
    expect(toParcelInputs(parcels)).toEqual([
      { carrier: 'SF', trackingNo: 'SF1234567890123', lines: [{ lineNo: 1, quantity: 2 }] },
      { carrier: 'ZTO', trackingNo: '75312345678901', lines: [{ lineNo: 2, quantity: 1 }] },
    ]);
  });

  it('a partial shipment leaves the order owing the rest', () => {
    const parcels: PlannedParcel[] = [{ carrier: 'SF', trackingNo: 'SF1234567890123', quantities: { 1: 1 } }];
    expect(planProblems(lines, parcels)).toEqual([]);
    expect(shipsEverything(lines, parcels)).toBe(false);
  });

  it('names each problem: an empty parcel, a bad number, the same number twice, more than is owed', () => {
    const parcels: PlannedParcel[] = [
      { carrier: 'SF', trackingNo: 'SF1234567890123', quantities: { 1: 2 } },
      { carrier: 'SF', trackingNo: 'sf 1234567890123', quantities: { 1: 1 } },
      { carrier: 'YTO', trackingNo: '12', quantities: {} },
    ];
    expect(planProblems(lines, parcels)).toEqual([
      { code: 'DUPLICATE_TRACKING', parcel: 1 },
      { code: 'EMPTY_PARCEL', parcel: 2 },
      { code: 'TRACKING_FORMAT', parcel: 2 },
      { code: 'QUANTITY_EXCEEDS_REMAINING', lineNo: 1 },
    ]);
  });
});
