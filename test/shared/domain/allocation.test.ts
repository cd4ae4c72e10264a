import { describe, it, expect } from 'vitest';
import { allocateProRata } from '../../../src/shared/domain/allocation';

const sum = (xs: number[]): number => xs.reduce((a, x) => a + x, 0);

describe('allocateProRata: sharing a discount among lines', () => {
  it('gives each line the floor of its share and the remainder to the last line', () => {
    expect(allocateProRata(100, [100, 100, 100])).toEqual([33, 33, 34]);
    expect(allocateProRata(1000, [3000, 2000, 1000])).toEqual([500, 333, 167]);
  });

  it('always adds up to the total exactly', () => {
    const weights = [1999, 1, 333, 4567, 12];
    for (const total of [0, 1, 7, 999, 3456, sum(weights)]) expect(sum(allocateProRata(total, weights))).toBe(total);
  });

  it('never gives a line more than its subtotal, spilling a big remainder backwards', () => {
    const shares = allocateProRata(9, [3, 3, 3, 1]);
    expect(sum(shares)).toBe(9);
    shares.forEach((s, i) => expect(s).toBeLessThanOrEqual([3, 3, 3, 1][i] ?? 0));
    expect(shares).toEqual([2, 3, 3, 1]);
  });

  it('gives nothing to a free gift line, even when it is last', () => {
    expect(allocateProRata(10, [5, 5, 0])).toEqual([5, 5, 0]);
    expect(allocateProRata(3, [2, 2, 0])).toEqual([1, 2, 0]);
  });

  it('allocates the whole goods total when the discount equals it', () => {
    expect(allocateProRata(60, [10, 20, 30])).toEqual([10, 20, 30]);
  });

  it('stays exact for amounts beyond float precision', () => {
    const shares = allocateProRata(99_999_999_999, [300_000_000_000, 1]);
    expect(sum(shares)).toBe(99_999_999_999);
  });

  it('refuses to allocate more than the lines are worth', () => {
    expect(() => allocateProRata(61, [10, 20, 30])).toThrow(RangeError);
    expect(() => allocateProRata(1, [])).toThrow(RangeError);
  });

  it('allocates nothing over no lines', () => {
    expect(allocateProRata(0, [])).toEqual([]);
  });
});
