import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { encodeCode128, QUIET_ZONE_MODULES } from '../../../src/shared/barcode/code128';
import { Barcode } from '../../../src/renderer/print/Barcode';

describe('the printed barcode', () => {
  const orderNo = 'M2403140042000017';
  const svg = renderToStaticMarkup(<Barcode value={orderNo} />);
  const { widths, modules } = encodeCode128(orderNo);

  it('is sized in mm at its module width, quiet zones included, with crisp edges', () => {
    const total = modules + 2 * QUIET_ZONE_MODULES;
    expect(svg).toContain(`width="${(total * 0.381).toFixed(3)}mm"`);
    expect(svg).toContain(`viewBox="0 0 ${total} 1"`);
    expect(svg).toContain('shape-rendering="crispEdges"');
    expect(svg).toContain(`aria-label="${orderNo}"`);
  });

  it('draws one bar per bar element, the first after the quiet zone and the last before it', () => {
    const bars = [...svg.matchAll(/M(\d+) 0h(\d+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(bars).toHaveLength((widths.length + 1) / 2);
    expect(bars[0]).toEqual([QUIET_ZONE_MODULES, widths[0]]);
    const [lastX, lastWidth] = bars.at(-1)!;
    expect(lastX! + lastWidth!).toBe(QUIET_ZONE_MODULES + modules);
  });
});
