import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Which store the service suite runs on: the vitest project sets it (vitest.config.ts). */
export const TEST_STORE: 'sqlite' | 'postgres' = process.env.ORDER_TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';

/** The throwaway cluster the test run started (test/support/pg-global-setup.ts). */
export function clusterUrl(): string {
  const url = process.env.ORDER_TEST_PG_URL;
  if (!url) throw new Error('ORDER_TEST_PG_URL is not set: run the postgres vitest project (it starts a cluster)');
  return url;
}

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A fresh, empty database in the test cluster, one per service under test. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const admin = clusterUrl();
  const name = `orders_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** Runs `work` on one plain connection to a test database (inspection and fixtures). */
export async function withConnection<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
