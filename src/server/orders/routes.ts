import { z } from 'zod';
import { orderRecord } from '../../shared/contract/records';
import type { Deps } from '../deps';
import { RawJson, route, type AnyRoute } from '../http/route';
import { getOrder, listOrders, listQuery } from './list';

export const orderRoutes = (deps: Deps): AnyRoute[] => [
  route({
    method: 'GET',
    path: '/v1/orders',
    tag: 'orders',
    summary: 'A page of the caller’s orders, filtered and sorted',
    description:
      'Filters of the order list (orderListFilter): lists are comma separated (statuses=PENDING_SHIPMENT,COMPLETED), the time range is timeField + timeFrom (inclusive) + timeTo (exclusive), text searches order no., the platform’s order no., receiver name and phone, tracking numbers; externalOrderNo finds an order from outside by the number its shop gave it. Keyset paging: pass `next` as `after`.',
    access: 'orders.read',
    query: listQuery,
    response: z.strictObject({ orders: z.array(orderRecord), next: z.string().nullable() }),
    errors: ['BAD_CURSOR'],
    handle: async ({ caller, query }) => new RawJson(await listOrders(deps, caller, query)),
  }),
  route({
    method: 'GET',
    path: '/v1/orders/:orderNo',
    tag: 'orders',
    summary: 'One order (child order number) with everything it holds',
    description: 'An order outside the caller’s scope answers 404 exactly like a missing one.',
    access: 'orders.read',
    params: z.strictObject({ orderNo: z.string().min(1).max(40) }),
    response: orderRecord,
    errors: ['ORDER_NOT_FOUND'],
    handle: async ({ caller, params }) => new RawJson(await getOrder(deps, caller, params.orderNo)),
  }),
];
