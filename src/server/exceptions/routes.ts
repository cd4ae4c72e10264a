import { z } from 'zod';
import { recheckAnswer } from '../../shared/contract/admin';
import { mapSkuInput, releaseInput } from '../../shared/contract/exception-orders';
import type { Deps } from '../deps';
import { route, type AnyRoute } from '../http/route';
import { orderRecord } from '../../shared/contract/records';
import { transferOrder } from '../admin/transfer';
import { mapHeldSkus, releaseHeld } from './release';

const params = z.strictObject({ orderNo: z.string().min(1).max(40) });

/**
 * 异常订单 held at intake are released here, by a supervisor, once their cause is fixed: a SKU
 * mapped, or a reason accepted. Deciding any other exception is the EXCEPTION_RESOLVE intent, which
 * works offline like every change a desk makes.
 */
export const exceptionRoutes = (deps: Deps): AnyRoute[] => [
  route({
    method: 'POST',
    path: '/v1/exception-orders/:orderNo/map-sku',
    tag: 'exceptions',
    summary: 'Maps a held order’s platform items to our SKUs; the shop’s held orders are checked again',
    description:
      'Each line names our SKU; the platform item and SKU ids come from the order as the shop sent it. Answers the parent numbers released and those still held.',
    access: 'orders.resolveException',
    params,
    body: mapSkuInput,
    response: recheckAnswer,
    errors: ['ORDER_NOT_FOUND', 'NOT_HELD', 'SKU_NOT_FOUND', 'SHOP_NOT_FOUND'],
    handle: ({ caller, params: { orderNo }, body }) => mapHeldSkus(deps, caller, orderNo, body),
  }),
  route({
    method: 'POST',
    path: '/v1/exception-orders/:orderNo/transfer',
    tag: 'exceptions',
    summary: 'Moves an unshipped order to another warehouse (转仓), e.g. one whose warehouse is short of stock',
    description:
      'The same move as the admin’s transfer, audited as order.transfer; the order’s exception stays open until decided.',
    access: 'orders.resolveException',
    params,
    body: z.strictObject({ warehouseId: z.string().min(1).max(64) }),
    response: orderRecord,
    errors: ['ORDER_NOT_FOUND', 'NOT_TRANSFERABLE', 'STOCK_SHORT'],
    handle: ({ caller, params: { orderNo }, body }) => transferOrder(deps, caller, orderNo, body.warehouseId),
  }),
  route({
    method: 'POST',
    path: '/v1/exception-orders/:orderNo/release',
    tag: 'exceptions',
    summary: 'Checks a held order again, the waived reasons accepted (ship as charged)',
    access: 'orders.resolveException',
    params,
    body: releaseInput,
    response: recheckAnswer,
    errors: ['ORDER_NOT_FOUND', 'NOT_HELD'],
    handle: ({ caller, params: { orderNo }, body }) => releaseHeld(deps, caller, orderNo, body),
  }),
];
