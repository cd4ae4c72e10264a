import { randomInt } from 'node:crypto';
import type { OrderRecord, RedemptionCodeRecord } from '../../shared/contract/records';
import { generateCode } from '../../shared/domain/redemption-code';
import type { WorkContext } from '../orders/context';

/** Collisions are rare (live codes are a tiny part of 10^6); a few dozen draws cannot all collide. */
const MAX_DRAWS = 50;

/**
 * Issues the code of a just-paid service order: random, unique among the live codes of its
 * merchant (the partial unique index decides, so two orders paid at once cannot share one).
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
      validFrom,
      validTo,
      usesTotal,
      usesLeft: usesTotal,
      live: true,
      liveUntil: validTo,
    });
    if (id !== null) return { code, validFrom, validTo, usesTotal, usesLeft: usesTotal };
  }
  throw new Error(`no free redemption code for merchant ${record.merchantId} after ${MAX_DRAWS} draws`);
}

/** A closed or cancelled service order's code stops being live at once: its number can be reused. */
export async function retireCode(ctx: WorkContext, orderNo: string): Promise<void> {
  const code = await ctx.tx.codes.byOrder(orderNo);
  if (code?.live) await ctx.tx.codes.retire(code.id);
}
