/**
 * Between sync rounds (15 s apart, longer while backing off) the desk would only learn that the
 * order service went away at the next round. A probe this cheap (GET /v1/health, a short timeout)
 * every couple of seconds shows 离线 within one probe of the network going, and starts a round the
 * moment the service answers again instead of waiting out the backoff.
 */
export interface LivenessOptions {
  /**
   * Sends one probe and notes what it saw (SyncEngine.checkReachable: the engine decides whether an
   * answer still counts, since a round may have run while the probe was out).
   */
  check(): Promise<void>;
  intervalMs?: number;
}

export const LIVENESS_INTERVAL_MS = 2_000;
export const LIVENESS_TIMEOUT_MS = 1_500;

export function startLiveness({ check, intervalMs = LIVENESS_INTERVAL_MS }: LivenessOptions): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  const tick = async () => {
    await check().catch(() => undefined);
    if (stopped) return;
    timer = setTimeout(() => void tick(), intervalMs);
  };
  timer = setTimeout(() => void tick(), intervalMs);
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
