import { createServer, type Server } from 'node:http';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { openPageStream, type StreamedPage } from '../../../src/main/sync/page-stream';
import type { PullResponse } from '../../../src/shared/contract/sync';
import { demoOrders } from '../../fixtures/orders';

const orders = demoOrders(700);

/** A page of `count` orders from `from`, its cursor the number of the last. */
function page(from: number, count: number, hasMore = true): PullResponse {
  const changes = orders
    .slice(from, from + count)
    .map((order, i) => ({ type: 'order' as const, seq: from + i + 1, order }));
  return { changes, cursor: String(from + count), hasMore };
}

/** An order service whose stream answers these lines, then ends, compressed as `encoding` says. */
let server: Server | null = null;
/** What the desk said it takes (Accept-Encoding) when it last asked for the stream. */
let taken = '';
async function serviceStreaming(lines: string[], encoding: 'br' | 'gzip' | null = null): Promise<string> {
  server = createServer((request, response) => {
    if (!request.url?.startsWith('/v1/sync/stream')) return void response.writeHead(404).end();
    taken = String(request.headers['accept-encoding']);
    response.writeHead(200, {
      'content-type': 'application/x-ndjson',
      ...(encoding ? { 'content-encoding': encoding } : {}),
    });
    if (!encoding) for (const line of lines) response.write(line);
    else response.write((encoding === 'br' ? brotliCompressSync : gzipSync)(lines.join('')));
    response.end();
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** Everything the stream hands out, up to the page with no more after it or the first failure. */
async function drain(baseUrl: string): Promise<StreamedPage[]> {
  const stream = openPageStream({
    baseUrl,
    token: null,
    deviceId: null,
    deviceTime: null,
    cursor: null,
    pageSize: 100,
    timeoutMs: 10_000,
    depth: 3,
  });
  const out: StreamedPage[] = [];
  try {
    for (;;) {
      const next = await stream.next();
      out.push(next);
      if (!next.ok || !next.page.hasMore) return out;
      stream.applied();
    }
  } finally {
    await stream.close();
  }
}

const line = (p: PullResponse) => `${JSON.stringify(p)}\n`;
const cursors = (pages: StreamedPage[]) => pages.map((p) => (p.ok ? p.page.cursor : 'failed'));

describe('a first sync’s pages, downloaded and prepared on a thread of their own', () => {
  it('hands the pages out in the order the service sent them, long and short', async () => {
    const pages = [page(0, 300), page(300, 5), page(305, 300), page(605, 5), page(610, 90), page(700, 0, false)];
    const handed = await drain(await serviceStreaming(pages.map(line)));
    expect(cursors(handed)).toEqual(['300', '305', '605', '610', '700', '700']);
    const numbers = handed.flatMap((p) => (p.ok ? p.page.orders.orderNos : []));
    expect(numbers).toEqual(orders.map((o) => o.orderNo));
  });

  it('asks for Brotli first and reads a stream compressed either way', async () => {
    const pages = [page(0, 300), page(300, 300), page(600, 100, false)];
    for (const encoding of ['br', 'gzip'] as const) {
      const handed = await drain(await serviceStreaming(pages.map(line), encoding));
      expect(cursors(handed), encoding).toEqual(['300', '600', '700']);
      expect(taken).toBe('br, gzip');
      await new Promise<void>((resolve) => server!.close(() => resolve()));
      server = null;
    }
  });

  it('stops at a page of the wrong shape, after the pages before it', async () => {
    const broken = { ...page(200, 100), cursor: 17 };
    const handed = await drain(
      await serviceStreaming([
        line(page(0, 100)),
        line(page(100, 100)),
        `${JSON.stringify(broken)}\n`,
        line(page(300, 100)),
      ]),
    );
    expect(cursors(handed)).toEqual(['100', '200', 'failed']);
    expect(handed[2]).toMatchObject({
      ok: false,
      failure: { kind: 'BAD_RESPONSE', message: expect.stringMatching(/wrong shape/) },
    });
  });

  it('ends in a failure when the answer breaks off inside a page, after the whole pages', async () => {
    const handed = await drain(
      await serviceStreaming([line(page(0, 100)), line(page(100, 100)), line(page(200, 100)).slice(0, 5_000)]),
    );
    expect(cursors(handed)).toEqual(['100', '200', 'failed']);
    expect(handed[2]).toMatchObject({ ok: false, failure: { message: expect.stringMatching(/ended inside a page/) } });
  });
});
