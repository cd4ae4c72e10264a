import { describe, expect, it } from 'vitest';
import { CATALOGUE, MERCHANTS } from '../../../src/shared/demo/catalogue';

describe('demo catalogue', () => {
  it('offers about 500 SKUs, each with its own code', () => {
    expect(CATALOGUE.length).toBeGreaterThan(400);
    expect(CATALOGUE.length).toBeLessThan(600);
    expect(new Set(CATALOGUE.map((s) => s.sku)).size).toBe(CATALOGUE.length);
  });

  it('describes each SKU the way a shop does: name, spec like 颜色:白色;尺码:L, a price in fen', () => {
    const tee = CATALOGUE.find((s) => s.name === '纯棉短袖T恤' && s.spec === '颜色:白色;尺码:L');
    expect(tee).toMatchObject({ unitPrice: 5900, kind: 'PHYSICAL' });
    for (const sku of CATALOGUE) {
      expect(Number.isSafeInteger(sku.unitPrice) && sku.unitPrice > 0).toBe(true);
      expect(sku.spec).toMatch(/^[^:;]+:[^;]+(;[^:;]+:[^;]+)*$/);
    }
  });

  it("sells the platform's own goods beside a few merchants, with services and virtual goods", () => {
    const merchants = new Set(CATALOGUE.map((s) => s.merchant.id));
    expect(merchants).toEqual(new Set(Object.values(MERCHANTS).map((m) => m.id)));
    expect(CATALOGUE.some((s) => s.kind === 'SERVICE' && s.uses > 1)).toBe(true);
    expect(CATALOGUE.some((s) => s.kind === 'VIRTUAL')).toBe(true);
  });
});
