import { describe, it, expect } from 'vitest';
import { splitCheckout } from '../../../src/shared/domain/split';

describe('splitCheckout: one checkout becomes child orders', () => {
  it('splits by merchant first, then by warehouse', () => {
    const groups = splitCheckout([
      { sku: 'a', merchantId: 'M2', warehouseId: 'W1' },
      { sku: 'b', merchantId: 'M1', warehouseId: 'W2' },
      { sku: 'c', merchantId: 'M1', warehouseId: 'W1' },
      { sku: 'd', merchantId: 'M1', warehouseId: 'W2' },
    ]);
    expect(groups.map((g) => [g.childIndex, g.merchantId, g.warehouseId, g.lines.map((l) => l.sku)])).toEqual([
      [1, 'M1', 'W1', ['c']],
      [2, 'M1', 'W2', ['b', 'd']],
      [3, 'M2', 'W1', ['a']],
    ]);
  });

  it('splits the same cart the same way whatever order the lines were added in', () => {
    const lines = [
      { sku: 'a', merchantId: 'M2', warehouseId: 'W1' },
      { sku: 'b', merchantId: 'M1', warehouseId: null },
      { sku: 'c', merchantId: 'M1', warehouseId: 'W1' },
    ];
    const keys = (ls: typeof lines) => splitCheckout(ls).map((g) => `${g.childIndex}:${g.merchantId}/${g.warehouseId}`);
    expect(keys([...lines].reverse())).toEqual(keys(lines));
  });

  it('keeps the cart order of lines inside a child', () => {
    const groups = splitCheckout([
      { sku: 'x', merchantId: 'M1', warehouseId: 'W1' },
      { sku: 'y', merchantId: 'M1', warehouseId: 'W1' },
      { sku: 'z', merchantId: 'M1', warehouseId: 'W1' },
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.lines.map((l) => l.sku)).toEqual(['x', 'y', 'z']);
  });

  it('puts goods without a warehouse after the merchant’s warehouse groups', () => {
    const groups = splitCheckout([
      { merchantId: 'M1', warehouseId: null },
      { merchantId: 'M1', warehouseId: 'W9' },
    ]);
    expect(groups.map((g) => g.warehouseId)).toEqual(['W9', null]);
  });

  it('never mixes order kinds in one child', () => {
    const groups = splitCheckout([
      { sku: 'ticket', merchantId: 'M1', warehouseId: null, kind: 'SERVICE' as const },
      { sku: 'ebook', merchantId: 'M1', warehouseId: null, kind: 'VIRTUAL' as const },
      { sku: 'voucher', merchantId: 'M1', warehouseId: null, kind: 'SERVICE' as const },
    ]);
    expect(groups.map((g) => [g.kind, g.lines.map((l) => l.sku)])).toEqual([
      ['SERVICE', ['ticket', 'voucher']],
      ['VIRTUAL', ['ebook']],
    ]);
  });

  it('sorts by code units, not by locale', () => {
    const groups = splitCheckout([
      { merchantId: 'b', warehouseId: null },
      { merchantId: 'B', warehouseId: null },
      { merchantId: 'a', warehouseId: null },
    ]);
    expect(groups.map((g) => g.merchantId)).toEqual(['B', 'a', 'b']);
  });

  it('makes no children of an empty cart', () => {
    expect(splitCheckout([])).toEqual([]);
  });
});
