import type { WaybillRecord } from '../contract/records';
import type { IntentPayload } from '../contract/sync';
import { carrierByCode } from '../domain/carriers';
import { accepted, refusal, type Applied, type ApplyContext } from './result';
import type { OrderState } from './state';
import { logged } from './timeline';
import type { TrackingStatus } from './tracking-statuses';

export { TRACKING_STATUSES, type TrackingStatus } from './tracking-statuses';

export interface TrackingEvent {
  trackingNo: string;
  /** When it happened, as the carrier says (epoch ms). */
  time: number;
  status: TrackingStatus;
  description: string;
  location: string;
}

const STATUS_WORDS: Record<TrackingStatus, string> = {
  IN_TRANSIT: '运输中',
  DELIVERED: '已签收',
  RETURNED: '已退回',
  REJECTED: '拒收',
  EXCEPTION: '物流异常',
};

/** The event as the waybill keeps it: "【上海市】已签收：本人签收" (the status word keeps REJECTED apart from RETURNED). */
export const trackingEventText = (e: TrackingEvent): string =>
  `${e.location ? `【${e.location}】` : ''}${STATUS_WORDS[e.status]}：${e.description}`.slice(0, 300);

function nextWaybill(waybill: WaybillRecord, e: TrackingEvent): WaybillRecord {
  const text = trackingEventText(e);
  if (waybill.events.some((known) => known.at === e.time && known.text === text)) return waybill;
  const events = [...waybill.events, { at: e.time, text }].sort((a, b) => a.at - b.at);
  // A later event decides the state; an old one arriving late only fills in the history.
  const latest = events.at(-1)!.at === e.time;
  if (!latest || waybill.status !== 'IN_TRANSIT') return { ...waybill, events };
  if (e.status === 'DELIVERED') return { ...waybill, events, status: 'DELIVERED', signedAt: e.time };
  if (e.status === 'RETURNED' || e.status === 'REJECTED') return { ...waybill, events, status: 'RETURNED' };
  return { ...waybill, events };
}

/**
 * Carrier events on an order's parcels, pushed by a tracking aggregator or entered by staff. The
 * same event twice changes nothing (carriers retry their pushes). A sign-for or a return goes into
 * the timeline; transit scans only into the parcel's history. Null when nothing changed.
 */
export function applyTrackingEvents(
  state: OrderState,
  events: readonly TrackingEvent[],
  ctx: ApplyContext,
): OrderState | null {
  let changed = false;
  let next = state;
  for (const e of events) {
    const index = next.record.waybills.findIndex((w) => w.trackingNo === e.trackingNo);
    if (index < 0) continue;
    const before = next.record.waybills[index]!;
    const after = nextWaybill(before, e);
    if (after === before) continue;
    changed = true;
    const waybills = next.record.waybills.map((w, i) => (i === index ? after : w));
    next = { ...next, record: { ...next.record, waybills, updatedAt: ctx.now } };
    if (after.status !== before.status) {
      const carrier = carrierByCode(after.carrier)?.nameZh ?? after.carrier;
      next = logged(
        ctx,
        next,
        after.status === 'DELIVERED' ? 'SIGNED' : 'RETURNED',
        `${carrier} ${e.trackingNo} ${trackingEventText(e)}`,
      );
    }
  }
  return changed ? next : null;
}

/**
 * TRACKING_EVENT: staff enter what a carrier told them. It must name one of the order's parcels;
 * the entry itself is in the timeline (who typed it), whatever it changed.
 */
export function applyTrackingEntry(state: OrderState, p: IntentPayload<'TRACKING_EVENT'>, ctx: ApplyContext): Applied {
  if (!state.record.waybills.some((w) => w.trackingNo === p.trackingNo))
    return refusal('TRACKING_NOT_ON_ORDER', `${p.trackingNo} is not a parcel of ${p.orderNo}`);
  const next = applyTrackingEvents(state, [p], ctx) ?? state;
  return accepted(logged(ctx, next, 'TRACKING_ENTRY', `${p.trackingNo} ${trackingEventText(p)}`));
}
