import type { DeviceSyncRepo, LoginAttemptsRepo } from '../repositories';
import type { Prepare } from './statements';

/** Sign-in attempts (migration 012). Every statement is served by an index on (key, at) or (at). */
export const loginAttemptsRepo = (sql: Prepare): LoginAttemptsRepo => ({
  async counts(userKey, accountSince, address, addressSince) {
    const account = sql(
      'SELECT at, state FROM login_attempts WHERE user_key = ? AND at > ? ORDER BY at LIMIT 1000',
    ).all(userKey, accountSince) as Array<{ at: number; state: string }>;
    const fromAddress = sql(
      "SELECT COUNT(*) AS n FROM login_attempts WHERE address = ? AND at > ? AND state IN ('checking', 'failed')",
    ).get(address, addressSince) as { n: number };
    return {
      accountTimes: account.map((a) => a.at),
      inFlight: account.filter((a) => a.state === 'checking').length,
      address: fromAddress.n,
    };
  },
  async insert(userKey, address, at, state) {
    return Number(
      sql('INSERT INTO login_attempts (user_key, address, at, state) VALUES (?, ?, ?, ?)').run(
        userKey,
        address,
        at,
        state,
      ).lastInsertRowid,
    );
  },
  async fail(id) {
    sql("UPDATE login_attempts SET state = 'failed' WHERE id = ?").run(id);
  },
  async forgive(userKey, id) {
    sql("DELETE FROM login_attempts WHERE user_key = ? AND (id = ? OR state <> 'checking')").run(userKey, id);
  },
  async purge(before) {
    return sql('DELETE FROM login_attempts WHERE at <= ?').run(before).changes;
  },
});

/** When each device last synced (migration 013). */
export const deviceSyncRepo = (sql: Prepare): DeviceSyncRepo => ({
  async record(deviceId, at, clockOffset) {
    return (
      sql(
        `INSERT INTO device_sync (device_id, at, clock_offset) SELECT device_id, ?, ? FROM devices WHERE device_id = ?
         ON CONFLICT (device_id) DO UPDATE SET at = excluded.at, clock_offset = excluded.clock_offset`,
      ).run(at, clockOffset, deviceId).changes > 0
    );
  },
  async last(deviceId) {
    return (
      (sql(
        `SELECT COALESCE(s.at, d.registered_at) AS at, COALESCE(s.clock_offset, 0) AS clockOffset
         FROM devices d LEFT JOIN device_sync s ON s.device_id = d.device_id WHERE d.device_id = ?`,
      ).get(deviceId) as { at: number; clockOffset: number } | undefined) ?? null
    );
  },
});
