/**
 * `npm run bench -- [--orders N] [--json <file>] [--only group,group] [--cache <dir>]`
 *
 * Measures what users feel at the size they have (default a million orders) and prints a table of
 * figures, each beside its target from the anchors; with --json it also writes
 * {machine, orders, figures} (adding to the file when it holds figures of the same size, so a run
 * split with --only collects in one file). Seeded data is kept in the cache directory
 * (/tmp/order-desk-bench/<N>/) and reused, so a second run does not seed again. Every phase is
 * bounded in time. The exit code is non-zero only when something crashed: a missed target is a
 * figure, not a failure.
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { browser } from './browser';
import { Bench, log } from './context';
import { counts } from './counts';
import { formatTable, toJson, type Report } from './figures';
import { firstSync, ingest } from './ingest';
import { list } from './list';
import { search } from './search';
import { service } from './service';
import { size } from './size';
import { writes } from './writes';
import bundleWorkers from '../support/worker-bundles';

/** In the order they run: first-sync makes the store the later groups read; size reads it as synced. */
const GROUPS = {
  // A first sync asked for is a fresh one, even when the cache holds a synced store.
  'first-sync': (bench: Bench) => bench.resync(),
  size,
  ingest,
  list,
  search,
  counts,
  writes,
  service,
  browser,
} as const;
type Group = keyof typeof GROUPS;
const NAMES = Object.keys(GROUPS) as Group[];

/** Generous bounds per group at a million orders (scaled down for fewer, never below five minutes). */
const LIMIT_MS_PER_MILLION: Record<Group, number> = {
  'first-sync': 60 * 60_000,
  size: 10 * 60_000,
  ingest: 15 * 60_000,
  list: 20 * 60_000,
  search: 10 * 60_000,
  counts: 10 * 60_000,
  writes: 10 * 60_000,
  service: 15 * 60_000,
  browser: 30 * 60_000,
};

function machine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  let cores = String(cpus().length);
  try {
    cores = execSync('nproc', { encoding: 'utf8' }).trim();
  } catch {
    // nproc is coreutils; without it the count Node sees will do.
  }
  return `${cores} × ${cpu} (nproc ${cores}), node ${process.version}, ${process.platform}; run ${new Date().toISOString()}`;
}

function readEarlier(file: string, orders: number): Report | null {
  if (!existsSync(file)) return null;
  try {
    const read = JSON.parse(readFileSync(file, 'utf8')) as Report;
    return read.orders === orders && Array.isArray(read.figures) ? read : null;
  } catch {
    return null;
  }
}

function merge(earlier: Report, now: Report): Report {
  const fresh = new Set(now.figures.map((f) => f.name));
  // One machine, several runs: "…; runs <time>, <time>".
  const [hardware, when] = now.machine.split('; run ');
  const [earlierHardware, earlierWhen] = earlier.machine.split(/; runs? /);
  const machine =
    earlierHardware === hardware ? `${hardware}; runs ${earlierWhen}, ${when}` : `${earlier.machine} | ${now.machine}`;
  return { ...now, machine, figures: [...earlier.figures.filter((f) => !fresh.has(f.name)), ...now.figures] };
}

class TimeoutError extends Error {}

function withLimit<T>(work: Promise<T>, ms: number, name: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`${name} did not finish within ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      orders: { type: 'string', default: '1000000' },
      json: { type: 'string' },
      only: { type: 'string' },
      cache: { type: 'string' },
    },
  });
  const orders = Number(values.orders);
  if (!Number.isSafeInteger(orders) || orders < 1000 || orders > 1_000_000) {
    throw new Error(`--orders must be 1000-1000000, got ${values.orders}`);
  }
  const only = values.only ? values.only.split(',').map((s) => s.trim()) : NAMES;
  const unknown = only.filter((g) => !NAMES.includes(g as Group));
  if (unknown.length) throw new Error(`unknown group(s) ${unknown.join(', ')}; groups: ${NAMES.join(', ')}`);

  // The desk's worker threads run built, as the app runs them (electron-vite builds each an entry of
  // its own); under tsx every new thread would first compile its modules, a second or more each.
  const removeWorkers = await bundleWorkers();
  const bench = new Bench(orders, values.cache ?? join('/tmp/order-desk-bench', String(orders)));
  bench.firstSync = (root) => firstSync(bench, root);
  const report = { machine: machine(), orders, figures: bench.figures };
  log(`${orders} orders; ${report.machine}; cache ${bench.cacheDir}`);
  // Runs split with --only add to the same file: a figure measured again replaces the older one.
  const earlier = values.json ? readEarlier(values.json, orders) : null;
  const save = () => {
    if (!values.json) return;
    mkdirSync(dirname(values.json), { recursive: true });
    writeFileSync(values.json, toJson(earlier ? merge(earlier, report) : report));
  };

  let crashed = 0;
  try {
    for (const name of NAMES.filter((g) => only.includes(g))) {
      log(`— ${name}`);
      const started = performance.now();
      const limit = Math.max(5 * 60_000, (LIMIT_MS_PER_MILLION[name] * orders) / 1_000_000);
      try {
        await withLimit(GROUPS[name](bench), limit, name);
        log(`${name} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      } catch (error) {
        crashed++;
        console.error(`[bench] ${name} failed:`, error);
        // A group past its bound may still be running: later groups would measure it too.
        if (error instanceof TimeoutError) break;
      } finally {
        // Partial results survive a later crash.
        save();
      }
    }
  } finally {
    await bench.close();
    removeWorkers();
  }
  console.log(`\n${orders.toLocaleString('en-US')} orders — ${report.machine}\n`);
  console.log(formatTable(bench.figures));
  save();
  return crashed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
