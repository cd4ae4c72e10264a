import type { SplitRecord } from '../contract/records';
import type { IntentPayload, ParcelInput } from '../contract/sync';
import { isPartition, owedUnits, partsForParcels } from '../domain/shipments';
import { actOn } from './act';
import { accepted, refusal, type ApplyContext, type Applied, type Refused } from './result';
import { factsOf, type OrderState } from './state';
import { logged } from './timeline';

const units = (lines: ReadonlyArray<{ quantity: number }>): number => lines.reduce((n, l) => n + l.quantity, 0);

/**
 * Splitting or merging decides how an order ships, so it is allowed exactly when the order could
 * ship everything it still owes right now: paid, not locked, not intercepted, something owed.
 */
export function shippableNow(state: OrderState): Refused | null {
  const shipped = actOn(state, { type: 'SHIP', lines: owedUnits(factsOf(state).lines) });
  return shipped.ok ? null : shipped;
}

/** SPLIT (拆单): the owed units in two or more parts, each to leave under a label of its own. */
export function applySplit(state: OrderState, payload: IntentPayload<'SPLIT'>, ctx: ApplyContext): Applied {
  const { record } = state;
  if (record.merge) return refusal('ALREADY_MERGED', `Order ${record.orderNo} is merged with others`);
  if (record.split && record.split.parts.some((p) => p.waybillId === null))
    return refusal('ALREADY_SPLIT', `Order ${record.orderNo} is split already`);
  const blocked = shippableNow(state);
  if (blocked) return blocked;
  if (!isPartition(owedUnits(factsOf(state).lines), payload.parts))
    return refusal('SPLIT_INVALID', 'The parts must hold every unit still owed, each once');
  const split: SplitRecord = { parts: payload.parts.map((lines) => ({ lines, waybillId: null })) };
  const detail = `拆单：分为 ${payload.parts.length} 个包裹（${payload.parts.map((p) => `${units(p)} 件`).join(' + ')}）`;
  return accepted(logged(ctx, { ...state, record: { ...record, split } }, 'SPLIT', detail));
}

/** UNSPLIT: what is still owed ships as one shipment again; parts already shipped stay shipped. */
export function applyUnsplit(state: OrderState, _payload: IntentPayload<'UNSPLIT'>, ctx: ApplyContext): Applied {
  const { record } = state;
  if (!record.split) return refusal('NOT_SPLIT', `Order ${record.orderNo} is not split`);
  const blocked = shippableNow(state);
  if (blocked) return blocked;
  const { split: _undone, ...rest } = record;
  return accepted(logged(ctx, { ...state, record: rest }, 'UNSPLIT', '撤销拆单：未发的商品合为一个包裹'));
}

/**
 * A split order ships part by part: each parcel must be one of its unshipped parts (or what a
 * refund left of one), and that part is then shipped as this waybill.
 */
export function shipSplitParts(
  split: SplitRecord,
  parcels: readonly ParcelInput[],
  waybillIds: readonly string[],
): SplitRecord | Refused {
  const chosen = partsForParcels(
    parcels.map((p) => p.lines),
    split.parts.map((part) => ({ lines: part.lines, shipped: part.waybillId !== null })),
  );
  if (!chosen) return refusal('NOT_A_SPLIT_PART', 'Each parcel of a split order must be one of its unshipped parts');
  const byPart = new Map(chosen.map((part, i) => [part, waybillIds[i]!]));
  return { parts: split.parts.map((part, i) => (byPart.has(i) ? { ...part, waybillId: byPart.get(i)! } : part)) };
}
