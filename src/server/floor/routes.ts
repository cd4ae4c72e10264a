import { z } from 'zod';
import { warehousePolicy } from '../../shared/contract/sync';
import type { Deps } from '../deps';
import { ApiError } from '../http/errors';
import { route, type AnyRoute } from '../http/route';
import {
  loadAnswer,
  loadBody,
  loadPool,
  poolCounts,
  reserveAnswer,
  reserveBlock,
  reserveBody,
  voidAnswer,
  voidBody,
  voidNumber,
} from './pool';

const policyBody = z.strictObject({ requireVerification: z.boolean() });
const warehouseParams = z.strictObject({ id: z.string().min(1).max(64) });

/** The warehouse floor's settings, set by an admin; desks pull them with their next sync. */
export const floorRoutes = (deps: Deps): AnyRoute[] => [
  route({
    method: 'POST',
    path: '/v1/admin/warehouses/:id/policy',
    tag: 'admin',
    summary: 'Set whether a warehouse ships only scanned units (扫描验货)',
    description:
      'With `requireVerification`, the service rejects a SHIP intent for an order of this warehouse unless the desk marks it `verified` (every unit of its parcels scanned at the desk). Desks pull the policy as a `warehouse` change.',
    access: 'floor.configure',
    params: warehouseParams,
    body: policyBody,
    response: warehousePolicy,
    errors: ['NOT_FOUND'],
    handle: ({ params, body }) =>
      deps.store.unit(async (tx) => {
        const found = await tx.places.warehouse(params.id);
        if (!found) throw new ApiError('NOT_FOUND', `No warehouse ${params.id}`);
        await tx.floor.setVerificationPolicy(params.id, body.requireVerification, await tx.sequence.next());
        return { id: found.id, name: found.name, requireVerification: body.requireVerification };
      }),
  }),
  route({
    method: 'POST',
    path: '/v1/admin/waybill-pools/load',
    tag: 'admin',
    summary: 'Load a carrier’s tracking numbers (电子面单) into a warehouse’s pool: a range or a list',
    description:
      'Every number must fit the carrier’s format, or nothing is loaded. Numbers already in a pool are skipped (`alreadyLoaded`). Numbers leave a pool in the order they were loaded.',
    access: 'floor.configure',
    body: loadBody,
    response: loadAnswer,
    errors: ['NOT_FOUND'],
    handle: ({ body }) => loadPool(deps, body),
  }),
  route({
    method: 'GET',
    path: '/v1/admin/waybill-pools',
    tag: 'admin',
    summary: 'How many numbers each pool has free, reserved by desks, used and voided',
    access: 'floor.configure',
    response: poolCounts,
    errors: [],
    handle: async () => ({ pools: await deps.store.unit((tx) => tx.waybillPool.counts()) }),
  }),
  route({
    method: 'POST',
    path: '/v1/waybill-numbers/reserve',
    tag: 'floor',
    summary: 'Reserve a block of tracking numbers for a desk, so it can print labels offline',
    description:
      'Takes up to `count` free numbers of the carrier and warehouse, oldest first (fewer when the pool runs low, none when it is empty). Idempotent on `reservation`: asking again with it answers the same block. A reserved number is this desk’s alone; a SHIP intent that carries it marks it used.',
    access: 'orders.ship',
    body: reserveBody,
    response: reserveAnswer,
    errors: ['NOT_FOUND'],
    handle: ({ caller, body }) => reserveBlock(deps, caller, body),
  }),
  route({
    method: 'POST',
    path: '/v1/waybill-numbers/void',
    tag: 'floor',
    summary: 'Put a spoiled or cancelled label’s number on the void list: it is never handed out or shipped again',
    access: 'orders.ship',
    body: voidBody,
    response: voidAnswer,
    errors: ['NOT_FOUND', 'TRACKING_IN_USE'],
    handle: ({ caller, body }) => voidNumber(deps, caller, body),
  }),
];
