/**
 * A preparing thread of a first sync, timed on a thread of its own with the same heap as the real
 * ones (PULL_WORKER_LIMITS): each page's bytes decoded, parsed, checked against the wire schema and
 * laid out as rows, the steps prepare-worker.ts takes with the pages the stream hands it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { preparePage, type PreparedPage } from '../../src/main/sync/apply-pull';
import { pageOfText } from '../../src/main/sync/pull-stream';

/** `from` and `to` on the machine's clock (ms since the epoch), to tell how long several threads took together. */
export type Prepared =
  | { ready: true }
  | { ok: true; page: PreparedPage; items: number; ms: number; from: number; to: number }
  | { ok: false };

const clock = () => performance.timeOrigin + performance.now();

function prepareAll(): void {
  for (const bytes of workerData as Uint8Array[]) {
    const from = clock();
    const started = performance.now();
    const checked = pageOfText(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
    if (!checked.ok) {
      parentPort!.postMessage({ ok: false } satisfies Prepared);
      return;
    }
    const page = preparePage(checked.value);
    const ms = performance.now() - started;
    const items = page.orders.orderNos.length;
    parentPort!.postMessage({ ok: true, page, items, ms, from, to: clock() } satisfies Prepared);
  }
}

// Loaded: the bench starts every thread at once, so their pages are timed side by side.
parentPort!.once('message', prepareAll);
parentPort!.postMessage({ ready: true } satisfies Prepared);
