// `npm test`: everything CI checks, on a fresh machine, ending with one line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCluster } from './pg-cluster.mjs';

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const failures = [];
let passed = 0;
let failed = 0;

const sh = (command, args, env = {}) =>
  spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status === 0;

function step(name, ok) {
  console.log(`\n== ${name}: ${ok ? 'ok' : 'FAILED'}`);
  if (!ok) failures.push(name);
  return ok;
}

const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
const hasChineseFont = () => spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).stdout?.trim().length > 0;

const hasCommand = (name) => spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;

/**
 * Debian's Chromium, a Chinese font so screenshots show the UI's text rather than empty boxes, and
 * the tools that read printed output back as a person would: pdftotext/pdftoppm (poppler-utils)
 * for the packing slips' PDF, zbarimg (zbar-tools) to scan their barcodes.
 */
function findOrInstallChromium() {
  const found = [process.env.CHROMIUM_PATH, ...CHROMIUM_CANDIDATES].find((p) => p && existsSync(p));
  const packages = [
    ...(found ? [] : ['chromium']),
    ...(hasChineseFont() ? [] : ['fonts-wqy-microhei']),
    ...(hasCommand('pdftotext') && hasCommand('pdftoppm') ? [] : ['poppler-utils']),
    ...(hasCommand('zbarimg') ? [] : ['zbar-tools']),
  ];
  if (packages.length && canApt) {
    console.log(`Installing Debian's ${packages.join(', ')} (apt-get)…`);
    sh('apt-get', ['update', '-qq']);
    sh('apt-get', ['install', '-y', '-qq', ...packages], { DEBIAN_FRONTEND: 'noninteractive' });
  }
  return found ?? CHROMIUM_CANDIDATES.find((p) => existsSync(p)) ?? null;
}

function ensureNodeSqlite() {
  // `npm start` may have rebuilt better-sqlite3 for Electron's ABI; tests run under Node.
  const probe = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:')"], { stdio: 'ignore' });
  return probe.status === 0 || sh('npm', ['rebuild', 'better-sqlite3']);
}

function countFromJson(file, read) {
  if (!existsSync(file)) return null;
  try {
    return read(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
}

/** Every Playwright spec in a report, however deeply its describes nest. */
function* playwrightSpecs(suites) {
  for (const suite of suites ?? []) {
    yield* suite.specs ?? [];
    yield* playwrightSpecs(suite.suites);
  }
}

/**
 * The names of the tests that failed (and, for e2e, passed only on a retry), printed last so
 * the end of a CI log says which ones without scrolling back through it.
 */
const named = {
  vitest: (report) =>
    report.testResults.flatMap((file) =>
      file.assertionResults
        .filter((test) => test.status === 'failed')
        .map((test) => `failed: ${file.name.replace(`${process.cwd()}/`, '')} › ${test.fullName}`),
    ),
  playwright: (report) =>
    [...playwrightSpecs(report.suites)].flatMap((spec) =>
      spec.tests
        .filter((test) => test.status === 'unexpected' || test.status === 'flaky')
        .map(
          (test) =>
            `${test.status === 'flaky' ? 'flaky (passed on retry)' : 'failed'}: ${spec.file}:${spec.line} › ${spec.title}`,
        ),
    ),
};
const testNames = [];

/**
 * The benchmark at 10,000 orders (about a minute and a half), so it does not rot: it must run to
 * the end and report a value for every group's figures. Its figures are not judged here.
 */
function benchAtTenThousand(chromium) {
  const cache = mkdtempSync(join(tmpdir(), 'order-desk-bench-ci-'));
  // mkdtemp makes it 0700; as root the bench's PostgreSQL cluster inside it runs as `postgres`,
  // which must be able to reach its data directory.
  chmodSync(cache, 0o755);
  const json = 'test-results/bench-10k.json';
  try {
    const ran = sh(
      process.execPath,
      ['--import', 'tsx', 'test/bench/cli.ts', '--orders', '10000', '--json', json, '--cache', cache],
      { CHROMIUM_PATH: chromium },
    );
    const figures = countFromJson(json, (r) => r.figures) ?? [];
    const groups = ['first sync', 'size', 'ingest', 'list', 'search', 'counts', 'writes', 'service', 'browser'];
    const missing = groups.filter((g) => !figures.some((f) => f.name.startsWith(`${g} ·`)));
    const empty = figures.filter((f) => typeof f.value !== 'number').map((f) => f.name);
    if (missing.length) console.log(`bench: no figures from ${missing.join(', ')}`);
    if (empty.length) console.log(`bench: no value for ${empty.join('; ')}`);
    return ran && missing.length === 0 && empty.length === 0;
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });

const chromium = findOrInstallChromium();
step('chromium', chromium !== null);
step('better-sqlite3 for node', ensureNodeSqlite());
step('typecheck (node)', sh('npx', ['tsc', '-p', 'tsconfig.node.json', '--noEmit']));
step('typecheck (web)', sh('npx', ['tsc', '-p', 'tsconfig.web.json', '--noEmit']));
step('lint', sh('npx', ['eslint', '.', '--max-warnings', '0']));
step('format', sh('npx', ['prettier', '--check', '.', '--log-level', 'warn']));

// The service suite runs twice, on SQLite and on PostgreSQL (vitest.config.ts): one throwaway
// cluster for the whole run (Debian's postgresql, installed here as root when missing).
let cluster = null;
try {
  cluster = await startCluster();
} catch (error) {
  console.log(`postgresql: ${error.message}`);
}
step('postgresql cluster', cluster !== null);
try {
  sh('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/vitest.json'], {
    ...(cluster ? { ORDER_TEST_PG_URL: cluster.url } : {}),
  });
} finally {
  cluster?.stop();
}
const unit = countFromJson('test-results/vitest.json', (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests }));
step('unit and integration tests', unit !== null && unit.failed === 0 && unit.passed > 0);
if (unit) ({ passed, failed } = { passed: passed + unit.passed, failed: failed + unit.failed });
else failed++;
testNames.push(...(countFromJson('test-results/vitest.json', named.vitest) ?? []));

const built = step('electron-vite build', sh('npx', ['electron-vite', 'build']));
if (built && chromium) {
  // One retry, because a CI machine can be far slower than ours: a test that passes only on its
  // retry still counts as passed, but is named at the end of the log as flaky, to be fixed.
  sh('npx', ['playwright', 'test', '--retries=1'], { CHROMIUM_PATH: chromium });
  const e2e = countFromJson('test-results/playwright.json', (r) => ({
    passed: r.stats.expected + r.stats.flaky,
    failed: r.stats.unexpected,
  }));
  step('end-to-end tests (Chromium)', e2e !== null && e2e.failed === 0 && e2e.passed > 0);
  if (e2e) ({ passed, failed } = { passed: passed + e2e.passed, failed: failed + e2e.failed });
  else failed++;
  testNames.push(...(countFromJson('test-results/playwright.json', named.playwright) ?? []));
  step('benchmark at 10,000 orders', benchAtTenThousand(chromium));
}

// A failed check that is not a test (type-check, lint, build) still counts, so the line never hides it.
const checkFailures = failures.filter((f) => !f.includes('tests')).length;
failed += checkFailures;
if (testNames.length) console.log(`\n${testNames.join('\n')}`);
if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failures.length === 0 && failed === 0 ? 0 : 1);
