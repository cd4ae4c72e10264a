import { z } from 'zod';
import { REVIEW_REASONS, type ReviewConfig } from '../domain/review';
import { ORDER_SOURCES, PLATFORMS } from '../domain/vocabulary';
import { procedure } from './procedure';

/** The admin's 审单 rules as they travel (the service keeps them; supervisors read them). */
export const reviewConfig = z.strictObject({
  amountAtLeast: z.number().int().min(0).nullable(),
  buyerRemark: z.boolean(),
  addressIncomplete: z.boolean(),
  riskWords: z.array(z.string().trim().min(1).max(20)).max(100),
  firstOrder: z.boolean(),
  dealerOrders: z.boolean(),
  platformFlagged: z.boolean(),
  /** Undecided holds are approved by the service after this many minutes (1 minute to 7 days); null: never. */
  autoApproveMinutes: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .nullable(),
}) satisfies z.ZodType<ReviewConfig>;

/** An order waiting in the supervisors' 待审核 queue, as the queue lists it. */
export const reviewQueueRow = z.strictObject({
  orderNo: z.string(),
  source: z.enum(ORDER_SOURCES),
  platform: z.enum(PLATFORMS),
  warehouseId: z.string().nullable(),
  buyerName: z.string(),
  receiverName: z.string().nullable(),
  receiverProvince: z.string().nullable(),
  itemSummary: z.string(),
  payable: z.number().int(),
  remark: z.string(),
  paidAt: z.number().int().nullable(),
  reasons: z.array(z.enum(REVIEW_REASONS)),
  heldAt: z.number().int(),
  /** Decided on this desk, waiting to sync. */
  pendingSync: z.number().int(),
});
export type ReviewQueueRow = z.infer<typeof reviewQueueRow>;

const orderNos = z.array(z.string().trim().min(6).max(40)).min(1).max(500);

/** A batch decision: each order decided on its own, one refusal never holding back the rest. */
export const reviewDecision = z.strictObject({
  decided: z.array(z.string()),
  refused: z.array(z.strictObject({ orderNo: z.string(), code: z.string() })),
});
export type ReviewDecision = z.infer<typeof reviewDecision>;

export const reviewProcedures = {
  'review.queue': procedure({
    input: z.strictObject({ limit: z.number().int().min(1).max(2000).default(500) }),
    output: z.array(reviewQueueRow),
    right: 'orders.review',
  }),
  'review.approve': procedure({
    input: z.strictObject({ orderNos, note: z.string().trim().min(1).max(200).optional() }),
    output: reviewDecision,
    right: 'orders.review',
  }),
  'review.reject': procedure({
    input: z.strictObject({
      orderNos,
      reason: z.string().trim().min(1).max(200),
      then: z.enum(['CANCEL_REFUND', 'EXCEPTION']),
    }),
    output: reviewDecision,
    right: 'orders.review',
  }),
};
