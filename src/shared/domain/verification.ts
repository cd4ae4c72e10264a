/**
 * 扫描验货: every unit that goes into a parcel is scanned against the order's lines first. A code
 * (an item's EAN-13 or its SKU) ticks off one unit, or a typed quantity of them, of the line it
 * names. What the order does not hold, or more units than it still owes, is refused and changes
 * nothing: the packer takes that item out of the box.
 */
export interface VerifyLine {
  lineNo: number;
  sku: string;
  /** The item's EAN-13 when the desk knows it. */
  barcode: string | null;
  /** Units still to ship: the ones to verify. */
  owed: number;
  verified: number;
}

export type ScanRefusal = 'WRONG_ITEM' | 'EXTRA_UNIT';
export type ScanOutcome =
  { ok: true; lineNo: number; lines: VerifyLine[] } | { ok: false; code: ScanRefusal; lineNo: number | null };

export const normalizeItemCode = (code: string): string => code.trim().toUpperCase();

const names = (line: VerifyLine, code: string): boolean =>
  line.sku.toUpperCase() === code || (line.barcode !== null && line.barcode === code);

/** One scan (or a typed count of one item): the first line of that item with units left takes them. */
export function applyScan(lines: readonly VerifyLine[], code: string, quantity = 1): ScanOutcome {
  if (!Number.isInteger(quantity) || quantity < 1) throw new RangeError(`a scan counts whole units: ${quantity}`);
  const wanted = normalizeItemCode(code);
  const matching = lines.filter((line) => names(line, wanted));
  if (matching.length === 0) return { ok: false, code: 'WRONG_ITEM', lineNo: null };
  const left = (line: VerifyLine) => line.owed - line.verified;
  const target = matching.find((line) => left(line) >= quantity);
  if (!target) return { ok: false, code: 'EXTRA_UNIT', lineNo: matching[0]!.lineNo };
  return {
    ok: true,
    lineNo: target.lineNo,
    lines: lines.map((line) => (line === target ? { ...line, verified: line.verified + quantity } : line)),
  };
}

/** Every unit still owed has been scanned. An order with nothing left to ship is not "verified". */
export const fullyVerified = (lines: readonly VerifyLine[]): boolean =>
  lines.some((line) => line.owed > 0) && lines.every((line) => line.verified >= line.owed);

/** Whether a parcel holds only scanned units: each line's quantity within what was verified of it. */
export function parcelVerified(
  lines: readonly VerifyLine[],
  parcel: ReadonlyArray<{ lineNo: number; quantity: number }>,
): boolean {
  const taken = new Map<number, number>();
  for (const { lineNo, quantity } of parcel) taken.set(lineNo, (taken.get(lineNo) ?? 0) + quantity);
  return [...taken].every(([lineNo, quantity]) => quantity <= (lines.find((l) => l.lineNo === lineNo)?.verified ?? 0));
}
