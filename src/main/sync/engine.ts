import type { SyncStatus } from '../../shared/contract/api';
import { MAX_PUSH_BATCH, type PullResponse } from '../../shared/contract/sync';
import {
  beginBulkLoad,
  checkpointAfterBulkLoad,
  countOrders,
  finishBulkLoad,
  inBulkLoad,
  isEmptyStore,
} from '../db/bulk-load';
import type { Db } from '../db/connection';
import type { CodeSeal } from '../redemption/code-seal';
import type { SyncContext } from './local-effects';
import { applyPushAnswers } from './apply-answers';
import { applyBulkPage, applyPullPage } from './apply-pull';
import { openPageStream } from './page-stream';
import { outboxOf } from '../db/outbox';
import type { ServiceClient, ServiceFailure } from './service-client';
import { readSyncState, writeSyncState } from './sync-state';

export interface SyncEngineOptions {
  db: Db;
  client: ServiceClient;
  deviceId: string;
  /** As the timeline shows it, the same as the service writes: "warehouse:warehouse1". */
  actor: string;
  /** "DEV-0042" once the device is registered. */
  deviceLabel: () => string;
  seal: CodeSeal;
  now?: () => number;
  random?: () => number;
  /**
   * Orders per pulled page, each applied in one transaction on the writer thread: 200 for news (a
   * page is short, so a local write never waits long behind it), 2,500 for an empty store's first
   * sync, which loads in bulk (db/bulk-load.ts). Tests set it to count pages.
   */
  pageSize?: number;
  /**
   * A first sync of at least this many orders loads in bulk (default 10,000): below it, the
   * downloading thread and the index builds cost more than they save. Tests set it to 1.
   */
  bulkFrom?: number;
  /** How often to look for news when nothing prompts a sync. */
  intervalMs?: number;
  maxBackoffMs?: number;
  onStatus?: (status: SyncStatus) => void;
  onOrdersChanged?: (orderNos: string[], reason: 'pull' | 'push') => void;
  /** Observes a round's progress (crash tests); called synchronously, after each step committed. */
  onPhase?: (phase: SyncPhase) => void;
}

type Outcome = { ok: true } | { ok: false; failure: ServiceFailure };

/** Orders per pulled page for news, and for an empty store's first sync (see pageSize). */
const NEWS_PAGE = 200;
const BULK_PAGE = 2_500;
/** Pages a first sync's downloader may run ahead of the writer. */
const BULK_DEPTH = 2;
/** Orders from which a first sync loads in bulk (see bulkFrom). */
const BULK_FROM = 10_000;

/**
 * Points of a round that tests kill a desk at: a push batch is on its way (marked sending, answer
 * not read), its answers are committed, a pulled page is committed with its cursor.
 */
export type SyncPhase = 'push-sent' | 'push-answered' | 'page-applied';

/**
 * Converges the local store with the order service: push the outbox in device order, then pull
 * pages after the stored cursor. Offline is a normal state: a failed round is retried with
 * exponential backoff and jitter, and local work never waits for it.
 */
export class SyncEngine {
  private statusValue: SyncStatus;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private failures = 0;
  private stopped = true;
  /** Rounds begun so far: what a liveness probe compares, to know whether a round ran while it was out. */
  private roundsBegun = 0;
  private readonly now: () => number;
  private readonly random: () => number;

  constructor(private readonly options: SyncEngineOptions) {
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    const lastSyncAt = readSyncState(options.db, 'lastSyncAt');
    this.statusValue = {
      online: false,
      syncing: false,
      queued: outboxOf(options.db).countPending(),
      exceptions: outboxOf(options.db).countRejected(),
      lastSyncAt: lastSyncAt === null ? null : Number(lastSyncAt),
      lastError: null,
      needsSignIn: false,
      firstSync: null,
    };
  }

