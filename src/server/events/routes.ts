import { z } from 'zod';
import { afterSaleRecord, orderRecord } from '../../shared/contract/records';
import { AFTER_SALE_TYPES, PAYMENT_CHANNELS } from '../../shared/domain/vocabulary';
import type { Deps } from '../deps';
import { route, type AnyRoute } from '../http/route';
import {
  afterSaleRequested,
  afterSaleWithdrawn,
  buyerCancelled,
  paymentConfirmed,
  receiptConfirmed,
  receiptExtended,
  type OrderRef,
} from './events';

/** Which order: ours (parent or child number), or the shop's own number for it. */
const ref = {
  orderNo: z.string().min(1).max(40).optional(),
  shopId: z.string().min(1).max(64).optional(),
  externalOrderNo: z.string().min(1).max(64).optional(),
};
const refOf = (body: { orderNo?: string; shopId?: string; externalOrderNo?: string }): OrderRef =>
  body.orderNo !== undefined
    ? { orderNo: body.orderNo }
    : { shopId: body.shopId ?? '', externalOrderNo: body.externalOrderNo ?? '' };
const namesOne = (body: { orderNo?: string; shopId?: string; externalOrderNo?: string }) =>
  (body.orderNo !== undefined) !== (body.shopId !== undefined && body.externalOrderNo !== undefined);
const REF_MESSAGE = { message: 'name the order: orderNo, or shopId + externalOrderNo (not both)' };
const lineQty = z.strictObject({ lineNo: z.number().int().min(1), quantity: z.number().int().min(1) });
const EVENT = { tag: 'buyer and mall events', access: 'events.post' } as const;
const SCOPE_ERRORS = ['ORDER_NOT_FOUND', 'SHOP_NOT_IN_SCOPE'] as const;

/**
 * What buyers do, told by whoever runs the shop or the mall (docs/api.md "Buyer and mall events").
 * An integration account acts for its shops only; the order is named by our number or the shop's.
 */
export const eventRoutes = (deps: Deps): AnyRoute[] => [
  route({
    ...EVENT,
    method: 'POST',
    path: '/v1/events/payment-confirmed',
    summary: 'The buyer paid: every unpaid child order of it is paid (codes issued, virtual goods delivered)',
    body: z
      .strictObject({
        ...ref,
        channel: z.enum(PAYMENT_CHANNELS),
        serialNo: z.string().trim().max(64).nullable().default(null),
        paidAt: z.number().int().min(0).optional(),
      })
      .refine(namesOne, REF_MESSAGE),
    description:
      'Answers the paid orders (a service order’s record carries its code’s verifier, never the code) and, for whoever tells the buyer, the codes issued: `codes` by order number.',
    response: z.strictObject({
      orders: z.array(orderRecord),
      codes: z.array(z.strictObject({ orderNo: z.string(), code: z.string() })),
    }),
    errors: [...SCOPE_ERRORS, 'WRONG_STATUS'],
    handle: ({ caller, body }) => paymentConfirmed(deps, caller, refOf(body), body),
  }),
  route({
    ...EVENT,
    method: 'POST',
    path: '/v1/events/buyer-cancelled',
    summary: 'The buyer called an unpaid order off: its stock comes back',
    body: z.strictObject({ ...ref, reason: z.string().trim().min(1).max(200) }).refine(namesOne, REF_MESSAGE),
    response: z.strictObject({ orders: z.array(orderRecord) }),
    errors: [...SCOPE_ERRORS, 'WRONG_STATUS'],
    handle: async ({ caller, body }) => ({ orders: await buyerCancelled(deps, caller, refOf(body), body.reason) }),
  }),
  route({
    ...EVENT,
    method: 'POST',
    path: '/v1/events/after-sale-requested',
    summary: 'The buyer asks for a refund, a return or an exchange (whole order, or the given lines)',
    description:
      'On one child order: name it by orderNo, or by shopId + externalOrderNo when the order was not split. A refund-only request on an unshipped order holds its parcel until it is decided. returnShipment is the parcel the buyer sends the goods back in.',
    body: z
      .strictObject({
        ...ref,
        type: z.enum(AFTER_SALE_TYPES),
        reason: z.string().trim().min(1).max(300),
        lines: z.array(lineQty).min(1).max(200).optional(),
        returnShipment: z
          .strictObject({ carrier: z.string().min(1).max(16), trackingNo: z.string().trim().min(1).max(40) })
          .optional(),
      })
      .refine(namesOne, REF_MESSAGE),
    response: afterSaleRecord,
    errors: [
      ...SCOPE_ERRORS,
      'ORDER_AMBIGUOUS',
      'WRONG_KIND',
      'WRONG_STATUS',
      'AFTER_SALE_OPEN',
      'ALREADY_SHIPPED',
      'AFTER_SALE_WINDOW_CLOSED',
      'NOTHING_ELIGIBLE',
    ],
    handle: ({ caller, body }) => afterSaleRequested(deps, caller, refOf(body), body),
  }),
  route({
    ...EVENT,
    method: 'POST',
    path: '/v1/events/after-sale-withdrawn',
    summary: 'The buyer takes a request back while it waits for review',
    body: z.strictObject({ ...ref, afterSaleNo: z.string().min(1).max(40) }).refine(namesOne, REF_MESSAGE),
    response: orderRecord,
    errors: [...SCOPE_ERRORS, 'AFTER_SALE_NOT_FOUND', 'WRONG_STATUS'],
    handle: ({ caller, body }) => afterSaleWithdrawn(deps, caller, refOf(body), body.afterSaleNo),
  }),
  route({
    ...EVENT,
    method: 'POST',
    path: '/v1/events/receipt-confirmed',
    summary: 'The buyer confirms receipt (交易完成)',
    body: z.strictObject(ref).refine(namesOne, REF_MESSAGE),
    response: orderRecord,
    errors: [...SCOPE_ERRORS, 'ORDER_AMBIGUOUS', 'WRONG_STATUS', 'ORDER_LOCKED'],
    handle: ({ caller, body }) => receiptConfirmed(deps, caller, refOf(body)),
  }),
  route({
    ...EVENT,
    method: 'POST',
    path: '/v1/events/receipt-extended',
    summary: 'The buyer extends the receipt deadline once (+3 days physical, +1 day virtual)',
    body: z.strictObject(ref).refine(namesOne, REF_MESSAGE),
    response: orderRecord,
    errors: [...SCOPE_ERRORS, 'ORDER_AMBIGUOUS', 'WRONG_STATUS', 'RECEIPT_ALREADY_EXTENDED'],
    handle: ({ caller, body }) => receiptExtended(deps, caller, refOf(body)),
  }),
];
