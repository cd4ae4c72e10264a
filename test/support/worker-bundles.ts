import { build } from 'esbuild';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Vitest's global setup: the desk backend's worker threads built once per test run (esbuild, a
 * second or two), so each of the hundreds of desks the tests start loads one file per thread
 * instead of compiling a hundred TypeScript modules through tsx in every new thread (seconds each
 * on a loaded machine). The workers are the same sources; src/main/backend/spawn.ts finds them
 * through ORDER_DESK_WORKERS. Kept under node_modules so their package imports resolve.
 */
export default async function bundleWorkers(): Promise<() => void> {
  // Both projects of a run (sqlite, postgres) ask; the first builds, and removes them at the end.
  if (process.env['ORDER_DESK_WORKERS']) return () => undefined;
  const root = resolve(import.meta.dirname, '../..');
  const dir = join(root, 'node_modules', '.cache', `desk-workers-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  await build({
    entryPoints: {
      'writer-worker': join(root, 'src/main/backend/writer-worker.ts'),
      'reader-worker': join(root, 'src/main/backend/reader-worker.ts'),
      'pull-worker': join(root, 'src/main/sync/pull-worker.ts'),
      'prepare-worker': join(root, 'src/main/sync/prepare-worker.ts'),
      // Loaded by the writer thread of the crash tests' desks (desk-process.ts).
      'desk-process-hook': join(root, 'test/support/desk-process-hook.ts'),
      // Loaded by the writer thread of a desk whose writer a test holds (session-current.test.ts).
      'hold-writer-hook': join(root, 'test/support/hold-writer-hook.ts'),
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    logLevel: 'warning',
  });
  process.env['ORDER_DESK_WORKERS'] = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
