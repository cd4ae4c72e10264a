import { sql } from 'kysely';
import type { OutboundEventType } from '../../outbound/events';
import type { Sql } from '../dialect';
import type { OutboundRepo, OutboundRow, OutboundState } from '../repositories';

const COLUMNS = sql`id, event_id AS "eventId", shop_id AS "shopId", order_no AS "orderNo",
  external_order_no AS "externalOrderNo", type, body, created_at AS "createdAt", state, attempts,
  next_attempt_at AS "nextAttemptAt", last_error AS "lastError", delivered_at AS "deliveredAt", dead_at AS "deadAt"`;

type RawRow = Omit<OutboundRow, 'type' | 'state'> & { type: string; state: string };
const toRow = (raw: RawRow): OutboundRow => ({
  ...raw,
  type: raw.type as OutboundEventType,
  state: raw.state as OutboundState,
});

export const outboundRepo = (db: Sql): OutboundRepo => ({
  async insert(row) {
    const inserted = await db.first(
      sql<{ id: number }>`INSERT INTO outbound_events (event_id, shop_id, order_no, external_order_no, type, body,
          created_at, state, attempts, next_attempt_at)
        VALUES (${row.eventId}, ${row.shopId}, ${row.orderNo}, ${row.externalOrderNo}, ${row.type}, ${row.body},
          ${row.createdAt}, 'pending', 0, ${row.createdAt})
        RETURNING id`,
    );
    return inserted!.id;
  },
  async get(id) {
    const raw = await db.first(sql<RawRow>`SELECT ${COLUMNS} FROM outbound_events WHERE id = ${id}`);
    return raw ? toRow(raw) : null;
  },
  async due(now, limit) {
    // An order's events go out in the order they were made: one waits while an earlier one of the
    // same order is still pending (a refund must not overtake its shipment). On PostgreSQL the rows
    // are locked until the claiming unit ends and another node's round skips them (SKIP LOCKED):
    // two nodes take two batches at once instead of one waiting for the other's batch and then
    // finding it claimed. claim()'s attempts check stays the guard either way.
    const skipTaken = db.dialect === 'postgres' ? sql`FOR UPDATE OF e SKIP LOCKED` : sql``;
    const rows = await db.all(
      sql<RawRow>`SELECT ${COLUMNS} FROM outbound_events e
        WHERE state = 'pending' AND next_attempt_at <= ${now}
          AND NOT EXISTS (SELECT 1 FROM outbound_events p
                          WHERE p.order_no = e.order_no AND p.id < e.id AND p.state = 'pending')
        ORDER BY next_attempt_at, id LIMIT ${limit} ${skipTaken}`,
    );
    return rows.map(toRow);
  },
  async claim(id, attempts, leaseUntil) {
    const changed = await db.run(
      sql`UPDATE outbound_events SET attempts = attempts + 1, next_attempt_at = ${leaseUntil}
        WHERE id = ${id} AND state = 'pending' AND attempts = ${attempts}`,
    );
    return changed === 1;
  },
  async delivered(id, at) {
    await db.run(
      sql`UPDATE outbound_events SET state = 'delivered', delivered_at = ${at}, last_error = NULL WHERE id = ${id}`,
    );
  },
  async retry(id, nextAttemptAt, error) {
    await db.run(
      sql`UPDATE outbound_events SET next_attempt_at = ${nextAttemptAt}, last_error = ${error}
        WHERE id = ${id} AND state = 'pending'`,
    );
  },
  async dead(id, at, error) {
    await db.run(
      sql`UPDATE outbound_events SET state = 'dead', dead_at = ${at}, last_error = ${error} WHERE id = ${id}`,
    );
  },
  async replay(id, now) {
    const changed = await db.run(
      sql`UPDATE outbound_events SET state = 'pending', attempts = 0, next_attempt_at = ${now}, dead_at = NULL
        WHERE id = ${id} AND state = 'dead'`,
    );
    return changed === 1;
  },
  async list({ state, shopId, beforeId, limit }) {
    const filters = [
      state === null ? null : sql`state = ${state}`,
      shopId === null ? null : sql`shop_id = ${shopId}`,
      beforeId === null ? null : sql`id < ${beforeId}`,
    ].filter((f) => f !== null);
    const where = filters.length === 0 ? sql`` : sql`WHERE ${sql.join(filters, sql` AND `)}`;
    const rows = await db.all(
      sql<RawRow>`SELECT ${COLUMNS} FROM outbound_events ${where} ORDER BY id DESC LIMIT ${limit}`,
    );
    return rows.map(toRow);
  },
  async counts() {
    const rows = await db.all(
      sql<{
        state: OutboundState;
        n: number | string;
      }>`SELECT state, COUNT(*) AS n FROM outbound_events GROUP BY state`,
    );
    return { pending: 0, delivered: 0, dead: 0, ...Object.fromEntries(rows.map((r) => [r.state, Number(r.n)])) };
  },
});
