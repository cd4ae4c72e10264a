import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip } from 'node:zlib';
import type { PullResponse } from '../../shared/contract/sync';
import { pullPage } from './pull-check';
import { failed, parseJson, refusalOf, type ServiceFailure, type ServiceResult } from './service-client';

export interface StreamRequest {
  baseUrl: string;
  token: string | null;
  /** The desk naming itself, as every call does (X-Device-Id, X-Device-Time). */
  deviceId: string | null;
  deviceTime: number | null;
  cursor: string | null;
  pageSize: number;
  /** The first page also says how many orders are left (a first sync's progress). */
  count: boolean;
  /** No byte for this long ends the answer as a timeout (the whole answer may take minutes). */
  idleTimeoutMs: number;
}

const NEWLINE = 0x0a;

/**
 * The pages of a pull as one answer (GET /v1/sync/stream, a page per line), each checked like a
 * pull's answer and handed out as it completes. Read with node:http rather than fetch: a caller
 * that stops asking stops the reading right down to the socket (fetch's web stream keeps pulling
 * the body into memory meanwhile, and re-joins it at great cost), and the service, which reads
 * pages only as fast as they are taken, waits too. An answer that breaks off is simply not
 * continued: what was handed out was whole pages, each with its cursor, so the next pull starts
 * after the last one applied.
 */
export async function openPullStream(
  request: StreamRequest,
): Promise<ServiceResult<AsyncGenerator<ServiceResult<PullResponse>>>> {
  const url = new URL('/v1/sync/stream', request.baseUrl);
  url.search = new URLSearchParams({
    limit: String(request.pageSize),
    ...(request.cursor ? { cursor: request.cursor } : {}),
    ...(request.count ? { count: 'true' } : {}),
  }).toString();
  // Brotli first: the service compresses it at a third of gzip's cost for the same size (compression.ts).
  const headers: Record<string, string> = { accept: 'application/x-ndjson', 'accept-encoding': 'br, gzip' };
  if (request.token) headers['authorization'] = `Bearer ${request.token}`;
  if (request.deviceId) headers['x-device-id'] = request.deviceId;
  if (request.deviceTime !== null) headers['x-device-time'] = String(request.deviceTime);

  const opened = await new Promise<ServiceResult<IncomingMessage>>((resolve) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(url, { headers }, (res) => resolve({ ok: true, value: res }));
    req.setTimeout(request.idleTimeoutMs, () =>
      req.destroy(Object.assign(new Error('idle'), { name: 'TimeoutError' })),
    );
    req.on('error', (error) => resolve(failed(networkFailure(error, request.idleTimeoutMs))));
    req.end();
  });
  if (!opened.ok) return opened;
  const res = opened.value;
  const encoding = res.headers['content-encoding'];
  const body: Readable =
    encoding === 'br' ? res.pipe(createBrotliDecompress()) : encoding === 'gzip' ? res.pipe(createGunzip()) : res;
  if ((res.statusCode ?? 0) >= 300) {
    const text = await readAll(body).catch(() => '');
    return failed(refusalOf(res.statusCode ?? 0, parseJson(text)));
  }

  async function* pages(): AsyncGenerator<ServiceResult<PullResponse>> {
    let pending: Buffer[] = [];
    try {
      for await (const chunk of body as AsyncIterable<Buffer>) {
        let from = 0;
        let at = chunk.indexOf(NEWLINE);
        while (at !== -1) {
          pending.push(chunk.subarray(from, at));
          const line = Buffer.concat(pending).toString('utf8');
          pending = [];
          const page = pullPage.safeParse(parseJson(line));
          if (!page.success) {
            yield broken('The order service sent a page of the wrong shape');
            return;
          }
          yield { ok: true, value: page.data };
          from = at + 1;
          at = chunk.indexOf(NEWLINE, from);
        }
        if (from < chunk.length) pending.push(chunk.subarray(from));
      }
      if (pending.length) yield broken('The order service’s stream ended inside a page');
    } catch (error) {
      yield failed(networkFailure(error, request.idleTimeoutMs));
    } finally {
      res.destroy();
    }
  }
  return { ok: true, value: pages() };
}

async function readAll(body: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

const broken = (message: string): ServiceResult<never> => failed({ kind: 'BAD_RESPONSE', status: 200, message });

function networkFailure(error: unknown, idleTimeoutMs: number): ServiceFailure {
  if ((error as { name?: string }).name === 'TimeoutError') {
    return { kind: 'TIMEOUT', message: `The order service sent nothing for ${idleTimeoutMs} ms` };
  }
  return { kind: 'OFFLINE', message: `Order service unreachable: ${(error as Error).message}` };
}
