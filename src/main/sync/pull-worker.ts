/**
 * The downloading thread of a first sync: it reads the pull as one stream of pages (a page per
 * line, /v1/sync/stream) and hands each line's bytes on as it completes, transferred, not copied;
 * the preparing threads check them and lay them out as rows (prepare-worker.ts, page-stream.ts)
 * while the writer thread writes the pages before. It runs at most `depth` pages ahead of the
 * writer (each page applied gives a credit back); while it waits it stops reading, and the
 * service, which reads pages only as fast as they are taken, waits too. A service without the
 * stream is pulled a page at a time instead, each page checked and prepared here.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { PullResponse } from '../../shared/contract/sync';
import { preparePage } from './apply-pull';
import type { FromPullWorker, PullWorkerData, ToPrepareWorker, ToPullWorker } from './page-stream';
import { openPullStream } from './pull-stream';
import { ServiceClient, type ServiceResult } from './service-client';

const port = parentPort!;
const { baseUrl, token, deviceId, deviceTime, cursor, pageSize, timeoutMs, depth } = workerData as PullWorkerData;
const post = (message: FromPullWorker) => port.postMessage(message);

let credits = depth;
let wake: (() => void) | null = null;
let dealTo: (ports: MessagePort[]) => void;
const preparers = new Promise<MessagePort[]>((resolve) => (dealTo = resolve));
port.on('message', (message: ToPullWorker) => {
  if (message.type === 'preparers') dealTo(message.ports);
  else {
    credits++;
    wake?.();
  }
});
const credit = async () => {
  while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
  wake = null;
  credits--;
};

/** Pulls one page at a time, for a service that has no stream. */
async function paged(): Promise<void> {
  const started = Date.now();
  const device =
    deviceId && deviceTime !== null ? { id: deviceId, now: () => deviceTime + Date.now() - started } : undefined;
  const client = new ServiceClient({ baseUrl, token: () => token, timeoutMs, ...(device ? { device } : {}) });
  let at = cursor;
  for (;;) {
    await credit();
    const pulled: ServiceResult<PullResponse> = await client.pull(at, pageSize, at === cursor);
    if (!pulled.ok) return post({ type: 'failure', failure: pulled.failure });
    post({ type: 'page', page: preparePage(pulled.value) });
    if (!pulled.value.hasMore) return;
    at = pulled.value.cursor;
  }
}

/** Streams the pages, a line each; the stream ends after the page that has no more after it. */
async function streamed(): Promise<void> {
  const stream = await openPullStream({
    baseUrl,
    token,
    deviceId,
    deviceTime,
    cursor,
    pageSize,
    count: true,
    idleTimeoutMs: timeoutMs,
  });
  if (!stream.ok && stream.failure.kind === 'REJECTED' && stream.failure.status === 404) return paged();
  if (!stream.ok) return post({ type: 'failure', failure: stream.failure });
  const ports = await preparers;
  await credit();
  let index = 0;
  for await (const line of stream.value) {
    if (!line.ok) return post({ type: 'failure', failure: line.failure });
    const bytes = line.value;
    ports[index % ports.length]!.postMessage({ index, bytes } satisfies ToPrepareWorker, [bytes.buffer as ArrayBuffer]);
    index++;
    post({ type: 'dealt' });
    await credit();
  }
}

await streamed();
port.close();
