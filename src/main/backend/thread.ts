import type { Worker } from 'node:worker_threads';
import { fail, type Result } from '../../shared/contract/result';
import type { WorkspaceRef } from '../workspace';
import type { FromWorker, ToWorker } from './protocol';
import { spawnWorker } from './spawn';

export type ThreadKind = 'writer' | 'reader';

const gone = (kind: ThreadKind): Result<never> =>
  fail('INTERNAL', `The desk's ${kind} thread stopped; the action may not have been applied`);

/** One backend thread as main's thread sees it: calls answered by id, everything else handed on. */
export class BackendThread {
  private readonly worker: Worker;
  private ids = 0;
  private readonly pending = new Map<number, (result: Result<unknown>) => void>();
  private closing: Promise<void> | null = null;
  /** It answered at least once: it started, so a later stop is a crash worth a restart. */
  private started = false;
  private stopped = false;
  readonly exited: Promise<number>;

  constructor(
    readonly kind: ThreadKind,
    workerData: unknown,
    onMessage: (message: FromWorker, thread: BackendThread) => void,
  ) {
    // The writer turns pages of thousands of orders into rows: room for them to die young (page-stream.ts).
    const limits = kind === 'writer' ? { maxYoungGenerationSizeMb: 64 } : undefined;
    this.worker = spawnWorker(new URL(`./${kind}-worker.ts`, import.meta.url), workerData, limits);
    this.worker.on('message', (message: FromWorker) => {
      this.started = true;
      if (message.type === 'answer') {
        const resolve = this.pending.get(message.id);
        this.pending.delete(message.id);
        resolve?.(message.result);
      } else onMessage(message, this);
    });
    this.worker.on('error', (error) => console.error(`[desk ${kind} thread]`, error));
    this.exited = new Promise((resolve) =>
      this.worker.once('exit', (code) => {
        this.stopped = true;
        for (const answer of this.pending.values()) answer(gone(kind));
        this.pending.clear();
        resolve(code);
      }),
    );
  }

  /** Calls waiting for their answer: the least busy reader gets the next read. */
  get busy(): number {
    return this.pending.size;
  }

  /** It stopped after it had started: not a broken install, so starting another is worth it. */
  get crashed(): boolean {
    return this.stopped && this.started && !this.closing;
  }

  call(procedure: unknown, input: unknown, workspace?: WorkspaceRef): Promise<Result<unknown>> {
    if (this.closing || this.stopped) return Promise.resolve(gone(this.kind));
    return new Promise((resolve) => {
      const id = ++this.ids;
      this.pending.set(id, resolve);
      this.post({ type: 'call', id, procedure, input, ...(workspace ? { workspace } : {}) });
    });
  }

  post(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  /** Asks the thread to close its store (the writer stops its sync first), then ends it. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      const closed = new Promise<void>((resolve) =>
        this.worker.on('message', (message: FromWorker) => {
          if (message.type === 'closed') resolve();
        }),
      );
      this.post({ type: 'close' });
      await Promise.race([closed, this.exited]);
      await this.worker.terminate();
    })();
    return this.closing;
  }
}
