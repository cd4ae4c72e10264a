import type { Deps } from '../deps';
import type { OutboundRow, ShopRow } from '../storage/repositories';
import { DELIVERERS, delivererOf, DeliveryError, type DelivererFor } from './deliverers';

export interface DeliveryRound {
  delivered: number;
  retried: number;
  dead: number;
}

/** Events taken in one round; a round repeats until nothing is due. */
const BATCH = 100;
/** Deliveries in flight at once: enough to hide a slow receiver, few enough for two cores. */
const PARALLEL = 8;

/** 1st retry after `base`, then twice as long each time, never longer than `max`. */
export const backoffMs = (attempts: number, base: number, max: number): number =>
  Math.min(max, base * 2 ** Math.max(0, attempts - 1));

interface Claimed {
  event: OutboundRow;
  shop: ShopRow | null;
}

/**
 * One round of the outbound queue: the due events are claimed in a unit (each attempt counted and
 * leased, so a slow delivery is not started twice, nor by another node), delivered outside any
 * unit (the store never waits for the network), and each outcome recorded in a unit of its own.
 * A refused event is retried with exponential backoff until its attempts run out; then it is
 * parked as dead, where an admin sees it and may replay it.
 */
export async function deliverDue(deps: Deps, deliverers: readonly DelivererFor[] = DELIVERERS): Promise<DeliveryRound> {
  const { store, clock, config } = deps;
  const { maxAttempts, baseDelayMs, maxDelayMs, timeoutMs } = config.outbound;
  const round: DeliveryRound = { delivered: 0, retried: 0, dead: 0 };
  for (;;) {
    const now = clock.now();
    const claimed: Claimed[] = await store.unit(async (tx) => {
      const taken: Claimed[] = [];
      for (const event of await tx.outbound.due(now, BATCH)) {
        if (await tx.outbound.claim(event.id, event.attempts, now + timeoutMs * 2))
          taken.push({ event: { ...event, attempts: event.attempts + 1 }, shop: await tx.shops.get(event.shopId) });
      }
      return taken;
    });
    if (claimed.length === 0) return round;

    const deliverOne = async ({ event, shop }: Claimed): Promise<void> => {
      let failure: DeliveryError | null = null;
      const deliverer = shop ? delivererOf(deliverers, shop) : null;
      if (!shop || !deliverer)
        failure = new DeliveryError('nobody to deliver to: the shop has no webhook or connector', true);
      else {
        try {
          await deliverer.deliver(event, shop, { now: clock.now(), timeoutMs });
        } catch (error) {
          failure = error instanceof DeliveryError ? error : new DeliveryError(String(error));
        }
      }
      const at = clock.now();
      await store.unit(async (tx) => {
        if (!failure) {
          round.delivered++;
          return tx.outbound.delivered(event.id, at);
        }
        const message = failure.message.slice(0, 500);
        if (failure.permanent || event.attempts >= maxAttempts) {
          round.dead++;
          return tx.outbound.dead(event.id, at, message);
        }
        round.retried++;
        return tx.outbound.retry(event.id, at + backoffMs(event.attempts, baseDelayMs, maxDelayMs), message);
      });
    };
    // Events of one order were claimed oldest first and only when nothing earlier of it waits,
    // so at most one per order is in this round: they may all go at once.
    for (let i = 0; i < claimed.length; i += PARALLEL)
      await Promise.all(claimed.slice(i, i + PARALLEL).map(deliverOne));
  }
}
