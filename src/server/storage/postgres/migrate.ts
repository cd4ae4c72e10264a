import type pg from 'pg';
import { LATEST_VERSION, MIGRATIONS } from '../migrations';

/** The two-int advisory lock key of schema changes: several nodes starting at once migrate once. */
const MIGRATION_LOCK = [4610, 2] as const;

/**
 * Brings a PostgreSQL database up to `to` (default: the latest), each migration in its own
 * transaction with its schema_migrations row, exactly as the SQLite runner does. Nodes that start
 * together queue on an advisory lock; the ones after the first find nothing left to do.
 */
export async function migratePostgres(pool: pg.Pool, { to = LATEST_VERSION }: { to?: number } = {}): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1, $2)', [...MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    integer PRIMARY KEY,
      name       text NOT NULL,
      applied_at bigint NOT NULL
    )`);
    const current = await versionOf(client);
    if (current > LATEST_VERSION) {
      throw new Error(`database schema version ${current} is newer than this service (${LATEST_VERSION})`);
    }
    for (const m of MIGRATIONS) {
      if (m.version <= current || m.version > to) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.postgres);
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
          m.version,
          m.name,
          Date.now(),
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${m.name} failed on PostgreSQL: ${(error as Error).message}`, { cause: error });
      }
    }
    return await versionOf(client);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1, $2)', [...MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}

async function versionOf(client: pg.PoolClient): Promise<number> {
  const { rows } = await client.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations');
  return rows[0]?.v ?? 0;
}
