import type { Worker } from 'node:worker_threads';
import { spawnWorker } from '../backend/spawn';
import type { PreparedPage } from './apply-pull';
import type { ServiceFailure } from './service-client';

export interface PullWorkerData {
  baseUrl: string;
  token: string | null;
  /** The desk naming itself, as every call does (X-Device-Id, X-Device-Time). */
  deviceId: string | null;
  deviceTime: number | null;
  cursor: string | null;
  pageSize: number;
  timeoutMs: number;
  depth: number;
}

export type FromPullWorker = { type: 'page'; page: PreparedPage } | { type: 'failure'; failure: ServiceFailure };
export type ToPullWorker = { type: 'credit' };

/**
 * The downloading thread's heap. A page of 2,500 orders parsed is some 20 MB of objects that live
 * until the page is laid out as rows: in a young generation smaller than a few pages they outlive
 * scavenges and are copied, promoted, then collected by the far costlier full GC. Measured on
 * 25,000 pulled orders (docs/performance.md): garbage collection took 450–620 ms with 64 MB,
 * 60–180 ms with 256 MB. The thread lives only while a first sync downloads.
 */
export const PULL_WORKER_LIMITS = { maxYoungGenerationSizeMb: 256 };

export type StreamedPage = { ok: true; page: PreparedPage } | { ok: false; failure: ServiceFailure };

export interface PageStream {
  /** The next page in cursor order; after the last page or a failure, nothing more comes. */
  next(): Promise<StreamedPage>;
  /** The page given was applied: the downloader may fetch one more. */
  applied(): void;
  close(): Promise<void>;
}

/** Pages of a pull downloaded and prepared on a thread of their own (pull-worker.ts). */
export function openPageStream(data: PullWorkerData): PageStream {
  const worker: Worker = spawnWorker(new URL('./pull-worker.ts', import.meta.url), data, PULL_WORKER_LIMITS);
  const arrived: StreamedPage[] = [];
  const waiting: Array<(page: StreamedPage) => void> = [];
  const deliver = (page: StreamedPage) => {
    const waiter = waiting.shift();
    if (waiter) waiter(page);
    else arrived.push(page);
  };
  worker.on('message', (message: FromPullWorker) =>
    deliver(message.type === 'page' ? { ok: true, page: message.page } : { ok: false, failure: message.failure }),
  );
  const stopped = (message: string): StreamedPage => ({
    ok: false,
    failure: { kind: 'BAD_RESPONSE', status: 0, message },
  });
  worker.on('error', (error) => deliver(stopped(`the downloading thread failed: ${error.message}`)));
  worker.on('exit', () => deliver(stopped('the downloading thread stopped')));
  return {
    next: () => {
      const page = arrived.shift();
      return page ? Promise.resolve(page) : new Promise((resolve) => waiting.push(resolve));
    },
    applied: () => worker.postMessage({ type: 'credit' } satisfies ToPullWorker),
    close: async () => {
      await worker.terminate();
    },
  };
}
