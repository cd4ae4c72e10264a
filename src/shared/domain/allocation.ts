import { assertFen, type Fen } from './money';

/**
 * Splits `total` over lines in proportion to `weights` (their subtotals) so that every line can
 * later be refunded on its own. Each line gets the floor of its share; the fen left over goes to the
 * LAST line, so the shares always add up to `total` exactly.
 *
 * A share never exceeds its own weight (a line's payable never goes below 0). Flooring can leave a
 * remainder bigger than a small last line, so whatever the last line cannot take walks backwards to
 * the previous lines. Zero-weight lines (gifts) get nothing.
 *
 * Throws when total exceeds the sum of weights: callers cap first (computeAmounts puts any excess on
 * freight), so getting here is a bug.
 */
export function allocateProRata(total: Fen, weights: readonly Fen[]): Fen[] {
  assertFen(total, 'total');
  weights.forEach((w, i) => assertFen(w, `weights[${i}]`));
  const sum = weights.reduce((a, w) => a + w, 0);
  if (total > sum) throw new RangeError(`cannot allocate ${total} over weights summing to ${sum}`);
  if (total === 0) return weights.map(() => 0);

  // BigInt: subtotal × total leaves the safe-integer range for orders above ~950 000 yuan.
  const shares = weights.map((w) => Number((BigInt(w) * BigInt(total)) / BigInt(sum)));
  let remainder = total - shares.reduce((a, s) => a + s, 0);
  for (let i = shares.length - 1; i >= 0 && remainder > 0; i--) {
    const share = shares[i] ?? 0;
    const room = (weights[i] ?? 0) - share;
    const taken = Math.min(room, remainder);
    shares[i] = share + taken;
    remainder -= taken;
  }
  return shares;
}
