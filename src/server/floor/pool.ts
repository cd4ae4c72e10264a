import { z } from 'zod';
import { carrierByCode, checkTrackingNo } from '../../shared/domain/carriers';
import { inScope } from '../../shared/domain/rights';
import type { Caller } from '../auth/caller';
import type { Deps } from '../deps';
import { ApiError } from '../http/errors';
import type { Tx } from '../storage/repositories';

/** One load at most: a carrier's monthly allotment for a busy warehouse, in one request. */
const MAX_LOAD = 100_000;

const carrier = z.string().min(1).max(16);
const warehouseId = z.string().min(1).max(64);

export const loadBody = z
  .strictObject({
    carrier,
    warehouseId,
    /** A numbered range: `prefix` + the number zero-padded to the width of `to` (SF1400000000001…). */
    range: z
      .strictObject({
        prefix: z.string().max(8).default(''),
        from: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
        to: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
      })
      .optional(),
    /** Or the carrier's list as it sent it. */
    numbers: z.array(z.string().trim().min(1).max(40)).max(MAX_LOAD).optional(),
  })
  .refine((b) => (b.range === undefined) !== (b.numbers === undefined), 'give either a range or numbers')
  .refine((b) => !b.range || (b.range.to >= b.range.from && b.range.to - b.range.from < MAX_LOAD), {
    message: `a range runs upwards and holds at most ${MAX_LOAD} numbers`,
  });
export const loadAnswer = z.strictObject({
  added: z.number().int(),
  alreadyLoaded: z.number().int(),
});

export const reserveBody = z.strictObject({
  deviceId: z.string().min(1).max(64),
  carrier,
  warehouseId,
  count: z.number().int().min(1).max(500),
  /** The desk's id for this request: asking again with it answers the same block. */
  reservation: z.uuid(),
});
export const reserveAnswer = z.strictObject({ trackingNos: z.array(z.string()) });

export const voidBody = z.strictObject({
  trackingNo: z.string().trim().min(1).max(40),
  reason: z.string().trim().min(1).max(200),
});
export const voidAnswer = z.strictObject({ trackingNo: z.string(), state: z.literal('VOID') });

export const poolCounts = z.strictObject({
  pools: z.array(
    z.strictObject({
      carrier: z.string(),
      warehouseId: z.string(),
      state: z.enum(['FREE', 'RESERVED', 'USED', 'VOID']),
      count: z.number().int(),
    }),
  ),
});

function numbersOf(body: z.output<typeof loadBody>): string[] {
  if (body.numbers) return body.numbers;
  const { prefix, from, to } = body.range!;
  const width = String(to).length;
  const out: string[] = [];
  for (let n = from; n <= to; n++) out.push(`${prefix}${String(n).padStart(width, '0')}`);
  return out;
}

async function requireWarehouse(tx: Tx, id: string): Promise<void> {
  if (!(await tx.places.warehouse(id))) throw new ApiError('NOT_FOUND', `No warehouse ${id}`);
}

/** Every number must be one the carrier could print: a typo in a range would otherwise fill a roll of bad labels. */
export async function loadPool(deps: Deps, body: z.output<typeof loadBody>) {
  if (!carrierByCode(body.carrier) || body.carrier === 'OTHER')
    throw new ApiError('VALIDATION_FAILED', `Unknown carrier ${body.carrier}`);
  const checked = numbersOf(body).map((raw) => ({ raw, check: checkTrackingNo(body.carrier, raw) }));
  const bad = checked.filter((c) => !c.check.ok).slice(0, 20);
  if (bad.length > 0)
    throw new ApiError(
      'VALIDATION_FAILED',
      `Not ${body.carrier} tracking numbers: ${bad.map((b) => b.raw).join(', ')}`,
    );
  const numbers = [...new Set(checked.map((c) => (c.check.ok ? c.check.normalized : c.raw)))];
  return deps.store.unit(async (tx) => {
    await requireWarehouse(tx, body.warehouseId);
    const added = await tx.waybillPool.load(body.carrier, body.warehouseId, numbers);
    return { added, alreadyLoaded: numbers.length - added };
  });
}

export async function reserveBlock(deps: Deps, caller: Caller, body: z.output<typeof reserveBody>) {
  return deps.store.unit(async (tx) => {
    const earlier = await tx.waybillPool.reservation(body.reservation);
    if (earlier.length > 0) return { trackingNos: earlier };
    await requireWarehouse(tx, body.warehouseId);
    const placement = { kind: 'PHYSICAL' as const, warehouseId: body.warehouseId, storeId: null, dealerId: null };
    if (!inScope(caller.scope, placement)) throw new ApiError('NOT_FOUND', `No warehouse ${body.warehouseId}`);
    const who = { deviceId: body.deviceId, reservation: body.reservation, at: deps.clock.now() };
    return { trackingNos: await tx.waybillPool.reserve(body.carrier, body.warehouseId, body.count, who) };
  });
}

/** A spoiled or cancelled label: on the void list for good, whoever held it. A used one cannot be voided. */
export async function voidNumber(deps: Deps, caller: Caller, body: z.output<typeof voidBody>) {
  return deps.store.unit(async (tx) => {
    const row = await tx.waybillPool.get(body.trackingNo);
    const placement = row && { kind: 'PHYSICAL' as const, warehouseId: row.warehouseId, storeId: null, dealerId: null };
    if (!row || !inScope(caller.scope, placement!))
      throw new ApiError('NOT_FOUND', `No pool number ${body.trackingNo}`);
    if (row.state === 'USED') throw new ApiError('TRACKING_IN_USE', `${body.trackingNo} is on order ${row.orderNo}`);
    if (row.state !== 'VOID') await tx.waybillPool.markVoid(body.trackingNo, body.reason, deps.clock.now());
    return { trackingNo: body.trackingNo, state: 'VOID' as const };
  });
}

/**
 * A shipment's numbers against the pools: a voided label never ships; a pool number that ships is
 * used, by that order alone (the waybill_numbers table already refuses a second order).
 */
export async function usePoolNumbers(tx: Tx, orderNo: string, trackingNos: readonly string[], at: number) {
  for (const trackingNo of trackingNos) {
    const row = await tx.waybillPool.get(trackingNo);
    if (!row) continue;
    if (row.state === 'VOID') throw new ApiError('TRACKING_VOIDED', `${trackingNo} is on the void list`);
    if (row.state !== 'USED') await tx.waybillPool.markUsed(trackingNo, orderNo, at);
  }
}
