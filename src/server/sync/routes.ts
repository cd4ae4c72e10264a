import { z } from 'zod';
import { pullResponse, pushRequest, pushResponse } from '../../shared/contract/sync';
import type { Deps } from '../deps';
import { JsonLines, RawJson, route, type AnyRoute } from '../http/route';
import { noteDeviceSync } from '../auth/devices';
import { pull, pullStream } from './pull';
import { push } from './push';

// A stream answers what a sequence of pulls would, so both take the same query.
const pullQuery = (deps: Deps) =>
  z.strictObject({
    cursor: z.string().max(32).optional(),
    limit: z.coerce.number().int().min(1).max(deps.config.pull.maxLimit).default(deps.config.pull.defaultLimit),
    count: z.enum(['true', 'false']).optional(),
  });

export const syncRoutes = (deps: Deps): AnyRoute[] => [
  route({
    method: 'GET',
    path: '/v1/sync/pull',
    tag: 'sync',
    summary: 'Changes after a cursor, within the caller’s scope',
    description:
      'Orders changed after the cursor (a server sequence), `order_removed` for orders that left the caller’s scope, and for dealers their catalogue items. Pass the answered cursor back until hasMore is false. No cursor: from the beginning. With `count=true` the answer also says how many orders are left from the cursor on (`remaining`, a first sync’s progress). A desk names itself with X-Device-Id and its clock with X-Device-Time (epoch ms): its offline redemptions are then judged against this sync.',
    access: 'orders.read',
    query: pullQuery(deps),
    response: pullResponse,
    errors: ['BAD_CURSOR'],
    handle: async ({ caller, query, request }) => {
      await noteDeviceSync(deps, request.headers);
      return new RawJson(await pull(deps, caller, query.cursor, query.limit, query.count === 'true'));
    },
  }),
  route({
    method: 'GET',
    path: '/v1/sync/stream',
    tag: 'sync',
    summary: 'Every page of a pull in one answer, a page per line',
    description:
      'What a sequence of `/v1/sync/pull` calls would answer, from the cursor to the last page, as NDJSON: one pull answer per line, each with the cursor to resume from. For a first sync: no round trip per page, and the service reads the next page while the last one travels. Pages are read as fast as the client takes them; if the answer breaks off, pull or stream again from the last cursor applied. A bad cursor is refused before the first line. Like a pull, it names the desk (X-Device-Id, X-Device-Time).',
    access: 'orders.read',
    query: pullQuery(deps),
    response: pullResponse,
    errors: ['BAD_CURSOR'],
    handle: async ({ caller, query, request }) => {
      await noteDeviceSync(deps, request.headers);
      const lines = pullStream(deps, caller, query.cursor, query.limit, query.count === 'true');
      const first = await lines.next();
      return new JsonLines(
        (async function* () {
          if (!first.done) yield first.value;
          yield* lines;
        })(),
      );
    },
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
