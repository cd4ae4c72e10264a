import type { ParcelInput, IntentPayload } from '../contract/sync';
import { carrierByCode, checkTrackingNo, type TrackingRefusal } from '../domain/carriers';
import { actOn } from './act';
import { mergeShipRefusal } from './merge';
import { accepted, refusal, type ApplyContext, type Applied, type Refused } from './result';
import type { OrderState } from './state';
import { logged } from './timeline';
import { shipSplitParts } from './split';
import { newWaybill } from './waybill';

type CheckedParcel = ParcelInput & { trackingNo: string };

/** Every parcel's number is checked before anything ships, and each bad one is named. */
export function checkParcels(parcels: readonly ParcelInput[]): { ok: true; parcels: CheckedParcel[] } | Refused {
  const fieldErrors: Record<string, string> = {};
  let first: TrackingRefusal | null = null;
  const checked = parcels.map((parcel, i) => {
    const check = checkTrackingNo(parcel.carrier, parcel.trackingNo);
    if (check.ok) return { ...parcel, trackingNo: check.normalized };
    fieldErrors[`parcels.${i}.${check.code === 'UNKNOWN_CARRIER' ? 'carrier' : 'trackingNo'}`] = check.code;
    first ??= check.code;
    return parcel;
  });
  if (first) return refusal(first, 'A parcel has a bad carrier or tracking number', fieldErrors);
  return { ok: true, parcels: checked };
}

/**
 * SHIP: parcels of a paid physical order leave. The machine decides (a locked or intercepted order,
 * a line already shipped by another desk, more than remains); goods not all shipped leave the
 * order 待发货 (partially shipped), the last parcel moves it to 待收货 and stamps shippedAt. A split
 * order ships part by part, a merged one only with its merge (split.ts, merge.ts).
 */
export function applyShip(state: OrderState, payload: IntentPayload<'SHIP'>, ctx: ApplyContext): Applied {
  const checked = checkParcels(payload.parcels);
  if (!checked.ok) return checked;
  const merged = mergeShipRefusal(state.record, payload);
  if (merged) return merged;
  const shipped = actOn(state, { type: 'SHIP', lines: payload.parcels.flatMap((p) => p.lines) });
  if (!shipped.ok) return shipped;
  const { record } = shipped.state;
  const waybills = checked.parcels.map((parcel, i) => newWaybill(state.record, i, parcel, ctx.now));
  const split =
    record.split &&
    shipSplitParts(
      record.split,
      checked.parcels,
      waybills.map((w) => w.id),
    );
  if (split && 'ok' in split) return split;
  const done = record.status === 'PENDING_RECEIPT';
  const detail =
    waybills
      .map((w) => {
        const units = w.lines.reduce((n, l) => n + l.quantity, 0);
        return `${carrierByCode(w.carrier)?.nameZh ?? w.carrier} ${w.trackingNo}，共 ${units} 件`;
      })
      .join('；') +
    (payload.merge ? `（合单：${record.merge!.orderNos.join('、')}）` : '') +
    (done ? '' : '（部分发货）');
  const next = {
    ...shipped.state,
    record: {
      ...record,
      ...(split ? { split } : {}),
      waybills: [...state.record.waybills, ...waybills],
      shippedAt: done ? ctx.now : record.shippedAt,
    },
  };
  return accepted(logged(ctx, next, 'SHIP', detail));
}
