/**
 * The downloading thread of a first sync: it reads the pull as one stream of pages (a page per
 * line, /v1/sync/stream), each checked against the wire schema and laid out as rows (apply-pull.ts
 * preparePage), and hands them to the writer thread, which only writes. So pages are downloaded,
 * parsed and prepared while the one before is written: two cores at work instead of one. It runs
 * at most `depth` pages ahead of the writer (each page applied gives a credit back); while it
 * waits it stops reading, and the service, which reads pages only as fast as they are taken,
 * waits too. A service without the stream is pulled a page at a time instead.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PullResponse } from '../../shared/contract/sync';
import { preparePage } from './apply-pull';
import type { FromPullWorker, PullWorkerData, ToPullWorker } from './page-stream';
import { openPullStream } from './pull-stream';
import { ServiceClient, type ServiceResult } from './service-client';

const port = parentPort!;
const { baseUrl, token, deviceId, deviceTime, cursor, pageSize, timeoutMs, depth } = workerData as PullWorkerData;
const post = (message: FromPullWorker) => port.postMessage(message);

let credits = depth;
let wake: (() => void) | null = null;
port.on('message', (message: ToPullWorker) => {
  if (message.type === 'credit') {
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
async function* paged(): AsyncGenerator<ServiceResult<PullResponse>> {
  const started = Date.now();
  const device =
    deviceId && deviceTime !== null ? { id: deviceId, now: () => deviceTime + Date.now() - started } : undefined;
  const client = new ServiceClient({ baseUrl, token: () => token, timeoutMs, ...(device ? { device } : {}) });
  let at = cursor;
  for (;;) {
    const pulled = await client.pull(at, pageSize, at === cursor);
    yield pulled;
    if (!pulled.ok || !pulled.value.hasMore) return;
    at = pulled.value.cursor;
  }
}

async function pages(): Promise<AsyncGenerator<ServiceResult<PullResponse>>> {
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
  if (stream.ok) return stream.value;
  if (stream.failure.kind === 'REJECTED' && stream.failure.status === 404) return paged();
  return (async function* () {
    yield stream;
  })();
}

await credit();
for await (const pulled of await pages()) {
  if (!pulled.ok) {
    post({ type: 'failure', failure: pulled.failure });
    break;
  }
  post({ type: 'page', page: preparePage(pulled.value) });
  if (!pulled.value.hasMore) break;
  await credit();
}
port.close();
