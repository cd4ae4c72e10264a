import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import type { Store, Tx } from '../repositories';
import { makeTx } from '../repos/tx';
import { PostgresSql } from './executor';

/** Deadlock and serialization failure: the unit lost a race and may simply run again. */
const RETRYABLE = new Set(['40P01', '40001']);
const MAX_RUNS = 8;

const sqlState = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;

/** The two-int advisory key of a named job; the first int is the service's, as in migration 001. */
const JOB_LOCK = 'SELECT pg_try_advisory_lock(4610, hashtext($1)) AS got';
const JOB_UNLOCK = 'SELECT pg_advisory_unlock(4610, hashtext($1))';

/**
 * The PostgreSQL store: each unit is a READ COMMITTED transaction on a pooled connection, so units
 * of this node and of every other node run at once. What the SQLite store got from running units
 * one at a time, the repositories get here from the database: guarded UPDATEs and upserts, row
 * locks where a unit reads what it then changes, and the change-number horizon of migration 001.
 * A unit that loses a deadlock is rolled back and run again.
 */
export class PostgresStore implements Store {
  readonly dialect = 'postgres' as const;
  private closed = false;

  constructor(private readonly pool: pg.Pool) {}

  async unit<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    for (let run = 1; ; run++) {
      if (this.closed) throw new Error('the store is closed');
      const client = await this.pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const value = await work(makeTx(new PostgresSql(client)));
        await client.query('COMMIT');
        return value;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => (broken = true));
        // A database error may leave a session-level lock behind (take_change_seq's gate is held
        // between two statements): a fresh connection is cheaper than a gate nobody releases.
        if (sqlState(error) !== undefined) broken = true;
        if (!RETRYABLE.has(sqlState(error) ?? '') || run >= MAX_RUNS) throw error;
      } finally {
        client.release(broken);
      }
      await sleep(Math.random() * 10 * run);
    }
  }

  async exclusive<T>(name: string, work: () => Promise<T>): Promise<T | null> {
    const client = await this.pool.connect();
    let broken = false;
    try {
      const { rows } = await client.query<{ got: boolean }>(JOB_LOCK, [name]);
      if (!rows[0]?.got) return null;
      try {
        return await work();
      } finally {
        await client.query(JOB_UNLOCK, [name]).catch(() => (broken = true));
      }
    } finally {
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.pool.end();
  }
}
