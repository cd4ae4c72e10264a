import { describe, expect, it } from 'vitest';
import { MAX_SCROLL_HEIGHT, scaleFor } from '../../../../src/renderer/screens/orders/scroll-scale';

const ROW = 36;
const VIEWPORT = 700;

describe('the order list’s scroll range against the browser’s cap on an element’s height', () => {
  it('a list that fits is as tall as its rows and scrolls pixel for pixel', () => {
    expect(scaleFor(20_000, ROW, VIEWPORT)).toEqual({ height: 20_000 * ROW, ratio: 1 });
  });

  it('a million rows stay under the cap, and the end of the scrollbar shows the last row at the bottom', () => {
    const rows = 1_000_000;
    const { height, ratio } = scaleFor(rows, ROW, VIEWPORT);
    expect(height).toBeLessThanOrEqual(MAX_SCROLL_HEIGHT);
    // Chromium stops an element at about 16.7 million px; 36 million would be cut off there.
    expect(height).toBeLessThan(16_000_000);
    const lastScrollTop = height - VIEWPORT;
    const virtualTop = lastScrollTop * ratio;
    expect(virtualTop).toBeCloseTo(rows * ROW - VIEWPORT, 3);
    expect(Math.floor((virtualTop + VIEWPORT - 1) / ROW)).toBe(rows - 1);
  });

  it('the thumb halfway down shows the rows halfway through the result', () => {
    const { height, ratio } = scaleFor(1_000_000, ROW, VIEWPORT);
    const row = Math.floor((((height - VIEWPORT) / 2) * ratio) / ROW);
    expect(Math.abs(row - 500_000)).toBeLessThan(20);
  });
});
