import { randomUUID } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { Intent, IntentPayload, IntentResult, IntentType } from '../../shared/contract/sync';
import type { Db } from './connection';
import { PENDING_OUTBOX_STATES } from './outbox-states';
import { oneOf } from './sql';

/**
 * The device's queue of intents for the order service, and the one place that reads or writes it
 * (every outbox statement is here). An intent is written in the same transaction as its local
 * effect (see orders/act-locally.ts), so the two exist together or not at all, and the store's
 * synchronous=FULL makes the commit durable before the user is told it happened. Rows stay after
 * the answer: a rejected intent waits in the exceptions inbox, the others are the device's own
 * record of what it did.
 */
export interface OutboxRow {
  id: string;
  seq: number;
  type: IntentType;
  payload: string;
  clientTime: number;
  orderNo: string | null;
  state: string;
  attempts: number;
  lastErrorCode: string | null;
  lastErrorMessage: string | null;
  createdAt: number;
  answeredAt: number | null;
  answer: string | null;
}

/** An intent's answer as the outbox keeps it. */
export interface Outcome {
  state: string;
  code: string | null;
  answer: string | null;
}

/**
 * Local intents on an order `o` that the service has not answered yet, for list and detail
 * queries. Written exactly as the partial index outbox_pending_by_order is declared, so SQLite uses it.
 */
export const PENDING_SYNC_SQL = `(SELECT count(*) FROM outbox x WHERE x.order_no = o.order_no AND ${oneOf(
  'x.state',
  PENDING_OUTBOX_STATES,
)})`;

/** How long answered intents stay as the device's own trail before they are deleted. */
export const OUTBOX_RETENTION_MS = 30 * 24 * 3_600_000;

const PENDING = `state IN ('queued', 'sending')`;
const SELECT_ROW = `SELECT id, seq, type, payload, client_time AS clientTime, order_no AS orderNo, state, attempts,
  last_error_code AS lastErrorCode, last_error_message AS lastErrorMessage, created_at AS createdAt,
  answered_at AS answeredAt, answer FROM outbox`;

const asIntent = (r: OutboxRow): Intent =>
  ({ id: r.id, seq: r.seq, type: r.type, payload: JSON.parse(r.payload), clientTime: r.clientTime }) as Intent;

