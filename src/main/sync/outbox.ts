import { randomUUID } from 'node:crypto';
import type { Intent, IntentPayload, IntentType } from '../../shared/contract/sync';
import type { Db } from '../db/connection';

/**
 * The device's queue of intents for the order service. An intent is written in the same
 * transaction as its local effect (see `record`), so the two exist together or not at all, and
 * the store's synchronous=FULL makes the commit durable before the user is told it happened.
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

const SELECT_ROW = `SELECT id, seq, type, payload, client_time AS clientTime, order_no AS orderNo, state, attempts,
  last_error_code AS lastErrorCode, last_error_message AS lastErrorMessage, created_at AS createdAt,
  answered_at AS answeredAt, answer FROM outbox`;

export function enqueueIntent<T extends IntentType>(
  db: Db,
  type: T,
  payload: IntentPayload<T>,
  { orderNo, now, id = randomUUID() }: { orderNo: string | null; now: number; id?: string },
): Intent {
  const { seq } = db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM outbox').get() as { seq: number };
  db.prepare(
    `INSERT INTO outbox (id, seq, type, payload, client_time, order_no, state, created_at)
     VALUES (?, ?, ?, ?, ?, ?, 'queued', ?)`,
  ).run(id, seq, type, JSON.stringify(payload), now, orderNo, now);
  return { id, seq, type, payload, clientTime: now } as Intent;
}

/** Unanswered intents in device order; 'sending' ones are re-sent after a crash (the service dedupes). */
export function pendingIntents(db: Db, limit: number): Intent[] {
  const rows = db
    .prepare(`${SELECT_ROW} WHERE state IN ('queued', 'sending') ORDER BY seq LIMIT ?`)
    .all(limit) as OutboxRow[];
  return rows.map(
    (r) => ({ id: r.id, seq: r.seq, type: r.type, payload: JSON.parse(r.payload), clientTime: r.clientTime }) as Intent,
  );
}

export function markSending(db: Db, ids: readonly string[]): void {
  const mark = db.prepare(
    "UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE id = ? AND state IN ('queued', 'sending')",
  );
  db.transaction(() => ids.forEach((id) => mark.run(id)))();
}

export function countPending(db: Db): number {
  return (db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE state IN ('queued', 'sending')").get() as { n: number }).n;
}

export function countRejected(db: Db): number {
  return (db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE state = 'rejected'").get() as { n: number }).n;
}

export function rejectedIntents(db: Db): OutboxRow[] {
  return db.prepare(`${SELECT_ROW} WHERE state = 'rejected' ORDER BY seq`).all() as OutboxRow[];
}

export function pendingIntentsForOrder(db: Db, orderNo: string): Intent[] {
  const rows = db
    .prepare(`${SELECT_ROW} WHERE order_no = ? AND state IN ('queued', 'sending') ORDER BY seq`)
    .all(orderNo) as OutboxRow[];
  return rows.map(
    (r) => ({ id: r.id, seq: r.seq, type: r.type, payload: JSON.parse(r.payload), clientTime: r.clientTime }) as Intent,
  );
}

/** How long answered intents stay as the device's own trail before they are deleted. */
export const OUTBOX_RETENTION_MS = 30 * 24 * 3_600_000;

/**
 * Deletes intents the service answered (applied, duplicate, or rejected and then dismissed) longer
 * ago than the retention period. The newest row always stays: the next intent's sequence number
 * follows it, and a device's sequence must never go back.
 */
export function pruneAnsweredIntents(db: Db, now: number, retentionMs = OUTBOX_RETENTION_MS): number {
  return db
    .prepare(
      `DELETE FROM outbox WHERE state IN ('applied', 'duplicate', 'dismissed') AND answered_at < ?
       AND seq < (SELECT MAX(seq) FROM outbox)`,
    )
    .run(now - retentionMs).changes;
}
