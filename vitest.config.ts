import { defineConfig } from 'vitest/config';

/**
 * Two projects. `sqlite`: every test, the service on SQLite. `postgres`: the service suite and the
 * desk ↔ service sync scenarios again, the service on PostgreSQL, in a throwaway cluster that the
 * run starts (test/support/pg-global-setup.ts) and each service gets a fresh database of; plus the
 * PostgreSQL-only storage tests (test/server/storage/postgres). `--project sqlite` runs one.
 */
const SERVICE_SUITE = ['test/server/**/*.test.ts', 'test/main/sync/**/*.test.ts'];
/** Tests of what only PostgreSQL has: its horizon and locks, several nodes on one database. */
const POSTGRES_ONLY = ['test/server/storage/postgres/**', 'test/server/nodes/**'];

export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: ['test/e2e/**', 'node_modules/**', ...POSTGRES_ONLY],
          globalSetup: ['test/support/worker-bundles.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: SERVICE_SUITE,
          // The SQLite store's own tests and the SQLite migrations are SQLite's alone.
          exclude: ['test/server/storage/*.test.ts', 'test/server/storage/migrations/**', 'node_modules/**'],
          env: { ORDER_TEST_STORE: 'postgres' },
          // Seeding the demo company costs a round trip per statement on PostgreSQL (about 1.6× the
          // SQLite time for the same orders), which a loaded 2-core machine stretches further.
          hookTimeout: 30_000,
          globalSetup: ['test/support/pg-global-setup.ts', 'test/support/worker-bundles.ts'],
        },
      },
    ],
  },
});
