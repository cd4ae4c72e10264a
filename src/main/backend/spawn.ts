import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/**
 * Starts a worker thread on the module at `entry`, given as the TypeScript source beside the
 * caller (`new URL('./x-worker.ts', import.meta.url)`). Built, every entry and chunk of main sits
 * flat in out/main (electron.vite.config.ts), so the same URL with .js is the built worker; under
 * tsx and vitest the source is loaded through tsx registered inside the thread (Node 20 does not
 * pass `--import` hooks on to worker threads). The test run builds the workers once instead
 * (test/support/worker-bundles.ts) and says where in ORDER_DESK_WORKERS.
 */
export function spawnWorker(entry: URL, workerData: unknown, resourceLimits?: ResourceLimits): Worker {
  const options = { workerData, ...(resourceLimits ? { resourceLimits } : {}) };
  const prebuilt = process.env['ORDER_DESK_WORKERS'];
  const bundle = prebuilt && join(prebuilt, `${basename(entry.pathname, '.ts')}.mjs`);
  if (bundle && existsSync(bundle)) return new Worker(bundle, options);
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL(entry.href.replace(/\.ts$/, '.js')), options);
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, { eval: true, ...options });
}
