import type { PullResponse } from '../../shared/contract/sync';
import { pullPage } from './pull-check';
import { failed, parseJson, refusalOf, type ServiceResult } from './service-client';

export interface StreamRequest {
  baseUrl: string;
  token: string | null;
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
 * pull's answer and handed out as it completes. Read lazily: a caller that stops asking stops
 * the reading, and the service, which only reads pages as fast as they are taken, waits with it.
 * An answer that breaks off is simply not continued: what was handed out was whole pages, each
 * with its cursor, so the next pull starts after the last one applied.
 */
export async function openPullStream(
  request: StreamRequest,
): Promise<ServiceResult<AsyncGenerator<ServiceResult<PullResponse>>>> {
  const query = new URLSearchParams({
    limit: String(request.pageSize),
    ...(request.cursor ? { cursor: request.cursor } : {}),
    ...(request.count ? { count: 'true' } : {}),
  });
  const abort = new AbortController();
  let idle: NodeJS.Timeout | undefined;
  const awake = () => {
    clearTimeout(idle);
    idle = setTimeout(() => abort.abort(new DOMException('no data', 'TimeoutError')), request.idleTimeoutMs);
  };
  const headers: Record<string, string> = { accept: 'application/x-ndjson' };
  if (request.token) headers['authorization'] = `Bearer ${request.token}`;
  let response: Response;
  try {
    awake();
    response = await fetch(new URL(`/v1/sync/stream?${query}`, request.baseUrl), { headers, signal: abort.signal });
  } catch (error) {
    clearTimeout(idle);
    return failed(networkFailure(error, request.idleTimeoutMs));
  }
  if (!response.ok || !response.body) {
    const text = await response.text().catch(() => '');
    clearTimeout(idle);
    return failed(refusalOf(response.status, parseJson(text)));
  }
  const reader = response.body.getReader();

  async function* pages(): AsyncGenerator<ServiceResult<PullResponse>> {
    let pending: Uint8Array[] = [];
    try {
      for (;;) {
        awake();
        let chunk: Awaited<ReturnType<typeof reader.read>>;
        try {
          chunk = await reader.read();
        } catch (error) {
          yield failed(networkFailure(error, request.idleTimeoutMs));
          return;
        }
        if (chunk.done) {
          if (pending.some((part) => part.length > 0)) yield broken('The order service’s stream ended inside a page');
          return;
        }
        let from = 0;
        let at = chunk.value.indexOf(NEWLINE);
        while (at !== -1) {
          pending.push(chunk.value.subarray(from, at));
          const line = Buffer.concat(pending).toString('utf8');
          pending = [];
          const page = pullPage.safeParse(parseJson(line));
          if (!page.success) {
            yield broken('The order service sent a page of the wrong shape');
            return;
          }
          yield { ok: true, value: page.data };
          from = at + 1;
          at = chunk.value.indexOf(NEWLINE, from);
        }
        pending.push(chunk.value.subarray(from));
      }
    } finally {
      clearTimeout(idle);
      await reader.cancel().catch(() => undefined);
    }
  }
  return { ok: true, value: pages() };
}

const broken = (message: string): ServiceResult<never> => failed({ kind: 'BAD_RESPONSE', status: 200, message });

function networkFailure(error: unknown, idleTimeoutMs: number) {
  const name = (error as { name?: string }).name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return { kind: 'TIMEOUT' as const, message: `The order service sent nothing for ${idleTimeoutMs} ms` };
  }
  return { kind: 'OFFLINE' as const, message: `Order service unreachable: ${(error as Error).message}` };
}
