import type { LoginAttemptsRepo } from '../repositories';
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
