import { randomInt } from 'node:crypto';
import type { OrderRecord, RedemptionCodeRecord } from '../../shared/contract/records';
import { generateCode } from '../../shared/domain/redemption-code';
import type { WorkContext } from '../orders/context';
import type { Tx } from '../storage/repositories';

/** Collisions are rare (live codes are a tiny part of 10^6); a few dozen draws cannot all collide. */
const MAX_DRAWS = 50;

/**
 * What a just-paid service order's code grants, carried by its record: its validity from the
 * payment and its uses. The code itself is drawn by `drawCode` when the order is saved.
 */
export function grantCode(ctx: WorkContext, record: OrderRecord, usesTotal: number): RedemptionCodeRecord {
  const validFrom = record.paidAt ?? ctx.now;
  return { verifier: null, validFrom, validTo: validFrom + ctx.config.codeValidityMs, usesTotal, usesLeft: usesTotal };
}

/**
 * Whether saving this record must draw its code: the change granted one (no verifier yet, which is
 * only ever hashed from a drawn code) and no code row holds it yet. Asked of the store, not of the
 * row a caller read before: a change may save the order more than once (a platform's version that
 * pays and refunds it at once). The demo seed's records arrive with their codes drawn and hashed,
 * and the seed writes those rows itself.
 */
export const codeToDraw = async (tx: Tx, record: OrderRecord): Promise<boolean> =>
  record.redemptionCode?.verifier === null && (await tx.codes.byOrder(record.orderNo)) === null;

/**
 * Draws the code of a record's grant, once its order row exists (the codes table refers to it):
 * random, unique among the live codes of its merchant (the partial unique index decides, so two
 * orders paid at once cannot share one). Only the codes table holds it; the buyer learns it from
 * `codeOf`. An order the same change already closed gets its code retired, as `retireCode` would.
 */
export async function drawCode(ctx: WorkContext, record: OrderRecord): Promise<void> {
  const granted = record.redemptionCode;
  if (!granted) return;
  const live = record.status !== 'CLOSED' && record.status !== 'CANCELLED';
  for (let draw = 0; draw < MAX_DRAWS; draw++) {
    const id = await ctx.tx.codes.insert({
      orderNo: record.orderNo,
      merchantId: record.merchantId,
      code: generateCode(randomInt, ctx.config.codeLength),
      verifier: null,
      validFrom: granted.validFrom,
      validTo: granted.validTo,
      usesTotal: granted.usesTotal,
      usesLeft: granted.usesLeft,
      live,
      liveUntil: granted.validTo,
    });
    if (id === null) continue;
    // The record gets the verifier, computed after this unit: never the code itself.
    ctx.codeIssued?.();
    return;
  }
  throw new Error(`no free redemption code for merchant ${record.merchantId} after ${MAX_DRAWS} draws`);
}

/** A closed or cancelled service order's code stops being live at once: its number can be reused. */
export async function retireCode(ctx: WorkContext, orderNo: string): Promise<void> {
  const code = await ctx.tx.codes.byOrder(orderNo);
  if (code?.live) await ctx.tx.codes.retire(code.id);
}

/** The code of an order, for the buyer it was issued to (never for a desk). */
export async function codeOf(tx: Tx, orderNo: string): Promise<string | null> {
  return (await tx.codes.byOrder(orderNo))?.code ?? null;
}
