import { z } from 'zod';
import type { Deps } from '../deps';
import { route, type AnyRoute } from './route';

export const SERVICE_VERSION = '1.0.0';

/** Health and the API's own description. The document is built once, from the routes it describes. */
export const metaRoutes = (deps: Deps, document: () => unknown): AnyRoute[] => [
  route({
    method: 'GET',
    path: '/v1/health',
    tag: 'meta',
    summary: 'Ready to serve',
    access: 'public',
    response: z.strictObject({
      status: z.literal('ok'),
      version: z.string(),
      demo: z.boolean(),
      time: z.number().int(),
    }),
    errors: [],
    handle: async () => ({ status: 'ok', version: SERVICE_VERSION, demo: deps.config.demo, time: deps.clock.now() }),
  }),
  route({
    method: 'GET',
    path: '/v1/openapi.json',
    tag: 'meta',
    summary: 'This API as an OpenAPI 3.1 document',
    access: 'public',
    response: z.record(z.string(), z.unknown()),
    errors: [],
    handle: async () => document(),
  }),
];
