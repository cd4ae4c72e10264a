import type { OrderRecord, WaybillRecord } from '../../shared/contract/records';
import type { ParcelInput } from '../../shared/contract/sync';
import { carrierByCode, checkTrackingNo } from '../../shared/domain/carriers';
import { ApiError, type ErrorCode } from '../http/errors';
import { act } from './act';
import type { WorkContext } from './context';
import { logged, saveOrder, type LoadedOrder } from './persist';
import { consume } from './stock';

/** Every parcel's number is checked before anything ships, and each bad one is named. */
function checkParcels(parcels: ParcelInput[]): Array<ParcelInput & { normalized: string }> {
  const fieldErrors: Record<string, string> = {};
  let first: ErrorCode | null = null;
  const checked = parcels.map((parcel, i) => {
    const check = checkTrackingNo(parcel.carrier, parcel.trackingNo);
    if (check.ok) return { ...parcel, normalized: check.normalized };
    fieldErrors[`parcels.${i}.${check.code === 'UNKNOWN_CARRIER' ? 'carrier' : 'trackingNo'}`] = check.code;
    first ??= check.code;
    return { ...parcel, normalized: '' };
  });
  if (first) throw new ApiError(first, 'A parcel has a bad carrier or tracking number', { fieldErrors });
  return checked;
}

/**
 * Ships parcels of a paid physical order. The machine decides (a locked or intercepted order, a
 * line already shipped by another desk, more than remains): whoever reaches the service first
 * ships, in the service's own order, whatever the devices' clocks said. Goods not all shipped
 * leave the order 待发货 (partially shipped); the last parcel moves it to 待收货.
 */
export async function ship(
  ctx: WorkContext,
  { row, state }: LoadedOrder,
  parcels: ParcelInput[],
): Promise<OrderRecord> {
  const checked = checkParcels(parcels);
  const shipped = act(state, { type: 'SHIP', lines: parcels.flatMap((p) => p.lines) });
  const existing = state.record.waybills.length;
  const waybills: WaybillRecord[] = checked.map((parcel, i) => ({
    id: `${row.orderNo}-W${existing + i + 1}`,
    carrier: parcel.carrier,
    trackingNo: parcel.normalized,
    shippedAt: ctx.now,
    status: 'IN_TRANSIT',
    signedAt: null,
    courier: '',
    lines: parcel.lines,
    events: [],
  }));
  const done = shipped.record.status === 'PENDING_RECEIPT';
  const next = logged(
    ctx,
    {
      ...shipped,
      record: {
        ...shipped.record,
        waybills: [...state.record.waybills, ...waybills],
        shippedAt: done ? ctx.now : shipped.record.shippedAt,
      },
    },
    'SHIP',
    waybills
      .map((w) => {
        const units = w.lines.reduce((n, l) => n + l.quantity, 0);
        return `${carrierByCode(w.carrier)?.nameZh ?? w.carrier} ${w.trackingNo}，共 ${units} 件`;
      })
      .join('；') + (done ? '' : '（部分发货）'),
  );
  await consume(
    ctx,
    row.orderNo,
    parcels.flatMap((p) => p.lines),
  );
  return saveOrder(ctx, next, row);
}
