import { z } from 'zod';
import { pullResponse, pushRequest, pushResponse } from '../../shared/contract/sync';
import type { Deps } from '../deps';
import { RawJson, route, type AnyRoute } from '../http/route';
import { pull } from './pull';
import { push } from './push';

export const syncRoutes = (deps: Deps): AnyRoute[] => [
  route({
    method: 'GET',
    path: '/v1/sync/pull',
    tag: 'sync',
    summary: 'Changes after a cursor, within the caller’s scope',
    description:
      'Orders changed after the cursor (a server sequence), `order_removed` for orders that left the caller’s scope, and for dealers their catalogue items. Pass the answered cursor back until hasMore is false. No cursor: from the beginning. With `count=true` the answer also says how many orders are left from the cursor on (`remaining`, a first sync’s progress).',
    access: 'orders.read',
    query: z.strictObject({
      cursor: z.string().max(32).optional(),
      limit: z.coerce.number().int().min(1).max(deps.config.pull.maxLimit).default(deps.config.pull.defaultLimit),
      count: z.enum(['true', 'false']).optional(),
    }),
    response: pullResponse,
    errors: ['BAD_CURSOR'],
    handle: async ({ caller, query }) =>
      new RawJson(await pull(deps, caller, query.cursor, query.limit, query.count === 'true')),
  }),
  route({
    method: 'POST',
    path: '/v1/sync/push',
    tag: 'sync',
    summary: 'Up to 100 intents of one device, re-executed by the service',
    description:
      'Each intent is parsed and decided on its own: answers come in the order sent, each applied, duplicate (already applied earlier) or rejected with a code. An intent id is applied at most once, however often it is pushed.',
    access: 'signed-in',
    body: pushRequest,
    itemsReadOneByOne: true,
    response: pushResponse,
    errors: ['DEVICE_NOT_REGISTERED'],
    handle: ({ caller, body }) => push(deps, caller, body),
  }),
];
