import { randomInt } from 'node:crypto';
import type { OrderRecord, RedemptionCodeRecord } from '../../shared/contract/records';
import { generateCode } from '../../shared/domain/redemption-code';
import type { WorkContext } from '../orders/context';
import type { Tx } from '../storage/repositories';

/** Collisions are rare (live codes are a tiny part of 10^6); a few dozen draws cannot all collide. */
const MAX_DRAWS = 50;

/**
 * Issues the code of a just-paid service order: random, unique among the live codes of its
 * merchant (the partial unique index decides, so two orders paid at once cannot share one). Only
 * the codes table holds it; the buyer learns it from `codeOf`.
 */
export async function issueCode(
  ctx: WorkContext,
  record: OrderRecord,
  usesTotal: number,
): Promise<RedemptionCodeRecord> {
  const validFrom = record.paidAt ?? ctx.now;
  const validTo = validFrom + ctx.config.codeValidityMs;
  for (let draw = 0; draw < MAX_DRAWS; draw++) {
    const code = generateCode(randomInt, ctx.config.codeLength);
    const id = await ctx.tx.codes.insert({
      orderNo: record.orderNo,
      merchantId: record.merchantId,
      code,
      verifier: null,
      validFrom,
      validTo,
      usesTotal,
      usesLeft: usesTotal,
      live: true,
      liveUntil: validTo,
    });
    if (id === null) continue;
    // The record carries the verifier, computed after this unit: never the code itself.
    ctx.codeIssued?.();
    return { verifier: null, validFrom, validTo, usesTotal, usesLeft: usesTotal };
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
