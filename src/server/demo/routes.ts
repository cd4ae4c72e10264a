import { z } from 'zod';
import { afterSaleRecord, orderRecord } from '../../shared/contract/records';
import { AFTER_SALE_TYPES, PAYMENT_CHANNELS, PLATFORMS } from '../../shared/domain/vocabulary';
import type { Deps } from '../deps';
import { route, type AnyRoute } from '../http/route';
import { findOrder } from '../orders/persist';
import { codeOf } from '../redemption/codes';
import { askAfterSale, confirmReceipt, extendReceipt, payCheckout, placeOrder, transferOrder } from './traffic';

const orderNoParams = z.strictObject({ orderNo: z.string().min(1).max(40) });
const lineQty = z.strictObject({ lineNo: z.number().int().min(1), quantity: z.number().int().min(1) });
const DEMO = { tag: 'demo buyer traffic', access: 'demo.load', demoOnly: true } as const;

/** The buyer side of the demo mall, for the simulator and tests: demo mode and admin tokens only. */
export const demoRoutes = (deps: Deps): AnyRoute[] => [
  route({
    ...DEMO,
    method: 'POST',
    path: '/v1/demo/orders',
    summary: 'A buyer checks out: the order is split, priced and its stock reserved (待付款)',
    body: z.strictObject({
      buyerIndex: z.number().int().min(0).max(1_000_000).optional(),
      lines: z
        .array(z.strictObject({ sku: z.string().min(1).max(64), quantity: z.number().int().min(1).max(99) }))
        .min(1)
        .max(20),
      platform: z.enum(PLATFORMS).default('MINI_PROGRAM'),
      storeId: z.string().min(1).max(64).optional(),
    }),
    response: z.strictObject({ parentNo: z.string(), orders: z.array(orderRecord) }),
    errors: ['SKU_NOT_FOUND', 'NOT_ON_SALE', 'STOCK_SHORT'],
    handle: ({ body }) => placeOrder(deps, body),
  }),
  route({
    ...DEMO,
    method: 'POST',
    path: '/v1/demo/orders/:orderNo/pay',
    summary: 'The buyer pays a checkout (parent or any child number): codes are issued, virtual goods delivered',
    params: orderNoParams,
    body: z.strictObject({ channel: z.enum(PAYMENT_CHANNELS).default('WECHAT_PAY') }),
    description:
      'Answers the paid orders (a service order’s record carries its code’s verifier, never the code) and, for the buyer, the codes issued: `codes` by order number.',
    response: z.strictObject({
      orders: z.array(orderRecord),
      codes: z.array(z.strictObject({ orderNo: z.string(), code: z.string() })),
    }),
    errors: ['ORDER_NOT_FOUND', 'WRONG_STATUS'],
    handle: async ({ caller, params, body }) => {
      const paid = await payCheckout(deps, caller.scope, params.orderNo, body.channel);
      // The buyer (and a desk pulling right after) gets the orders with their verifiers in place.
      await deps.codeVerifiers.flush();
      return deps.store.unit(async (tx) => {
        const orders = await Promise.all(
          paid.map(async (o) => (await findOrder(tx, o.orderNo, caller.scope))!.state.record),
        );
        const codes = [];
        for (const order of orders) {
          const code = order.redemptionCode ? await codeOf(tx, order.orderNo) : null;
          if (code) codes.push({ orderNo: order.orderNo, code });
        }
        return { orders, codes };
      });
    },
  }),
  route({
    ...DEMO,
    method: 'POST',
    path: '/v1/demo/orders/:orderNo/after-sales',
    summary: 'The buyer asks for a refund, a return or an exchange (whole order, or the given lines)',
    params: orderNoParams,
    body: z.strictObject({
      type: z.enum(AFTER_SALE_TYPES),
      reason: z.string().trim().min(1).max(300),
      lines: z.array(lineQty).min(1).max(200).optional(),
    }),
    response: afterSaleRecord,
    errors: [
      'ORDER_NOT_FOUND',
      'WRONG_KIND',
      'WRONG_STATUS',
      'AFTER_SALE_OPEN',
      'ALREADY_SHIPPED',
      'AFTER_SALE_WINDOW_CLOSED',
      'NOTHING_ELIGIBLE',
    ],
    handle: ({ caller, params, body }) => askAfterSale(deps, caller.scope, params.orderNo, body),
  }),
  route({
    ...DEMO,
    method: 'POST',
    path: '/v1/demo/orders/:orderNo/extend-receipt',
    summary: 'The buyer extends the receipt deadline once',
    params: orderNoParams,
    response: orderRecord,
    errors: ['ORDER_NOT_FOUND', 'WRONG_STATUS', 'RECEIPT_ALREADY_EXTENDED'],
    handle: ({ caller, params }) => extendReceipt(deps, caller.scope, params.orderNo),
  }),
  route({
    ...DEMO,
    method: 'POST',
    path: '/v1/demo/orders/:orderNo/confirm-receipt',
    summary: 'The buyer confirms receipt (交易完成)',
    params: orderNoParams,
    response: orderRecord,
    errors: ['ORDER_NOT_FOUND', 'WRONG_STATUS', 'ORDER_LOCKED'],
    handle: ({ caller, params }) => confirmReceipt(deps, caller.scope, params.orderNo),
  }),
  route({
    ...DEMO,
    method: 'POST',
    path: '/v1/demo/orders/:orderNo/transfer',
    summary: 'Moves an unshipped order to another warehouse (its old desks pull order_removed)',
    params: orderNoParams,
    body: z.strictObject({ warehouseId: z.string().min(1).max(64) }),
    response: orderRecord,
    errors: ['ORDER_NOT_FOUND', 'NOT_TRANSFERABLE', 'STOCK_SHORT'],
    handle: ({ caller, params, body }) => transferOrder(deps, caller, params.orderNo, body.warehouseId),
  }),
];
