import { dealerOrderInput } from '../../shared/contract/sync';
import type { Caller } from '../auth/caller';
import type { Deps } from '../deps';
import { ApiError } from '../http/errors';
import { z } from 'zod';
import { actorLabel } from '../auth/caller';
import { priceDealerDraft } from './pricing';

export const quoteInput = dealerOrderInput
  .pick({
    dealerId: true,
    lines: true,
    freight: true,
    couponId: true,
    couponChosenFirst: true,
    campaignId: true,
    memberRateBp: true,
    memberBenefit: true,
    pointsUsed: true,
  })
  .extend({ province: z.string().trim().min(1).max(20).nullable().default(null) });
export type QuoteInput = z.infer<typeof quoteInput>;

const fen = z.number().int();
export const quoteAnswer = z.strictObject({
  lines: z.array(
    z.strictObject({
      sku: z.string(),
      name: z.string(),
      spec: z.string(),
      unitPrice: fen,
      quantity: z.number().int(),
      subtotal: fen,
      discount: fen,
      payable: fen,
    }),
  ),
  goodsTotal: fen,
  freight: fen,
  orderAmount: fen,
  couponDiscount: fen,
  campaignDiscount: fen,
  memberDiscount: fen,
  memberBenefit: fen,
  pointsDeduction: fen,
  pointsUsed: z.number().int(),
  totalDiscount: fen,
  freightDiscount: fen,
  payable: fen,
  capped: z.boolean(),
  couponsAvailable: z.boolean(),
  /** What intake would still refuse although the amounts could be worked out (stock, promotions). */
  fieldErrors: z.record(z.string(), z.string()),
});
export type QuoteAnswer = z.infer<typeof quoteAnswer>;

/**
 * The amounts a dealer's draft comes to, worked out exactly as intake will (same price list,
 * same promotions, same shared computeAmounts), so the payable a dealer submits is the one the
 * service expects. Problems that leave the amounts computable come back as fieldErrors; lines
 * that cannot be priced make it a 422.
 */
export async function quote(deps: Deps, caller: Caller, input: QuoteInput): Promise<QuoteAnswer> {
  const now = deps.clock.now();
  return deps.store.unit(async (tx) => {
    const ctx = { tx, now, config: deps.config, actor: actorLabel(caller), device: 'API' };
    const priced = await priceDealerDraft(ctx, caller.scope, input, input.province);
    const b = priced.breakdown;
    if (!b) {
      throw new ApiError('DEALER_ORDER_REJECTED', 'The draft cannot be priced', { fieldErrors: priced.fieldErrors });
    }
    return {
      lines: input.lines.map((line, i) => ({
        sku: line.sku,
        name: priced.products[i]?.name ?? '',
        spec: priced.products[i]?.spec ?? '',
        unitPrice: priced.prices[i] ?? 0,
        quantity: line.quantity,
        subtotal: b.lines[i]?.subtotal ?? 0,
        discount: b.lines[i]?.discount ?? 0,
        payable: b.lines[i]?.payable ?? 0,
      })),
      goodsTotal: b.goodsTotal,
      freight: b.freight,
      orderAmount: b.orderAmount,
      couponDiscount: b.couponDiscount,
      campaignDiscount: b.campaignDiscount,
      memberDiscount: b.memberDiscount,
      memberBenefit: b.memberBenefit,
      pointsDeduction: b.pointsDeduction,
      pointsUsed: b.pointsUsed,
      totalDiscount: b.totalDiscount,
      freightDiscount: b.freightDiscount,
      payable: b.payable,
      capped: b.capped,
      couponsAvailable: b.promotions.couponsAvailable,
      fieldErrors: priced.fieldErrors,
    };
  });
}
