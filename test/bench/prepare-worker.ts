/**
 * The downloading thread's part of a first sync, timed on a thread of its own with the same heap
 * as the real one (PULL_WORKER_LIMITS): each page's text parsed, checked against the wire schema
 * and laid out as rows, as pull-worker.ts does with the pages it reads off the stream.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { preparePage, type PreparedPage } from '../../src/main/sync/apply-pull';
import { pullPage } from '../../src/main/sync/pull-check';

export type Prepared = { ok: true; page: PreparedPage; items: number; ms: number } | { ok: false };

for (const text of workerData as string[]) {
  const started = performance.now();
  const checked = pullPage.safeParse(JSON.parse(text));
  if (!checked.success) {
    parentPort!.postMessage({ ok: false } satisfies Prepared);
    break;
  }
  const page = preparePage(checked.data);
  const ms = performance.now() - started;
  parentPort!.postMessage({ ok: true, page, items: page.orders.orderNos.length, ms } satisfies Prepared);
}
