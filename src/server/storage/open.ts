import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { openDatabase } from './db';
import { migratePostgres } from './postgres/migrate';
import { createPool } from './postgres/pool';
import { PostgresStore } from './postgres/store';
import type { Store } from './repositories';
import { SqliteStore } from './sqlite/store';

export interface StorageOptions {
  /** postgres://… to run on PostgreSQL; otherwise the SQLite file. */
  database?: string;
  sqliteFile: string;
  /** PostgreSQL connections this node keeps at most (default 10; at least 2: a job lock holds one). */
  poolSize?: number;
}

export const DEFAULT_POOL_SIZE = 10;

export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//.test(url);

/** Opens the service's store and brings its schema up to date. */
export async function openStore(options: StorageOptions): Promise<Store> {
  if (options.database !== undefined) {
    if (!isPostgresUrl(options.database)) {
      throw new Error(`--database must be a postgres:// or postgresql:// URL, got ${options.database}`);
    }
    const size = options.poolSize ?? DEFAULT_POOL_SIZE;
    if (!Number.isSafeInteger(size) || size < 2) throw new Error(`the pool size must be at least 2, got ${size}`);
    const pool = createPool({ url: options.database, size });
    try {
      await migratePostgres(pool);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresStore(pool);
  }
  mkdirSync(dirname(options.sqliteFile), { recursive: true });
  return new SqliteStore(openDatabase(options.sqliteFile));
}
