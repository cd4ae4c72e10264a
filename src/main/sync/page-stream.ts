import { MessageChannel, type MessagePort, type Worker } from 'node:worker_threads';
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

/**
 * To the writer: a streamed page was dealt to a preparing thread (its index counts these), or a
 * page already prepared (a service without the stream), or a failure, which comes after them.
 */
export type FromPullWorker =
  { type: 'dealt' } | { type: 'page'; page: PreparedPage } | { type: 'failure'; failure: ServiceFailure };
export type ToPullWorker = { type: 'credit' } | { type: 'preparers'; ports: MessagePort[] };
/** A streamed page's bytes, the index-th of the stream, from the downloading thread to a preparing one. */
export type ToPrepareWorker = { index: number; bytes: Uint8Array };
export type FromPrepareWorker = { index: number } & (
  { type: 'page'; page: PreparedPage } | { type: 'failure'; failure: ServiceFailure }
);

/**
 * The heap of the threads that parse pages. A page of 2,500 orders parsed is some 20 MB of objects
 * that live until the page is laid out as rows: in a young generation smaller than a few pages
 * they outlive scavenges and are copied, promoted, then collected by the far costlier full GC.
 * Measured on 25,000 pulled orders (docs/performance.md): garbage collection took 450–620 ms with
 * 64 MB, 60–180 ms with 256 MB. The threads live only while a first sync downloads.
 */
export const PULL_WORKER_LIMITS = { maxYoungGenerationSizeMb: 256 };

/**
 * Preparing a page (parse, check, rows) costs about three times what writing it does, so one
 * thread preparing left the writer waiting and a core idle (docs/performance.md); two keep up.
 */
export const PREPARING_THREADS = 2;

export type StreamedPage = { ok: true; page: PreparedPage } | { ok: false; failure: ServiceFailure };

export interface PageStream {
  /** The next page in cursor order; after the last page or a failure, nothing more comes. */
  next(): Promise<StreamedPage>;
  /** The page given was applied: the downloader may fetch one more. */
  applied(): void;
  close(): Promise<void>;
}

const stopped = (message: string): StreamedPage => ({
  ok: false,
  failure: { kind: 'BAD_RESPONSE', status: 0, message },
});

/** A streamed page: dealt by the downloader and answered by a preparer, in either order. */
interface Slot {
  page: Promise<StreamedPage>;
  answer(page: StreamedPage): void;
  dealt: boolean;
  answered: boolean;
}
function slot(): Slot {
  let answer!: (page: StreamedPage) => void;
  const page = new Promise<StreamedPage>((resolve) => (answer = resolve));
  return { page, answer, dealt: false, answered: false };
}

/**
 * Pages of a pull downloaded on a thread of their own (pull-worker.ts) and prepared on two others
 * (prepare-worker.ts), dealt to them in turn and handed out here in the order they came. The
 * downloading thread hands pages to the preparing threads directly, over ports of their own: this
 * thread, the writer, is busy writing most of the time, and a page routed through it would wait
 * for each write to end before its preparing began.
 */
export function openPageStream(data: PullWorkerData): PageStream {
  const downloader: Worker = spawnWorker(new URL('./pull-worker.ts', import.meta.url), data, PULL_WORKER_LIMITS);
  const channels = Array.from({ length: PREPARING_THREADS }, () => new MessageChannel());
  const preparers = channels.map(({ port2 }) => {
    const worker = spawnWorker(new URL('./prepare-worker.ts', import.meta.url), null, PULL_WORKER_LIMITS);
    worker.postMessage({ port: port2 }, [port2]);
    return worker;
  });
  downloader.postMessage(
    { type: 'preparers', ports: channels.map((c) => c.port1) } satisfies ToPullWorker,
    channels.map((c) => c.port1),
  );

  // Streamed pages by index, until both the downloader and the preparer have spoken of them.
  const slots = new Map<number, Slot>();
  const slotOf = (index: number) => slots.get(index) ?? slots.set(index, slot()).get(index)!;
  const done = (index: number, s: Slot) => s.dealt && s.answered && slots.delete(index);
  const answer = (index: number, page: StreamedPage) => {
    const s = slotOf(index);
    if (!s.answered) s.answer(page);
    s.answered = true;
    done(index, s);
  };
  let dealt = 0;
  const gone = new Set<number>();
  // In the order the downloader sent them: pages ready, or being prepared.
  const arrived: Array<Promise<StreamedPage>> = [];
  const waiting: Array<(page: Promise<StreamedPage>) => void> = [];
  const deliver = (page: Promise<StreamedPage>) => {
    const waiter = waiting.shift();
    if (waiter) waiter(page);
    else arrived.push(page);
  };

  downloader.on('message', (message: FromPullWorker) => {
    if (message.type === 'dealt') {
      const index = dealt++;
      const s = slotOf(index);
      s.dealt = true;
      deliver(s.page);
      if (gone.has(index % preparers.length)) answer(index, stopped('a preparing thread stopped'));
      done(index, s);
    } else if (message.type === 'page') deliver(Promise.resolve({ ok: true, page: message.page }));
    else deliver(Promise.resolve({ ok: false, failure: message.failure }));
  });
  downloader.on('error', (error) =>
    deliver(Promise.resolve(stopped(`the downloading thread failed: ${error.message}`))),
  );
  downloader.on('exit', () => deliver(Promise.resolve(stopped('the downloading thread stopped'))));
  preparers.forEach((worker, k) => {
    worker.on('message', (message: FromPrepareWorker) =>
      answer(
        message.index,
        message.type === 'page' ? { ok: true, page: message.page } : { ok: false, failure: message.failure },
      ),
    );
    const fail = (message: string) => {
      gone.add(k);
      for (const index of [...slots.keys()]) if (index % preparers.length === k) answer(index, stopped(message));
    };
    worker.on('error', (error) => fail(`a preparing thread failed: ${error.message}`));
    worker.on('exit', () => fail('a preparing thread stopped'));
  });

  return {
    next: () => arrived.shift() ?? new Promise<StreamedPage>((resolve) => waiting.push(resolve)),
    applied: () => downloader.postMessage({ type: 'credit' } satisfies ToPullWorker),
    close: async () => {
      await Promise.all([downloader, ...preparers].map((worker) => worker.terminate()));
    },
  };
}
