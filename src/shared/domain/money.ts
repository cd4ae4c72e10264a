/**
 * Money is integer fen (1 yuan = 100 fen). Floats never hold money: 0.1 + 0.2 is not 0.3, and an
 * order total that is off by a fen fails reconciliation with the payment provider.
 */
export type Fen = number;

export const FEN_PER_YUAN = 100;
export const BASIS_POINTS = 10_000;

/** Programmer error, not a refusal: amounts reach the domain already validated by yuanToFen. */
export function assertFen(value: number, label = 'amount'): asserts value is Fen {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${label} must be a non-negative integer number of fen, got ${String(value)}`);
  }
}

/**
 * Accepts what people type in a price field: "45", "45.5", "45.00", "1,234.56", with an optional
 * leading ¥/￥ and surrounding spaces. Thousands separators must be well placed ("1,23" is a typo,
 * not 123). Negatives, more than two decimals, "00.5", ".5", "5." and garbage give null, because a
 * guessed amount is worse than a form error.
 */
const YUAN_TEXT = /^(0|[1-9]\d*|[1-9]\d{0,2}(?:,\d{3})+)(?:\.(\d{1,2}))?$/;

export function yuanToFen(text: string): Fen | null {
  const cleaned = text.trim().replace(/^[¥￥]\s*/, '');
  const match = YUAN_TEXT.exec(cleaned);
  if (!match) return null;
  const whole = (match[1] ?? '').replaceAll(',', '');
  const decimals = (match[2] ?? '').padEnd(2, '0');
  const fen = Number(whole) * FEN_PER_YUAN + Number(decimals);
  return Number.isSafeInteger(fen) ? fen : null;
}

export interface FormatFenOptions {
  symbol?: boolean;
  /** Thousands separators, for reports; off by default so amounts line up with what was typed. */
  grouping?: boolean;
}

export function formatFen(fen: Fen, options: FormatFenOptions = {}): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`fen must be a safe integer, got ${String(fen)}`);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = String(Math.floor(abs / FEN_PER_YUAN));
  const cents = String(abs % FEN_PER_YUAN).padStart(2, '0');
  const grouped = options.grouping ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole;
  return `${sign}${options.symbol ? '¥' : ''}${grouped}.${cents}`;
}

/**
 * amount × basisPoints / 10000, rounded half up to the fen (四舍五入: halves go away from zero).
 * BigInt because amount × 10000 leaves the safe-integer range for large B2B orders.
 */
export function percentOfHalfUp(amount: Fen, basisPoints: number): Fen {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`amount must be a safe integer, got ${String(amount)}`);
  if (!Number.isSafeInteger(basisPoints) || basisPoints < 0) {
    throw new RangeError(`basisPoints must be a non-negative integer, got ${String(basisPoints)}`);
  }
  const sign = amount < 0 ? -1n : 1n;
  const scaled = BigInt(Math.abs(amount)) * BigInt(basisPoints);
  const half = BigInt(BASIS_POINTS / 2);
  return Number((sign * (scaled + half)) / BigInt(BASIS_POINTS));
}
