import { z } from 'zod';
import { warehousePolicy } from '../../shared/contract/sync';
import type { Deps } from '../deps';
import { ApiError } from '../http/errors';
import { route, type AnyRoute } from '../http/route';

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
];
