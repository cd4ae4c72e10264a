import { z } from 'zod';
import { ERROR_STATUS, type ErrorCode } from './errors';
import type { AnyRoute } from './route';

type JsonSchema = Record<string, unknown>;

/** JSON Schema 2020-12, which OpenAPI 3.1 uses as is; what JSON cannot express becomes "any". */
function schemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

/** A query or path object's fields as OpenAPI parameters. */
function parametersOf(schema: z.ZodType | undefined, where: 'query' | 'path'): JsonSchema[] {
  if (!schema) return [];
  const json = schemaOf(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
    schema: property,
  }));
}

/** Refusals any endpoint of this kind can give, on top of its own. */
function genericErrors(route: AnyRoute): ErrorCode[] {
  return [
    'VALIDATION_FAILED',
    ...(route.body ? (['MALFORMED_JSON', 'BODY_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'] as const) : []),
    ...(route.access === 'public' ? [] : (['UNAUTHENTICATED'] as const)),
    ...(route.access === 'public' || route.access === 'signed-in' ? [] : (['FORBIDDEN_ROLE'] as const)),
  ];
}

function errorResponses(codes: readonly ErrorCode[]): Record<string, JsonSchema> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set(codes)) {
    const status = ERROR_STATUS[code] ?? 409;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, list]) => [
      String(status),
      {
        description: list.join(', '),
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    ]),
  );
}

const ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', enum: Object.keys(ERROR_STATUS).sort() },
        message: { type: 'string' },
        issues: {
          type: 'array',
          items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } },
        },
        fieldErrors: { type: 'object', additionalProperties: { type: 'string' } },
        conflict: {
          type: 'object',
          properties: { redeemedBy: { type: 'string' }, storeId: { type: 'string' }, redeemedAt: { type: 'integer' } },
        },
      },
    },
  },
};

/** The OpenAPI 3.1 document, generated from the very route table (and zod schemas) the service runs. */
export function openApiDocument(routes: readonly AnyRoute[], version: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = {
      tags: [route.tag],
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      ...(route.demoOnly ? { 'x-demo-only': true } : {}),
      'x-access': route.access,
      security: route.access === 'public' ? [] : [{ bearer: [] }],
      parameters: [...parametersOf(route.params, 'path'), ...parametersOf(route.query, 'query')],
      ...(route.body
        ? {
            requestBody: {
              // A body the route also takes absent (a sign-out) is optional.
              required: !route.body.safeParse(undefined).success,
              content: { 'application/json': { schema: schemaOf(route.body, 'input') } },
            },
          }
        : {}),
      responses: {
        '200': { description: 'OK', content: { 'application/json': { schema: schemaOf(route.response, 'output') } } },
        ...errorResponses([...route.errors, ...genericErrors(route)]),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Order service',
      version,
      description:
        'The remote API of the offline-first order desk: sync (pull changes, push intents), orders, redemption, dealer order intake. Money is integer fen, times UTC epoch milliseconds. See docs/api.md.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: { Error: ERROR_SCHEMA },
    },
    paths,
  };
}
