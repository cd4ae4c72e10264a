import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openDatabase } from './db';
import type { Store } from './repositories';
import { SqliteStore } from './sqlite/store';

export const DEFAULT_DATA_DIR = '.data/server';

export interface StoreLocation {
  /** The SQLite file; default `<dataDir>/orders.sqlite`. */
  dbFile?: string;
  dataDir?: string;
}

/** Opens (creating and migrating when new) the store the service and its commands work on. */
export function openStore(location: StoreLocation): Store {
  const file = location.dbFile ?? join(location.dataDir ?? DEFAULT_DATA_DIR, 'orders.sqlite');
  mkdirSync(dirname(file), { recursive: true });
  return new SqliteStore(openDatabase(file));
}
