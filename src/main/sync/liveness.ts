/**
 * Between sync rounds (15 s apart, longer while backing off) the desk would only learn that the
 * order service went away at the next round. A probe this cheap (GET /v1/health, a short timeout)
 * every couple of seconds shows 离线 within one probe of the network going, and starts a round the
 * moment the service answers again instead of waiting out the backoff.
 */
export interface LivenessOptions {
  /** Resolves whether the service answered. */
  probe(): Promise<boolean>;
  onResult(reachable: boolean): void;
  intervalMs?: number;
}

export const LIVENESS_INTERVAL_MS = 2_000;
export const LIVENESS_TIMEOUT_MS = 1_500;

export function startLiveness({ probe, onResult, intervalMs = LIVENESS_INTERVAL_MS }: LivenessOptions): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  const tick = async () => {
    const reachable = await probe().catch(() => false);
    if (stopped) return;
    onResult(reachable);
    timer = setTimeout(() => void tick(), intervalMs);
  };
  timer = setTimeout(() => void tick(), intervalMs);
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
