import { sql } from 'kysely';
import type { Sql } from '../dialect';
import type { DeviceSyncRepo, LoginAttemptsRepo } from '../repositories';

/**
 * Sign-in attempts (migration 016). Counting and recording one attempt must see no other attempt at
 * the same account in between: SQLite runs units one at a time; on PostgreSQL the unit takes a
 * per-account advisory lock (4613) first, held until it ends, so two nodes queue on it.
 */
export const loginAttemptsRepo = (db: Sql): LoginAttemptsRepo => ({
  async counts(userKey, accountSince, address, addressSince) {
    if (db.dialect === 'postgres') await db.run(sql`SELECT pg_advisory_xact_lock(4613, hashtext(${userKey}))`);
    const account = await db.all(
      sql<{ at: number; state: string }>`SELECT at, state FROM login_attempts
        WHERE user_key = ${userKey} AND at > ${accountSince} ORDER BY at LIMIT 1000`,
    );
    const fromAddress = await db.first(
      sql<{ n: number }>`SELECT COUNT(*) AS n FROM login_attempts
        WHERE address = ${address} AND at > ${addressSince} AND state IN ('checking', 'failed')`,
    );
    return {
      accountTimes: account.map((a) => Number(a.at)),
      inFlight: account.filter((a) => a.state === 'checking').length,
      address: Number(fromAddress?.n ?? 0),
    };
  },
  async insert(userKey, address, at, state) {
    const row = await db.first(
      sql<{ id: number }>`INSERT INTO login_attempts (user_key, address, at, state)
        VALUES (${userKey}, ${address}, ${at}, ${state}) RETURNING id`,
    );
    return Number(row!.id);
  },
  async fail(id) {
    await db.run(sql`UPDATE login_attempts SET state = 'failed' WHERE id = ${id}`);
  },
  async forgive(userKey, id) {
    await db.run(sql`DELETE FROM login_attempts WHERE user_key = ${userKey} AND (id = ${id} OR state <> 'checking')`);
  },
  async purge(before) {
    return db.run(sql`DELETE FROM login_attempts WHERE at <= ${before}`);
  },
});

/** When each device last synced (migration 017). */
export const deviceSyncRepo = (db: Sql): DeviceSyncRepo => ({
  async record(deviceId, at, clockOffset) {
    const changed = await db.run(
      sql`INSERT INTO device_sync (device_id, at, clock_offset)
        SELECT device_id, ${at}, ${clockOffset} FROM devices WHERE device_id = ${deviceId}
        ON CONFLICT (device_id) DO UPDATE SET at = excluded.at, clock_offset = excluded.clock_offset`,
    );
    return changed > 0;
  },
  async last(deviceId) {
    const row = await db.first(
      sql<{ at: number; clockOffset: number }>`SELECT COALESCE(s.at, d.registered_at) AS at,
          COALESCE(s.clock_offset, 0) AS "clockOffset"
        FROM devices d LEFT JOIN device_sync s ON s.device_id = d.device_id WHERE d.device_id = ${deviceId}`,
    );
    return row ? { at: Number(row.at), clockOffset: Number(row.clockOffset) } : null;
  },
});
