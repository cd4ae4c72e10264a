import Fastify, { type ConnectionError, type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { z } from 'zod';
import { can } from '../../shared/domain/rights';
import { authenticate } from '../auth/authenticate';
import type { Caller } from '../auth/caller';
import type { Deps } from '../deps';
import { UNSTORABLE_TEXT, unstorableTextAt } from '../../shared/contract/text';
import { compressAnswers, sendLines } from './compression';
import { ApiError, type ErrorCode, type Issue } from './errors';
import { hostName } from './host-check';
import { Answer, JsonLines, RawJson, type AnyRoute } from './route';

/** 1 MiB: a full push of 100 dealer orders of 200 lines fits; anything bigger is not a client of ours. */
export const BODY_LIMIT = 1024 * 1024;

/** Fastify's own refusals (body parsing, content types) under our stable codes. */
const FASTIFY_ERRORS: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
};

function validate<S extends z.ZodType>(
  schema: S | undefined,
  value: unknown,
  where: string,
  checkText = true,
): z.output<S> | undefined {
  if (!schema) return undefined;
  const unstorable = checkText ? unstorableTextAt(value) : null;
  if (unstorable) {
    throw new ApiError('VALIDATION_FAILED', `The request ${where} is not valid`, {
      issues: [{ path: [where, ...unstorable].join('.'), message: UNSTORABLE_TEXT }],
    });
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues: Issue[] = parsed.error.issues.map((issue) => ({
    path: [where, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  throw new ApiError('VALIDATION_FAILED', `The request ${where} is not valid`, { issues });
}

function sendError(reply: FastifyReply, error: ApiError): FastifyReply {
  const wait = error.details.retryAfterMs;
  if (wait !== undefined) reply.header('retry-after', String(Math.max(1, Math.ceil(wait / 1000))));
  return reply.code(error.status).send(error.toBody());
}

/** A client's mistake Fastify caught before our handler (bad JSON, media type, size) under our codes. */
function clientError(error: FastifyError): ApiError | null {
  const code = FASTIFY_ERRORS[error.code];
  if (code) return new ApiError(code, error.message);
  // JSON.parse failures and prototype-poisoning attempts surface as SyntaxErrors with a 400.
  if (error.statusCode === 400 || error instanceof SyntaxError) return new ApiError('MALFORMED_JSON', error.message);
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return new ApiError('VALIDATION_FAILED', error.message);
  }
  return null;
}

export type ServiceLog = boolean | { stream?: NodeJS.WritableStream; level?: string };

/**
 * The service's log: pino's JSON lines, one per request completed (method, path, status, time,
 * request id) plus warnings and errors. Headers and bodies are never logged (Fastify's request
 * serializer keeps method, url, host and address), and the credentials a future serializer might
 * add are redacted anyway: a log file must not be a way in.
 */
function loggerOptions(log: ServiceLog | undefined) {
  if (!log) return false;
  const { stream, level } = log === true ? {} : log;
  return {
    level: level ?? 'info',
    ...(stream ? { stream } : {}),
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'req.body.password', 'res.headers["set-cookie"]'],
      censor: '[redacted]',
    },
  };
}

/** A desk's X-Request-Id is kept when it is a short plain token, so its log and ours line up. */
function requestId(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(given) ? given : randomUUID();
}

/**
 * Node's HTTP parser refuses some requests before Fastify sees them (headers over 16 KiB, a
 * garbage request line, a client too slow to send its headers); they too get the documented
 * `{error:{code,message}}`, written straight to the socket.
 */
function answerBrokenRequest(error: ConnectionError, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const refusal =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? new ApiError('HEADERS_TOO_LARGE', 'The request headers are larger than 16 KiB')
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? new ApiError('REQUEST_TIMEOUT', 'The request did not arrive in time')
        : new ApiError('BAD_REQUEST', 'The request is not valid HTTP');
  const body = JSON.stringify(refusal.toBody());
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

/**
 * The HTTP face of the service. Every answer is JSON; every refusal is `{error:{code, message,
 * issues?}}` with a stable code; a client's mistake is always a 4xx and never reaches a handler
 * half-validated, so it cannot change anything.
 */
export function buildApp(
  deps: Deps,
  routes: readonly AnyRoute[],
  options: { logger?: ServiceLog; trustProxy?: string[]; allowedHosts: ReadonlySet<string> },
): FastifyInstance {
  const app = Fastify({
    logger: loggerOptions(options.logger),
    genReqId: requestId,
    // Our own ids: the client's X-Request-Id when it is a plain token, otherwise a fresh UUID.
    requestIdHeader: false,
    bodyLimit: BODY_LIMIT,
    return503OnClosing: true,
    trustProxy: options.trustProxy ?? false,
    clientErrorHandler: answerBrokenRequest,
    // A path Fastify cannot decode (`/%E0%A4%A`) never reaches routing or our error handler.
    frameworkErrors: (error, _request, reply) =>
      sendError(reply as FastifyReply, new ApiError('BAD_REQUEST', error.message)),
  });
  compressAnswers(app);
  // JSON only: without this, text/plain bodies would reach handlers as strings.
  app.removeContentTypeParser('text/plain');

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ApiError) return sendError(reply, error);
    const refusal = clientError(error);
    if (refusal) return sendError(reply, refusal);
    request.log.error(error);
    return sendError(reply, new ApiError('INTERNAL', 'The service failed; the request may be retried'));
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // Before routing, body parsing or anything else: a request for another name gets nothing.
  app.addHook('onRequest', async (request, reply) => {
    const name = hostName(request.headers.host);
    if (name && options.allowedHosts.has(name)) return;
    return sendError(
      reply,
      new ApiError('HOST_NOT_ALLOWED', `This service does not answer for host ${name ?? '(none)'}`),
    );
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, new ApiError('NOT_FOUND', `No endpoint ${request.method} ${request.url.split('?')[0]}`)),
  );

  for (const spec of routes) {
    if (spec.demoOnly && !deps.config.demo) continue;
    app.route({
      method: spec.method,
      url: spec.path,
      handler: async (request, reply) => {
        let caller: Caller | null = null;
        if (spec.access !== 'public') {
          caller = await authenticate(deps, request.headers.authorization);
          if (spec.access !== 'signed-in' && !can(caller.role, spec.access)) {
            throw new ApiError('FORBIDDEN_ROLE', `A ${caller.role} may not use ${spec.method} ${spec.path}`);
          }
        }
        const result = await spec.handle({
          caller,
          params: validate(spec.params, request.params, 'params'),
          query: validate(spec.query, request.query, 'query'),
          body: validate(spec.body, request.body, 'body', !spec.itemsReadOneByOne),
          request,
        });
        if (result instanceof RawJson) return reply.type('application/json; charset=utf-8').send(result.text);
        if (result instanceof JsonLines) return sendLines(request, reply, result.lines);
        if (result instanceof Answer) return reply.code(result.status).send(result.body);
        return result;
      },
    });
  }
  return app;
}
