/**
 * Browsers cap an element's height (Chromium at about 16.7 million px; a million 36 px rows need
 * 36 million), so a list that long cannot be one tall element. The scrollable height is capped
 * instead and the scrollbar maps proportionally onto the whole result: the thumb dragged to 70 %
 * shows the row at 70 %, and the end of the scroll range is the last row. Wheel and keys move by
 * real pixels of rows (see OrderTable), so near the viewport nothing jumps.
 */
export const MAX_SCROLL_HEIGHT = 8_000_000;

export interface Scale {
  /** Height of the scrollable content. */
  height: number;
  /** Virtual pixels (rows × row height) per real scrolled pixel; 1 when the list fits. */
  ratio: number;
}

export function scaleFor(rows: number, rowHeight: number, viewport: number): Scale {
  const full = rows * rowHeight;
  if (full <= MAX_SCROLL_HEIGHT) return { height: full, ratio: 1 };
  // Both ends must meet: scrollTop 0 is row 0, the largest scrollTop shows the last row at the bottom.
  const ratio = Math.max(1, full - viewport) / Math.max(1, MAX_SCROLL_HEIGHT - viewport);
  return { height: MAX_SCROLL_HEIGHT, ratio };
}
