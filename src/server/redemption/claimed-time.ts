/**
 * When an offline redemption happened, as the service will record it. The desk's claim is read on
 * the desk's own clock, corrected by how far that clock was off at its last sync, and then kept
 * between the last sync (it cannot have happened while the desk was still online and said
 * nothing) and now (never in the future). A desk whose clock was turned back to before a code's
 * expiry therefore gains nothing: its claim is lifted to its last sync.
 */
export function judgeClaimedTime(
  claimed: number,
  lastSync: { at: number; clockOffset: number } | null,
  now: number,
): number {
  const estimate = claimed - (lastSync?.clockOffset ?? 0);
  return Math.min(now, Math.max(lastSync?.at ?? Number.NEGATIVE_INFINITY, estimate));
}
