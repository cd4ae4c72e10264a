import { startCluster } from '../../scripts/pg-cluster.mjs';

/**
 * Starts the throwaway PostgreSQL cluster the postgres project's tests create their databases in,
 * unless the run already has one (`npm test` starts one for the whole run and passes its URL).
 */
export default async function setup(): Promise<() => void> {
  if (process.env.ORDER_TEST_PG_URL) return () => undefined;
  const cluster = await startCluster();
  process.env.ORDER_TEST_PG_URL = cluster.url;
  return () => cluster.stop();
}
