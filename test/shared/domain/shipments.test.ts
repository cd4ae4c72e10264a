import { describe, expect, it } from 'vitest';
import { fitsPart, isPartition, mergeRefusal, owedUnits, partsForParcels } from '../../../src/shared/domain/shipments';

const line = (lineNo: number, quantity: number, shippedQuantity = 0, refundedQuantity = 0) => ({
  lineNo,
  quantity,
  shippedQuantity,
  refundedQuantity,
});

describe('拆单 and 合单 rules', () => {
  it('owes what is neither shipped nor refunded', () => {
    expect(owedUnits([line(1, 3, 1), line(2, 2, 0, 2), line(3, 1)])).toEqual([
      { lineNo: 1, quantity: 2 },
      { lineNo: 3, quantity: 1 },
    ]);
  });

  it('accepts a split only when every owed unit is in exactly one of at least two parts', () => {
    const owed = [
      { lineNo: 1, quantity: 2 },
      { lineNo: 2, quantity: 1 },
    ];
    expect(
      isPartition(owed, [
        [{ lineNo: 1, quantity: 1 }],
        [
          { lineNo: 1, quantity: 1 },
          { lineNo: 2, quantity: 1 },
        ],
      ]),
    ).toBe(true);
    // One part only, a unit left out, a unit twice, an unknown line, an empty part.
    expect(isPartition(owed, [owed])).toBe(false);
    expect(isPartition(owed, [[{ lineNo: 1, quantity: 2 }], [{ lineNo: 2, quantity: 0 }]])).toBe(false);
    expect(
      isPartition(owed, [
        [{ lineNo: 1, quantity: 2 }],
        [
          { lineNo: 1, quantity: 1 },
          { lineNo: 2, quantity: 1 },
        ],
      ]),
    ).toBe(false);
    expect(
      isPartition(owed, [
        [{ lineNo: 1, quantity: 2 }],
        [
          { lineNo: 2, quantity: 1 },
          { lineNo: 9, quantity: 1 },
        ],
      ]),
    ).toBe(false);
    expect(isPartition(owed, [[...owed], []])).toBe(false);
  });

  it('matches each parcel to its own unshipped part, an exact one first', () => {
    const parts = [
      { lines: [{ lineNo: 1, quantity: 2 }], shipped: false },
      { lines: [{ lineNo: 1, quantity: 1 }], shipped: false },
      { lines: [{ lineNo: 2, quantity: 1 }], shipped: true },
    ];
    expect(partsForParcels([[{ lineNo: 1, quantity: 1 }]], parts)).toEqual([1]);
    expect(partsForParcels([[{ lineNo: 1, quantity: 1 }], [{ lineNo: 1, quantity: 1 }]], parts)).toEqual([1, 0]);
    expect(partsForParcels([[{ lineNo: 2, quantity: 1 }]], parts)).toBeNull();
    expect(fitsPart([{ lineNo: 1, quantity: 3 }], parts[0]!.lines)).toBe(false);
  });

  it('merges two or more orders of one buyer, receiver and warehouse, nothing else', () => {
    const a = { orderNo: 'A00001', buyerId: 'B1', receiver: '张三|138', warehouseId: 'WH-SH' };
    expect(mergeRefusal([a, { ...a, orderNo: 'A00002' }])).toBeNull();
    expect(mergeRefusal([a, a])).toBe('MERGE_TOO_FEW');
    expect(mergeRefusal([a, { ...a, orderNo: 'A00002', receiver: '张三|139' }])).toBe('MERGE_MISMATCH');
    expect(mergeRefusal([a, { ...a, orderNo: 'A00002', warehouseId: 'WH-GZ' }])).toBe('MERGE_MISMATCH');
    expect(mergeRefusal([a, { ...a, orderNo: 'A00002', buyerId: 'B2' }])).toBe('MERGE_MISMATCH');
  });
});
