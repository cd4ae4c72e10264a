// A throwaway PostgreSQL cluster for tests and benchmarks: Debian's server binaries, a temporary
// directory, a free port on 127.0.0.1, trust authentication, stopped and deleted afterwards.
// Installs Debian's postgresql when it is missing and we are root (CI); otherwise says what to do.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = '/usr/lib/postgresql';
const isRoot = process.getuid?.() === 0;

function serverBin() {
  if (!existsSync(ROOT)) return null;
  const versions = readdirSync(ROOT)
    .filter((v) => Number(v) >= 14 && existsSync(join(ROOT, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(ROOT, versions[0], 'bin') : null;
}

/** Debian's postgresql; the default cluster its install may start on port 5432 is stopped again. */
export function ensurePostgres() {
  let bin = serverBin();
  if (bin) return bin;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    throw new Error('PostgreSQL 14+ is not installed: run `apt-get install postgresql` as root (Debian)');
  }
  console.log("Installing Debian's postgresql (apt-get)…");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  spawnSync('apt-get', ['install', '-y', '-qq', 'postgresql'], { stdio: 'inherit', env });
  // Tests start their own clusters; the packaged one is not needed (best effort: it may not run).
  spawnSync('sh', ['-c', 'pg_lsclusters -h 2>/dev/null | while read v c rest; do pg_ctlcluster "$v" "$c" stop; done'], {
    stdio: 'ignore',
  });
  bin = serverBin();
  if (!bin) throw new Error('apt-get install postgresql did not provide initdb');
  return bin;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a cluster and answers { url, stop }. `durable: false` (tests) turns fsync off: the
 * cluster is thrown away anyway. Benchmarks keep it on, like a real deployment, and keep it in
 * `dir` between runs (a million seeded orders take long to seed again); without `dir` it lives
 * in a temporary directory deleted by stop(). Root cannot run the server, so as root the cluster
 * belongs to the `postgres` user.
 */
export async function startCluster({ durable = false, maxConnections = 300, dir: keptIn } = {}) {
  const bin = ensurePostgres();
  const dir = keptIn ?? mkdtempSync(join(tmpdir(), 'order-pg-'));
  mkdirSync(dir, { recursive: true });
  const data = join(dir, 'data');
  const asPostgres = (command, args) => {
    const full = join(bin, command);
    return isRoot ? ['runuser', ['-u', 'postgres', '--', full, ...args]] : [full, args];
  };
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
  }
  const run = (command, args) => {
    const [file, argv] = asPostgres(command, args);
    const result = spawnSync(file, argv, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
  };
  if (!existsSync(join(data, 'PG_VERSION'))) {
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8']);
  }
  const settings = [
    `-c listen_addresses=127.0.0.1`,
    `-k ${dir}`,
    `-c max_connections=${maxConnections}`,
    ...(durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
  ];
  let port = 0;
  for (let attempt = 0; ; attempt++) {
    port = await freePort();
    try {
      run('pg_ctl', [
        '-D',
        data,
        '-l',
        join(dir, 'server.log'),
        '-w',
        '-o',
        `-p ${port} ${settings.join(' ')}`,
        'start',
      ]);
      break;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    dir,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        // A kept cluster shuts down cleanly; a throwaway one is killed and deleted.
        run('pg_ctl', ['-D', data, '-m', keptIn ? 'fast' : 'immediate', '-w', 'stop']);
      } finally {
        if (!keptIn) rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
