import { timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { EVENT_NAMES } from '../../shared/contract/api';
import type { ApiError } from '../../shared/contract/result';
import type { DeskBackend } from '../backend/host';
import { CONTENT_SECURITY_POLICY } from '../security/csp';
import { HTTP_STATUS } from './http-status';
import { readStatic } from './static-files';

const MAX_BODY_BYTES = 1024 * 1024;
const IMMUTABLE = 'public, max-age=31536000, immutable';

export interface HttpBridgeOptions {
  app: Pick<DeskBackend, 'dispatch' | 'events' | 'exports'>;
  token: string;
  /** The built renderer (out/renderer); null serves only the API. */
  staticDir: string | null;
  port: number;
}

export interface HttpBridge {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

/**
 * Browser mode: the very same dispatcher as Electron's IPC, reached over HTTP on 127.0.0.1.
 * A per-run token stands in for Electron's sender check, and the Host check keeps a web page
 * elsewhere from reaching it through DNS rebinding.
 */
export async function startHttpBridge({ app, token, staticDir, port }: HttpBridgeOptions): Promise<HttpBridge> {
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[http-bridge]', error);
      if (!res.headersSent) sendError(res, 500, { code: 'INTERNAL', message: 'Unexpected failure' });
      else res.end();
    });
  });

  server.on('clientError', answerBrokenRequest);

  const expected = Buffer.from(token);
  const authorized = (presented: string | null | undefined): boolean => {
    if (!presented) return false;
    const given = Buffer.from(presented);
    return given.length === expected.length && timingSafeEqual(given, expected);
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const actualPort = (server.address() as AddressInfo).port;
    if (!isLoopbackHost(req.headers.host, actualPort)) {
      return sendError(res, 421, { code: 'TRANSPORT_FAILED', message: 'Wrong host' });
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${actualPort}`);
    if (!decodable(url.pathname)) return sendError(res, 400, { code: 'VALIDATION_FAILED', message: 'Malformed path' });
    if (url.pathname === '/api/events' && req.method === 'GET') {
      if (!authorized(url.searchParams.get('token'))) return sendError(res, 401, unauthenticated);
      return streamEvents(res);
    }
    const exported = /^\/api\/exports\/([0-9a-f-]{36})$/.exec(url.pathname);
    if (exported && req.method === 'GET') {
      // A download link cannot carry a header, so the token may come as a query parameter (as for events).
      if (!authorized(bearer(req.headers.authorization) ?? url.searchParams.get('token'))) {
        return sendError(res, 401, unauthenticated);
      }
      const path = app.exports.path(exported[1] as string);
      if (!path) return sendError(res, 404, notFound);
      return sendFile(res, path);
    }
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return sendError(res, 405, { code: 'TRANSPORT_FAILED', message: 'Use POST' });
      if (!authorized(bearer(req.headers.authorization))) return sendError(res, 401, unauthenticated);
      const body = await readJson(req);
      if (!body.ok) return sendError(res, body.status, body.error);
      const result = await app.dispatch(url.pathname.slice('/api/'.length), body.value);
      const status = result.ok ? 200 : HTTP_STATUS[result.error.code];
      return sendJson(res, status, result);
    }
    if (req.method !== 'GET' || !staticDir) return sendError(res, 404, notFound);
    const asked = await readStatic(staticDir, url.pathname);
    const file = asked ?? (await readStatic(staticDir, '/'));
    if (!file) return sendError(res, 404, notFound);
    res.writeHead(200, {
      'content-type': file.type,
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      // The build names every file under assets/ by its content's hash, so a file there never
      // changes: the browser keeps it and its compiled code (V8's code cache needs a cacheable
      // script), and a reload runs the first frame without fetching and compiling it again. The
      // page itself is always asked again, so a new build is picked up at the next reload.
      'cache-control': asked && url.pathname.startsWith('/assets/') ? IMMUTABLE : 'no-store',
    });
    res.end(file.body);
  }

  function streamEvents(res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    const unsubscribe = app.events.subscribe((name, payload) => {
      if (EVENT_NAMES.includes(name)) res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    const keepAlive = setInterval(() => res.write(': ping\n\n'), 15_000);
    res.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  return {
    server,
    port: actualPort,
    url: `http://127.0.0.1:${actualPort}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const unauthenticated: ApiError = { code: 'UNAUTHENTICATED', message: 'Missing or wrong token' };
const notFound: ApiError = { code: 'NOT_FOUND', message: 'Not found' };

const bearer = (header: string | undefined): string | null =>
  header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : null;

function isLoopbackHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

type JsonBody = { ok: true; value: unknown } | { ok: false; status: number; error: ApiError };

async function readJson(req: IncomingMessage): Promise<JsonBody> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) return tooLarge;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return tooLarge;
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
  } catch {
    return { ok: false, status: 400, error: { code: 'VALIDATION_FAILED', message: 'Body is not valid JSON' } };
  }
}
const tooLarge: JsonBody = {
  ok: false,
  status: 413,
  error: { code: 'VALIDATION_FAILED', message: `Body larger than ${MAX_BODY_BYTES} bytes` },
};

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

/** A finished export as a download, streamed from disk: a million rows never sit in memory. */
function sendFile(res: ServerResponse, path: string): void {
  res.writeHead(200, {
    'content-type': path.endsWith('.xlsx')
      ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
      : path.endsWith('.zip')
        ? 'application/zip'
        : 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${basename(path)}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  createReadStream(path).pipe(res);
}

function sendError(res: ServerResponse, status: number, error: ApiError): void {
  sendJson(res, status, { ok: false, error });
}

function decodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * What Node's parser refuses before a handler runs (headers over its limit, a garbage request
 * line) gets the same `{ok:false, error}` body as every other refusal, not an empty answer.
 */
function answerBrokenRequest(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, message] =
    error.code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request headers too large'] : [400, 'Not a valid HTTP request'];
  const body = JSON.stringify({ ok: false, error: { code: 'TRANSPORT_FAILED', message } });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json; charset=utf-8\r\n` +
        `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
