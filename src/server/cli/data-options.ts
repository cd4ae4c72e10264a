import { DEFAULT_DATA_DIR, openStore } from '../storage/open';
import type { Store } from '../storage/repositories';

/**
 * Where every command finds the service's data: one option table shared by all of them, so a new
 * way to reach the store (another database) is added here once and every command accepts it.
 */
export const DATA_OPTIONS = {
  data: { type: 'string', default: DEFAULT_DATA_DIR },
} as const;

export const DATA_USAGE = `  --data <dir>      data directory (default ${DEFAULT_DATA_DIR})`;

export interface DataValues {
  data?: string;
}

/** The store a command works on: the running service's own database is safe to open alongside it. */
export const storeFrom = (values: DataValues): Store => openStore({ dataDir: values.data ?? DEFAULT_DATA_DIR });
