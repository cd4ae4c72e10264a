import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openDatabase } from './db';
import { migratePostgres } from './postgres/migrate';
import { createPool } from './postgres/pool';
import { PostgresStore } from './postgres/store';
import type { Store } from './repositories';
import { SqliteStore } from './sqlite/store';

export const DEFAULT_DATA_DIR = '.data/server';
export const DEFAULT_POOL_SIZE = 10;

export interface StoreLocation {
  /** A postgres:// URL: the store is that PostgreSQL database (any number of nodes may share it). */
  database?: string;
  /** PostgreSQL connections this process keeps at most (default 10; at least 2: a job lock holds one). */
  poolSize?: number;
  /** The SQLite file; default `<dataDir>/orders.sqlite`. */
  dbFile?: string;
  dataDir?: string;
}

export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//.test(url);

/** Opens (creating and migrating when new) the store the service and its commands work on. */
export async function openStore(location: StoreLocation): Promise<Store> {
  if (location.database !== undefined) {
    if (!isPostgresUrl(location.database)) {
      throw new Error(`the database must be a postgres:// or postgresql:// URL, got ${location.database}`);
    }
    const size = location.poolSize ?? DEFAULT_POOL_SIZE;
    if (!Number.isSafeInteger(size) || size < 2) throw new Error(`the pool size must be at least 2, got ${size}`);
    const pool = createPool({ url: location.database, size });
    try {
      await migratePostgres(pool);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresStore(pool);
  }
  const file = location.dbFile ?? join(location.dataDir ?? DEFAULT_DATA_DIR, 'orders.sqlite');
  mkdirSync(dirname(file), { recursive: true });
  return new SqliteStore(openDatabase(file));
}
