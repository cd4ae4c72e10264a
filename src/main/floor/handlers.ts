import type { IntentPayload } from '../../shared/contract/sync';
import { chinaDay, startOfChinaDay } from '../../shared/domain/business-day';
import { applyScan, normalizeItemCode, parcelVerified } from '../../shared/domain/verification';
import { getOrderDetail } from '../db/orders-query';
import { outboxOf } from '../db/outbox';
import type { CallContext, Handlers } from '../ipc/dispatcher';
import { ApiFailure } from '../ipc/failure';
import { actLocally } from '../orders/act-locally';
import { itemByCode, requiresVerification } from './item-codes';
import type { LabelPrinter } from './label-printer';
import { prepareLabels, takeLabel, topUp, voidLabel } from './labels';
import { findReturnParcel } from './returns';
import { stationOf, stationState, type StationLine } from './station';
import { clearProgress, saveLineProgress, takeShippedUnits, verifyLinesOf } from './verification';

/** A shift is the desk's working day: the business day, midnight to midnight China time. */
const shiftStart = (now: number): number => startOfChinaDay(chinaDay(now));

function requireOrder(ctx: CallContext, orderNo: string) {
  const order = getOrderDetail(ctx.db, ctx.session.scope, orderNo);
  if (!order) throw new ApiFailure('NOT_FOUND', `No order ${orderNo}`);
  return order;
}

/**
 * Ships with the floor's rules: the parcels count as verified only if this desk scanned every unit
 * in them (the caller's word is not taken), a warehouse that requires it refuses anything less, and
 * the scanned units leave with the parcel.
 */
export function shipVerified(ctx: CallContext, payload: IntentPayload<'SHIP'>) {
  return ctx.db.transaction(() => {
    const order = requireOrder(ctx, payload.orderNo);
    const lines = verifyLinesOf(ctx.db, order);
    const verified = parcelVerified(
      lines,
      payload.parcels.flatMap((p) => p.lines),
    );
    if (!verified && requiresVerification(ctx.db, order.warehouseId))
      throw new ApiFailure('ACTION_REFUSED', 'This warehouse ships only scanned units', 'VERIFICATION_REQUIRED');
    const { verified: _claimed, ...rest } = payload;
    const shipped = actLocally(ctx, 'SHIP', verified ? { ...rest, verified } : rest);
    takeShippedUnits(ctx.db, order, payload, ctx.stamp().now);
    return shipped;
  })();
}

export const floorHandlers = (
  labelPrinter: LabelPrinter | null,
): Pick<
  Handlers,
  | 'floor.open'
  | 'floor.scan'
  | 'floor.reset'
  | 'floor.shift'
  | 'orders.ship'
  | 'labels.topUp'
  | 'labels.take'
  | 'labels.void'
  | 'labels.prepare'
  | 'labels.printSilently'
  | 'returns.find'
> => ({
  'returns.find': (ctx, { trackingNo }) => findReturnParcel(ctx, trackingNo),
  'orders.ship': shipVerified,
  'labels.topUp': (ctx, { carrier, warehouseId }) => topUp(ctx, carrier, warehouseId),
  'labels.take': (ctx, { orderNo, carrier }) => takeLabel(ctx, orderNo, carrier),
  'labels.void': (ctx, { trackingNo, reason }) => voidLabel(ctx, trackingNo, reason),
  'labels.prepare': (ctx, { orderNos, carrier }) => prepareLabels(ctx, orderNos, carrier),
  'labels.printSilently': (_ctx, { deviceName, size }) => {
    if (!labelPrinter)
      throw new ApiFailure('NOT_SUPPORTED', 'Silent printing needs the desktop app; use the print dialog');
    return labelPrinter.print(deviceName, size);
  },
  'floor.open': (ctx, { orderNo }) => stationState(ctx, requireOrder(ctx, orderNo)),
  'floor.scan': (ctx, { orderNo, code, quantity }) =>
    ctx.db.transaction(() => {
      const order = requireOrder(ctx, orderNo);
      const station = stationOf(ctx, order);
      // The parcel's lines numbered in station order, so lines of two merged orders never share a number.
      const keyed = station.lines.map((line, i) => ({ ...line, lineNo: i + 1 }));
      const known = itemByCode(ctx.db, normalizeItemCode(code));
      const outcome = applyScan(keyed, known?.sku ?? code, quantity);
      const item = known && { sku: known.sku, name: known.name, spec: known.spec };
      const lineOf = (key: number | null) => (key === null ? null : station.lines[key - 1]!);
      const nameOf = (line: StationLine | null) => {
        const source =
          line && station.orders.find((o) => o.orderNo === line.orderNo)?.lines.find((l) => l.lineNo === line.lineNo);
        return source ? { sku: source.sku, name: source.name, spec: source.spec } : null;
      };
      if (!outcome.ok) {
        const line = lineOf(outcome.lineNo);
        return {
          accepted: false,
          refusal: outcome.code,
          item: item ?? nameOf(line),
          lineNo: line?.lineNo ?? null,
          state: stationState(ctx, order, station),
        };
      }
      const line = lineOf(outcome.lineNo)!;
      saveLineProgress(ctx.db, line.orderNo, line.lineNo, line.verified + quantity, ctx.stamp().now);
      return {
        accepted: true,
        refusal: null,
        item: item ?? nameOf(line),
        lineNo: line.lineNo,
        state: stationState(ctx, order),
      };
    })(),
  'floor.reset': (ctx, { orderNo }) => {
    const order = requireOrder(ctx, orderNo);
    for (const member of stationOf(ctx, order).orders) clearProgress(ctx.db, member.orderNo);
    return stationState(ctx, order);
  },
  'floor.shift': (ctx) => {
    const since = shiftStart(ctx.stamp().now);
    const rows = outboxOf(ctx.db).queuedSince('SHIP', since);
    let parcels = 0;
    let units = 0;
    for (const row of rows) {
      const payload = JSON.parse(row.payload) as IntentPayload<'SHIP'>;
      parcels += payload.parcels.length;
      for (const parcel of payload.parcels) for (const line of parcel.lines) units += line.quantity;
    }
    return { since, orders: new Set(rows.map((r) => r.orderNo)).size, parcels, units };
  },
});
