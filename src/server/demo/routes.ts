import { z } from 'zod';
import { orderRecord } from '../../shared/contract/records';
import { PLATFORMS } from '../../shared/domain/vocabulary';
import type { Deps } from '../deps';
import { route, type AnyRoute } from '../http/route';
import { placeOrder } from './traffic';

const DEMO = { tag: 'demo buyer traffic', access: 'demo.load', demoOnly: true } as const;

/**
 * The demo mall's checkout, the one thing buyer traffic needs that no real endpoint does (a real
 * company's mall posts its orders to intake): demo mode and admin tokens only. Payment, cancels,
 * after-sales and receipts go through the real events endpoints (events/routes.ts), for demo
 * orders as for any other.
 */
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
];
