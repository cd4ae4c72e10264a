import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import pg from 'pg';
import { BackupError, backupPath, pruneBackups, stamp } from './backup';
import { LATEST_VERSION } from './migrations';

/**
 * PostgreSQL backups with PostgreSQL's own tools (pg_dump's custom format: compressed, consistent
 * at one snapshot while the nodes keep serving, restorable table by table). libpq reads the URL as
 * its dbname; the password goes through PGPASSWORD instead, because a command line is visible to
 * every user of the machine (ps).
 */
function libpq(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new BackupError('--database must be a URL such as postgres://user:pass@host:5432/orders');
  }
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { dbname: parsed.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

/** Runs one of PostgreSQL's client tools; its own message is the error when it fails. */
function run(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new BackupError(
              `${tool} is not installed: install PostgreSQL's client tools (Debian: apt-get install postgresql-client)`,
            )
          : error,
      ),
    );
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(new BackupError(`${tool} failed: ${Buffer.concat(err).toString('utf8').trim() || `exit ${code}`}`));
    });
  });
}

/** The prefix of a schema a forced restore set aside (the data it replaced); never dumped again. */
const REPLACED = 'replaced_';

/** A dump of the service's schema at one moment, beside its final name until complete, newest `keep` kept. */
export async function takePostgresBackup(
  url: string,
  dir: string,
  { keep, now = Date.now() }: { keep: number; now?: number },
): Promise<string> {
  const { dbname, env } = libpq(url);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = backupPath(dir, now, 'dump');
  const partial = `${path}.partial`;
  try {
    await run(
      'pg_dump',
      ['--format=custom', `--exclude-schema=${REPLACED}*`, `--file=${partial}`, `--dbname=${dbname}`],
      env,
    );
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  chmodSync(partial, 0o600);
  renameSync(partial, path);
  pruneBackups(dir, keep);
  return path;
}

/** The schema version a dump was taken at, read from its schema_migrations rows (COPY text format). */
async function versionOfDump(file: string): Promise<number> {
  let script: string;
  try {
    script = await run('pg_restore', ['--data-only', '--table=schema_migrations', '--file=-', file], process.env);
  } catch (error) {
    throw new BackupError(`${file} is not a backup of this order service (${(error as Error).message})`);
  }
  const copy = script.split('\n');
  const start = copy.findIndex((line) => line.startsWith('COPY public.schema_migrations'));
  if (start < 0) throw new BackupError(`${file} is not a backup of this order service (no schema_migrations)`);
  let version = 0;
  for (const line of copy.slice(start + 1)) {
    if (line === '\\.') break;
    version = Math.max(version, Number(line.split('\t')[0]));
  }
  return version;
}

/**
 * Restores a dump into the database at `url`, with every node stopped. The dump is checked first
 * (a pg_dump of this service, not from a newer schema). An order database already there is kept,
 * as SQLite's restore keeps the file it replaces: its schema is renamed `replaced_<time>` (drop it
 * when the restore is confirmed), and put back if the restore fails. pg_restore runs as one
 * transaction, so a restore either lands whole or not at all.
 */
export async function restorePostgresBackup(
  from: string,
  url: string,
  { force, now = Date.now() }: { force: boolean; now?: number },
): Promise<{ replaced: string | null }> {
  if (!existsSync(from)) throw new BackupError(`No backup at ${from}`);
  const version = await versionOfDump(from);
  if (version < 1 || version > LATEST_VERSION) {
    throw new BackupError(`${from} has schema version ${version}; this service reads up to ${LATEST_VERSION}`);
  }
  const { dbname, env } = libpq(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let replaced: string | null = null;
  try {
    const { rows } = await client.query<{ found: string | null }>(
      "SELECT to_regclass('public.schema_migrations')::text AS found",
    );
    if (rows[0]?.found) {
      if (!force) {
        throw new BackupError(
          'That database already holds an order database: stop every node, then restore with --force',
        );
      }
      replaced = `${REPLACED}${stamp(now).replace('-', '_')}`;
      await client.query(`ALTER SCHEMA public RENAME TO ${replaced}`);
      await client.query('CREATE SCHEMA public');
    }
    try {
      await run(
        'pg_restore',
        ['--single-transaction', '--exit-on-error', '--no-owner', '--no-privileges', `--dbname=${dbname}`, from],
        env,
      );
    } catch (error) {
      if (replaced) {
        await client.query('DROP SCHEMA public CASCADE');
        await client.query(`ALTER SCHEMA ${replaced} RENAME TO public`);
        replaced = null;
      }
      throw error;
    }
    return { replaced };
  } finally {
    await client.end();
  }
}
