import { describe, it, expect } from 'vitest';
import { lineRefundFen } from '../../../src/shared/domain/refund-amount';

describe('lineRefundFen: refunding part of a line', () => {
  const line = { payable: 1000, quantity: 3, refundedQuantity: 0 };

  it('refunds a whole line for exactly its payable', () => {
    expect(lineRefundFen(line, 3)).toBe(1000);
  });

  it('refunds unit by unit for exactly the payable in total', () => {
    const parts = [0, 1, 2].map((before) => lineRefundFen({ ...line, refundedQuantity: before }, 1));
    expect(parts).toEqual([333, 333, 334]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(1000);
  });

  it('refunds the same total whichever steps the units go back in', () => {
    const twoThenOne = lineRefundFen(line, 2) + lineRefundFen({ ...line, refundedQuantity: 2 }, 1);
    expect(twoThenOne).toBe(1000);
  });

  it('refuses to refund more units than are left', () => {
    expect(() => lineRefundFen({ ...line, refundedQuantity: 2 }, 2)).toThrow(RangeError);
  });
});
