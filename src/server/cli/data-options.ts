import { DEFAULT_DATA_DIR, DEFAULT_POOL_SIZE, openStore, type StoreLocation } from '../storage/open';
import type { Store } from '../storage/repositories';
import { integerOption } from './command';

/**
 * Where every command finds the service's data: one option table shared by all of them, so a new
 * way to reach the store is added here once and every command accepts it. A flag wins over its
 * environment variable (configuration by environment: a container, a unit file).
 */
export const DATA_OPTIONS = {
  data: { type: 'string' },
  database: { type: 'string' },
  'pool-size': { type: 'string' },
} as const;

export const DATA_USAGE = `  --database <url>  PostgreSQL, e.g. postgres://user:pass@host:5432/orders     env DATABASE_URL
                    (any number of service nodes may share it); SQLite otherwise
  --pool-size <n>   PostgreSQL connections per process (default ${DEFAULT_POOL_SIZE})      env DATABASE_POOL_SIZE
  --data <dir>      SQLite data directory (default ${DEFAULT_DATA_DIR})      env DATA_DIR`;

export interface DataValues {
  data?: string;
  database?: string;
  'pool-size'?: string;
}

export function storeLocation(values: DataValues, env: NodeJS.ProcessEnv = process.env): StoreLocation {
  const database = values.database ?? (env.DATABASE_URL || undefined);
  return {
    dataDir: values.data ?? env.DATA_DIR ?? DEFAULT_DATA_DIR,
    ...(database
      ? {
          database,
          poolSize: integerOption(values['pool-size'] ?? env.DATABASE_POOL_SIZE, 'pool-size', DEFAULT_POOL_SIZE),
        }
      : {}),
  };
}

/** The store a command works on: the running service's own database is safe to open alongside it. */
export const storeFrom = (values: DataValues): Promise<Store> => openStore(storeLocation(values));
