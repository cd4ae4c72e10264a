import type { IntentPayload } from '../../shared/contract/sync';
import { applyScan, normalizeItemCode, parcelVerified } from '../../shared/domain/verification';
import { getOrderDetail } from '../db/orders-query';
import { outboxOf } from '../db/outbox';
import type { CallContext, Handlers } from '../ipc/dispatcher';
import { ApiFailure } from '../ipc/failure';
import { actLocally } from '../orders/act-locally';
import { itemByCode, requiresVerification } from './item-codes';
import type { LabelPrinter } from './label-printer';
import { prepareLabels, takeLabel, topUp, voidLabel } from './labels';
import { clearProgress, saveProgress, takeShippedUnits, verifyLinesOf, verifyStateOf } from './verification';

const CHINA_OFFSET = 8 * 3_600_000;
const DAY = 86_400_000;
/** A shift is the desk's working day, midnight to midnight China time. */
const shiftStart = (now: number): number => now - ((now + CHINA_OFFSET) % DAY);

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
> => ({
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
  'floor.open': (ctx, { orderNo }) => verifyStateOf(ctx.db, requireOrder(ctx, orderNo)),
  'floor.scan': (ctx, { orderNo, code, quantity }) =>
    ctx.db.transaction(() => {
      const order = requireOrder(ctx, orderNo);
      const lines = verifyLinesOf(ctx.db, order);
      const known = itemByCode(ctx.db, normalizeItemCode(code));
      const outcome = applyScan(lines, known?.sku ?? code, quantity);
      const item = known && { sku: known.sku, name: known.name, spec: known.spec };
      if (!outcome.ok) {
        const line = order.lines.find((l) => l.lineNo === outcome.lineNo);
        return {
          accepted: false,
          refusal: outcome.code,
          item: item ?? (line ? { sku: line.sku, name: line.name, spec: line.spec } : null),
          lineNo: outcome.lineNo,
          state: verifyStateOf(ctx.db, order, lines),
        };
      }
      saveProgress(ctx.db, orderNo, outcome.lines, ctx.stamp().now);
      const line = order.lines.find((l) => l.lineNo === outcome.lineNo)!;
      return {
        accepted: true,
        refusal: null,
        item: item ?? { sku: line.sku, name: line.name, spec: line.spec },
        lineNo: outcome.lineNo,
        state: verifyStateOf(ctx.db, order, outcome.lines),
      };
    })(),
  'floor.reset': (ctx, { orderNo }) => {
    const order = requireOrder(ctx, orderNo);
    clearProgress(ctx.db, orderNo);
    return verifyStateOf(ctx.db, order);
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
