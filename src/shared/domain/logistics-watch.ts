import type { OrderStatus } from './vocabulary';

/**
 * 物流异常: a shipped parcel that needs someone to chase the carrier. Either the carrier sent it
 * back (returned, or the receiver refused it: both leave the waybill RETURNED), or it has gone
 * quiet: no tracking event for some days while it is still on its way. Only orders still waiting
 * for their goods to arrive are watched; once an order completes or closes, its parcels are history.
 */
export const WATCHED_STATUSES: ReadonlySet<OrderStatus> = new Set(['PENDING_SHIPMENT', 'PENDING_RECEIPT']);

/** Days without an update after which a parcel counts as stuck, unless the desk asks otherwise. */
export const DEFAULT_QUIET_DAYS = 3;
export const QUIET_DAYS_CHOICES = [1, 2, 3, 5, 7] as const;

const DAY = 86_400_000;

interface WatchedParcel {
  status: 'IN_TRANSIT' | 'DELIVERED' | 'RETURNED';
  shippedAt: number;
  events: ReadonlyArray<{ at: number }>;
}

export interface LogisticsWatch {
  /** A parcel came back or was refused. */
  troubled: boolean;
  /** The oldest "last heard of" among the parcels still in transit, or null when none is. */
  quietSince: number | null;
}

/** What the 物流异常 filter needs to know of an order, kept beside it so the filter is one indexed test. */
export function logisticsWatch(order: { status: OrderStatus; waybills: readonly WatchedParcel[] }): LogisticsWatch {
  if (!WATCHED_STATUSES.has(order.status)) return { troubled: false, quietSince: null };
  let quietSince: number | null = null;
  let troubled = false;
  for (const w of order.waybills) {
    if (w.status === 'RETURNED') troubled = true;
    if (w.status !== 'IN_TRANSIT') continue;
    const heard = w.events.reduce((last, e) => Math.max(last, e.at), w.shippedAt);
    quietSince = quietSince === null ? heard : Math.min(quietSince, heard);
  }
  return { troubled, quietSince };
}

/** Whether an order is a 物流异常 at `now`, with "quiet" meaning no news for `quietDays`. */
export const isLogisticsAnomaly = (watch: LogisticsWatch, now: number, quietDays: number): boolean =>
  watch.troubled || (watch.quietSince !== null && watch.quietSince < quietCutoff(now, quietDays));

export const quietCutoff = (now: number, quietDays: number): number => now - quietDays * DAY;