export class OutboxRepo {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Db) {}

  private sql(text: string): Statement {
    let statement = this.statements.get(text);
    if (!statement) this.statements.set(text, (statement = this.db.prepare(text)));
    return statement;
  }

  /** A new intent, next in the device's order, waiting to be sent (its id given when it must be known before). */
  enqueue<T extends IntentType>(
    type: T,
    payload: IntentPayload<T>,
    { orderNo, now, id = randomUUID() }: { orderNo: string | null; now: number; id?: string },
  ): Intent {
    const seq = this.sql('SELECT COALESCE(MAX(seq), 0) + 1 FROM outbox').pluck().get() as number;
    this.sql(
      `INSERT INTO outbox (id, seq, type, payload, client_time, order_no, state, created_at)
       VALUES (?, ?, ?, ?, ?, ?, 'queued', ?)`,
    ).run(id, seq, type, JSON.stringify(payload), now, orderNo, now);
    return { id, seq, type, payload, clientTime: now } as Intent;
  }

  /** Unanswered intents in device order; 'sending' ones are sent again after a crash (the service dedupes). */
  pending(limit: number): Intent[] {
    return (this.sql(`${SELECT_ROW} WHERE ${PENDING} ORDER BY seq LIMIT ?`).all(limit) as OutboxRow[]).map(asIntent);
  }

  pendingForOrder(orderNo: string): Intent[] {
    return (this.sql(`${SELECT_ROW} WHERE order_no = ? AND ${PENDING} ORDER BY seq`).all(orderNo) as OutboxRow[]).map(
      asIntent,
    );
  }

  ordersWithPending(): Set<string> {
    return new Set(
      this.sql(`SELECT DISTINCT order_no FROM outbox WHERE ${PENDING} AND order_no IS NOT NULL`)
        .pluck()
        .all() as string[],
    );
  }

  markSending(ids: readonly string[]): void {
    const mark = this.sql(`UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE id = ? AND ${PENDING}`);
    this.db.transaction(() => ids.forEach((id) => mark.run(id)))();
  }

  countPending(): number {
    return this.sql(`SELECT COUNT(*) FROM outbox WHERE ${PENDING}`).pluck().get() as number;
  }

  countRejected(): number {
    return this.sql("SELECT COUNT(*) FROM outbox WHERE state = 'rejected'").pluck().get() as number;
  }

  isEmpty(): boolean {
    return this.sql('SELECT NOT EXISTS (SELECT 1 FROM outbox)').pluck().get() === 1;
  }

  rejected(): OutboxRow[] {
    return this.sql(`${SELECT_ROW} WHERE state = 'rejected' ORDER BY seq`).all() as OutboxRow[];
  }

  rejectedOfType(id: string, type: IntentType): OutboxRow | undefined {
    return this.sql(`${SELECT_ROW} WHERE id = ? AND type = ? AND state = 'rejected'`).get(id, type) as
      OutboxRow | undefined;
  }

  /**
   * The service's answer to a sent intent, `kept` (its whole answer, for the exceptions inbox) when
   * rejected; false when it was answered before (a repeated answer).
   */
  answer(result: IntentResult, kept: string | null, at: number): boolean {
    return (
      this.sql(
        `UPDATE outbox SET state = ?, last_error_code = ?, last_error_message = ?, answer = ?, answered_at = ?
         WHERE id = ? AND ${PENDING}`,
      ).run(result.status, result.code ?? null, result.message ?? null, kept, at, result.id).changes > 0
    );
  }

  /** A redemption's typed code (kept sealed until sent) has no use left once the service has it. */
  forgetRedeemCode(id: string): void {
    this.sql(`UPDATE outbox SET payload = json_set(payload, '$.code', '') WHERE id = ? AND type = 'REDEEM'`).run(id);
  }

  orderOf(id: string): string | null {
    return (this.sql('SELECT order_no FROM outbox WHERE id = ?').pluck().get(id) as string | null | undefined) ?? null;
  }

  /** A person's decision on a rejected intent (or its replacement's); false when there is none. */
  dismiss(id: string, reason: string): boolean {
    return (
      this.sql("UPDATE outbox SET state = 'dismissed', dismiss_reason = ? WHERE id = ? AND state = 'rejected'").run(
        reason,
        id,
      ).changes > 0
    );
  }

  outcome(id: string): Outcome | undefined {
    return this.sql('SELECT state, last_error_code AS code, answer FROM outbox WHERE id = ?').get(id) as
      Outcome | undefined;
  }

  /** An intent of a type, as answered so far, with what it asked. */
  outcomeOfType(id: string, type: IntentType): (Outcome & { payload: string }) | undefined {
    return this.sql('SELECT state, last_error_code AS code, answer, payload FROM outbox WHERE id = ? AND type = ?').get(
      id,
      type,
    ) as (Outcome & { payload: string }) | undefined;
  }

  /** The latest intent of a type on an order, as answered so far. */
  latestOutcome(orderNo: string, type: IntentType): Outcome | undefined {
    return this.sql(
      `SELECT state, last_error_code AS code, answer FROM outbox WHERE order_no = ? AND type = ? ORDER BY seq DESC LIMIT 1`,
    ).get(orderNo, type) as Outcome | undefined;
  }

  /** What this desk queued of a type since a time (a shift's work): order number and payload. */
  queuedSince(type: IntentType, since: number): Array<{ orderNo: string; payload: string }> {
    return this.sql(`SELECT order_no AS orderNo, payload FROM outbox WHERE type = ? AND created_at >= ?`).all(
      type,
      since,
    ) as Array<{ orderNo: string; payload: string }>;
  }

  /** Redemptions this desk has asked to undo (sent or not, unless dismissed). */
  undoneRedemptions(): Set<string> {
    return new Set(
      this.sql(
        `SELECT json_extract(payload, '$.redemptionId') FROM outbox
         WHERE type = 'UNDO_REDEMPTION' AND state <> 'dismissed'`,
      )
        .pluck()
        .all() as string[],
    );
  }

  /**
   * Deletes intents the service answered (applied, duplicate, or rejected and then dismissed) longer
   * ago than the retention period. The newest row always stays: the next intent's sequence number
   * follows it, and a device's sequence must never go back.
   */
  pruneAnswered(now: number, retentionMs = OUTBOX_RETENTION_MS): number {
    return this.sql(
      `DELETE FROM outbox WHERE state IN ('applied', 'duplicate', 'dismissed') AND answered_at < ?
       AND seq < (SELECT MAX(seq) FROM outbox)`,
    ).run(now - retentionMs).changes;
  }

  /** Dealer orders refused for good (rejected or dismissed), and never made again under their number. */
  refusedDealerOrders(): string[] {
    return this.sql(
      `SELECT order_no FROM outbox x WHERE type = 'CREATE_DEALER_ORDER' AND state IN ('rejected', 'dismissed')
       AND order_no IS NOT NULL AND NOT EXISTS (SELECT 1 FROM outbox y WHERE y.order_no = x.order_no
       AND y.state IN ('queued', 'sending', 'applied', 'duplicate'))`,
    )
      .pluck()
      .all() as string[];
  }
}

const repos = new WeakMap<Db, OutboxRepo>();

/** The store's outbox (one repository per connection, its statements prepared once). */
export function outboxOf(db: Db): OutboxRepo {
  let repo = repos.get(db);
  if (!repo) repos.set(db, (repo = new OutboxRepo(db)));
  return repo;
}
