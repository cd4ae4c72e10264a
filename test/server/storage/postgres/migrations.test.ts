import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_VERSION, migrate } from '../../../../src/server/storage/migrations';
import { migratePostgres } from '../../../../src/server/storage/postgres/migrate';
import { createPool } from '../../../../src/server/storage/postgres/pool';
import { createTestDatabase, type TestDatabase } from '../../../support/postgres';

/** SQLite's counter row; PostgreSQL numbers changes with a sequence and a horizon instead. */
const SQLITE_ONLY = new Set(['sync_sequence']);

/** Tables and their columns (in name order: PostgreSQL adds a column at the end where SQLite rebuilds). */
type Shape = Record<string, string[]>;

function sqliteShape(version: number): Shape {
  const db = new Database(':memory:');
  migrate(db, { to: version });
  const tables = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>
  ).map((t) => t.name);
  return Object.fromEntries(
    tables
      .filter((t) => !SQLITE_ONLY.has(t))
      .map((t) => [
        t,
        (db.prepare(`PRAGMA table_info("${t}")`).all() as Array<{ name: string }>).map((c) => c.name).sort(),
      ]),
  );
}

describe('PostgreSQL migrations', () => {
  let database: TestDatabase;
  let pool: ReturnType<typeof createPool>;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = createPool({ url: database.url, size: 2 });
  });
  afterAll(async () => {
    await pool.end();
    await database.drop();
  });

  async function postgresShape(): Promise<Shape> {
    const { rows } = await pool.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'
       ORDER BY table_name COLLATE "C", column_name COLLATE "C"`,
    );
    const shape: Shape = {};
    for (const row of rows) (shape[row.table_name] ??= []).push(row.column_name);
    return shape;
  }

  it('build the same tables and columns as SQLite at every version, one step at a time', async () => {
    for (let version = 1; version <= LATEST_VERSION; version++) {
      expect(await migratePostgres(pool, { to: version })).toBe(version);
      expect(await postgresShape(), `after migration ${version}`).toEqual(sqliteShape(version));
    }
  });

  it('store money and times as bigint, flags as boolean and records as jsonb', async () => {
    const { rows } = await pool.query<{ column_name: string; data_type: string }>(
      `SELECT column_name, data_type FROM information_schema.columns
       WHERE table_name = 'orders' AND column_name IN ('payable', 'created_at', 'seq', 'locked', 'record')
       ORDER BY column_name`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.column_name, r.data_type]))).toEqual({
      created_at: 'bigint',
      locked: 'boolean',
      payable: 'bigint',
      record: 'jsonb',
      seq: 'bigint',
    });
  });

  it('migrate once when several nodes start together, and refuse a database from a newer build', async () => {
    const versions = await Promise.all([migratePostgres(pool), migratePostgres(pool)]);
    expect(versions).toEqual([LATEST_VERSION, LATEST_VERSION]);
    const { rows } = await pool.query<{ n: number }>('SELECT COUNT(*) AS n FROM schema_migrations');
    expect(rows[0]!.n).toBe(LATEST_VERSION);
    await pool.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 0)");
    await expect(migratePostgres(pool)).rejects.toThrow(/newer/);
    await pool.query('DELETE FROM schema_migrations WHERE version = 999');
  });
});