  get status(): SyncStatus {
    return this.statusValue;
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** A local change was queued: try to send it now rather than at the next interval. */
  kick(): void {
    this.refreshCounts();
    if (!this.stopped && !this.statusValue.needsSignIn) this.schedule(0);
  }

  /**
   * Runs a liveness probe between rounds and notes what it saw: a service gone quiet shows 离线 at
   * once; one that answers again gets a round at once rather than at the end of the backoff. A probe
   * that fails counts as not reachable.
   */
  async checkReachable(probe: () => Promise<boolean>): Promise<void> {
    // Stamped before the probe goes out, here rather than by callers: whether a probe's answer still
    // says anything depends on the rounds, which only the engine knows.
    const roundsBeforeProbe = this.roundsBegun;
    const reachable = await probe().catch(() => false);
    if (this.stopped || this.statusValue.syncing || this.statusValue.needsSignIn) return;
    // A round ran while the probe was out: the round's own calls said more, and more recently. A
    // service busy with a first sync may answer a probe late; that says nothing about it afterwards.
    if (roundsBeforeProbe !== this.roundsBegun) return;
    if (!reachable && this.statusValue.online) {
      this.update({ online: false, lastError: { code: 'OFFLINE', message: 'The order service does not answer' } });
    } else if (reachable && !this.statusValue.online) {
      this.kick();
    }
  }

  /** One full round now (joining one already under way), for a user's "sync now" and for tests. */
  async syncNow(): Promise<SyncStatus> {
    while (this.running) await this.running;
    const run = this.round().finally(() => {
      if (this.running === run) this.running = null;
    });
    this.running = run;
    await run;
    return this.statusValue;
  }

  /**
   * The service knows this device by a code it assigns once; pushes need it. Sign-in asks for it,
   * and a push asks again if that call failed (a blip, a 503), so queued work is never stuck.
   */
  async ensureRegistered(): Promise<Outcome> {
    const { db, client, deviceId } = this.options;
    if (readSyncState(db, 'deviceCode') !== null) return { ok: true };
    const registered = await client.registerDevice(deviceId);
    if (!registered.ok) return registered;
    writeSyncState(db, 'deviceCode', String(registered.value.deviceCode));
    return { ok: true };
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.syncNow();
    }, delayMs);
  }

  private async round(): Promise<void> {
    this.roundsBegun++;
    this.update({ syncing: true });
    // Pull even when the push fails: news from the service still arrives while this device's own
    // intents wait (they stay visible on top of it), and an offline service fails both quickly anyway.
    const outcome = await Promise.resolve()
      .then(async () => {
        const pushed = await this.pushAll();
        const pulled = await this.pullAll();
        return pushed.ok ? pulled : pushed;
      })
      .catch((error: unknown): Outcome => {
        console.error('[sync] round failed', error);
        return { ok: false, failure: { kind: 'BAD_RESPONSE', status: 0, message: String(error) } };
      });
    if (outcome.ok) {
      this.failures = 0;
      const now = this.now();
      writeSyncState(this.options.db, 'lastSyncAt', String(now));
      this.update({ syncing: false, online: true, lastSyncAt: now, lastError: null, needsSignIn: false });
      if (!this.stopped) this.schedule(this.options.intervalMs ?? 15_000);
      return;
    }
    const { failure } = outcome;
    const needsSignIn = failure.kind === 'REJECTED' && failure.status === 401;
    this.failures += 1;
    this.update({
      syncing: false,
      online: failure.kind !== 'OFFLINE' && failure.kind !== 'TIMEOUT',
      lastError: { code: failure.kind === 'REJECTED' ? failure.code : failure.kind, message: failure.message },
      needsSignIn,
    });
    // A refused sign-in will not heal by retrying; everything else is the network's and may.
    if (!this.stopped && !needsSignIn) this.schedule(this.backoffMs());
  }

  private backoffMs(): number {
    const ceiling = Math.min(this.options.maxBackoffMs ?? 60_000, 1_000 * 2 ** Math.min(this.failures - 1, 16));
    return Math.round(ceiling * (0.5 + this.random() / 2));
  }

  private async pushAll(): Promise<Outcome> {
    const { db, client, deviceId } = this.options;
    for (;;) {
      const batch = outboxOf(db).pending(MAX_PUSH_BATCH);
      if (batch.length === 0) return { ok: true };
      const registered = await this.ensureRegistered();
      if (!registered.ok) return registered;
      outboxOf(db).markSending(batch.map((i) => i.id));
      // A queued redemption's code is kept sealed; it is opened only on its way out.
      const pushing = client.push(
        deviceId,
        batch.map((intent) => this.options.seal.openIntent(intent)),
      );
      this.options.onPhase?.('push-sent');
      const pushed = await pushing;
      if (!pushed.ok) return pushed;
      const { answered, orderNos } = applyPushAnswers(db, batch, pushed.value.results, this.context());
      this.options.onPhase?.('push-answered');
      this.refreshCounts();
      if (orderNos.length) this.options.onOrdersChanged?.(orderNos, 'push');
      // An answer that leaves the batch unanswered would make this loop spin: treat it as garbage.
      if (answered === 0) {
        return {
          ok: false,
          failure: { kind: 'BAD_RESPONSE', status: 200, message: 'The service answered none of the intents sent' },
        };
      }
    }
  }

  /**
   * Pulls pages after the stored cursor until the service has no more. News comes a short page at a
   * time on this thread, the next page travelling while one is applied. An empty store's first sync
   * (or one a crash interrupted) loads in bulk: big pages, downloaded and prepared on a thread of
   * their own while this one writes (page-stream.ts), indexes built at the end (db/bulk-load.ts).
   */
  private async pullAll(): Promise<Outcome> {
    const { db, client, pageSize = NEWS_PAGE, bulkFrom = BULK_FROM } = this.options;
    let cursor = readSyncState(db, 'cursor');
    if (!inBulkLoad(db)) {
      if (cursor !== null || !isEmptyStore(db)) return this.pullNews(cursor);
      // A new store: its first page says how many orders there are. A small first sync is news like
      // any other (a bulk load's threads and index builds would cost it more than they save).
      const first = await client.pull(null, pageSize, true);
      if (!first.ok) return first;
      this.applyNews(first.value);
      if (!first.value.hasMore) return { ok: true };
      cursor = first.value.cursor;
      if ((first.value.remaining ?? 0) < bulkFrom) return this.pullNews(cursor);
      beginBulkLoad(db);
    }
    const pulled = await this.pullInBulk(cursor);
    if (!pulled.ok) return pulled;
    finishBulkLoad(db);
    checkpointAfterBulkLoad(db);
    // Its orders are listable only now that their indexes are built: one event for all of them.
    this.options.onOrdersChanged?.([], 'pull');
    return pulled;
  }

  private applyNews(page: PullResponse): void {
    const touched = applyPullPage(this.options.db, page, this.context());
    this.options.onPhase?.('page-applied');
    if (touched.length) this.options.onOrdersChanged?.(touched, 'pull');
  }

  private async pullNews(cursor: string | null): Promise<Outcome> {
    const { client, pageSize = NEWS_PAGE } = this.options;
    let next = client.pull(cursor, pageSize);
    for (;;) {
      const pulled = await next;
      if (!pulled.ok) return pulled;
      // The next page travels while this one is applied: the cursor it needs is already known, and a
      // page fetched but never applied (a crash, a failure) is simply fetched again from the stored cursor.
      if (pulled.value.hasMore) next = client.pull(pulled.value.cursor, pageSize);
      this.applyNews(pulled.value);
      if (!pulled.value.hasMore) return { ok: true };
      // Let other work (IPC calls, a local write) run between pages.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private async pullInBulk(cursor: string | null): Promise<Outcome> {
    const { db, client, pageSize = BULK_PAGE } = this.options;
    const stream = openPageStream({ ...client.connection(), cursor, pageSize, depth: BULK_DEPTH });
    // Progress as a user reads it: orders stored of how many, and the time left at the rate so far.
    const before = countOrders(db);
    const started = performance.now();
    let done = before;
    let total: number | null = null;
    this.update({ firstSync: { done, total, etaMs: null } });
    try {
      for (;;) {
        const next = await stream.next();
        if (!next.ok) return next;
        applyBulkPage(db, next.page, this.context());
        stream.applied();
        this.options.onPhase?.('page-applied');
        if (next.page.remaining !== null) total = done + next.page.remaining;
        done += next.page.orders.orderNos.length;
        const rate = (done - before) / (performance.now() - started);
        const etaMs = total === null || rate <= 0 ? null : Math.round(Math.max(0, total - done) / rate);
        this.update({ firstSync: { done, total: total === null ? null : Math.max(total, done), etaMs } });
        if (!next.page.hasMore) return { ok: true };
        // Let other work (IPC calls, a local write) run between pages.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      this.update({ firstSync: null });
      await stream.close();
    }
  }

  private context(): SyncContext {
    return { actor: this.options.actor, device: this.options.deviceLabel(), now: this.now(), seal: this.options.seal };
  }

  private refreshCounts(): void {
    const outbox = outboxOf(this.options.db);
    this.update({ queued: outbox.countPending(), exceptions: outbox.countRejected() });
  }

  private update(patch: Partial<SyncStatus>): void {
    this.statusValue = { ...this.statusValue, ...patch };
    this.options.onStatus?.(this.statusValue);
  }
}
