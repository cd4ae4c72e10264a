/**
 * The downloading thread of a first sync: it pulls pages one after another, each parsed, checked
 * against the wire schema and laid out as rows (apply-pull.ts preparePage), and hands them to the
 * writer thread, which only writes. So a page is downloaded and prepared while the one before it
 * is written: two cores at work instead of one. It runs at most `depth` pages ahead of the writer
 * (each page applied gives it a credit back), so a slow disk never fills memory with pages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { preparePage } from './apply-pull';
import { ServiceClient } from './service-client';
import type { PullWorkerData, FromPullWorker, ToPullWorker } from './page-stream';

const port = parentPort!;
const { baseUrl, token, cursor, pageSize, timeoutMs, depth } = workerData as PullWorkerData;
const client = new ServiceClient({ baseUrl, token: () => token, timeoutMs });
const post = (message: FromPullWorker) => port.postMessage(message);

let credits = depth;
let wake: (() => void) | null = null;
port.on('message', (message: ToPullWorker) => {
  if (message.type === 'credit') {
    credits++;
    wake?.();
  }
});

let at = cursor;
for (;;) {
  while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
  wake = null;
  credits--;
  // The first page also says how many orders there are to come: the progress a user sees.
  const pulled = await client.pull(at, pageSize, at === cursor);
  if (!pulled.ok) {
    post({ type: 'failure', failure: pulled.failure });
    break;
  }
  post({ type: 'page', page: preparePage(pulled.value) });
  if (!pulled.value.hasMore) break;
  at = pulled.value.cursor;
}
port.close();
