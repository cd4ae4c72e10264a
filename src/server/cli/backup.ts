import { join } from 'node:path';
import { BackupError, restoreBackup, takeBackup } from '../storage/backup';
import { restorePostgresBackup, takePostgresBackup } from '../storage/pg-backup';
import { CliError, integerOption, parse, type Command } from './command';
import { DATA_OPTIONS, DATA_USAGE, storeLocation, type DataValues } from './data-options';

const DEFAULT_KEEP = 24;

/** The database a command works on: a PostgreSQL URL, or the SQLite file of a data directory. */
function target(values: DataValues): { database: string } | { database?: undefined; file: string; dataDir: string } {
  const location = storeLocation(values);
  if (location.database) return { database: location.database };
  const dataDir = location.dataDir!;
  return { file: join(dataDir, 'orders.sqlite'), dataDir };
}

const asCliError = async <T>(work: () => T | Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BackupError) throw new CliError(error.message);
    throw error;
  }
};

export const backupCommand: Command = {
  name: 'backup',
  summary: 'take an online backup of the database (the service may keep running)',
  usage: `Usage: npm run server -- backup [--data <dir> | --database <url>] [--to <dir>] [--keep <n>]

  --to <dir>        where backups go (default <data>/backups); files orders-YYYYMMDD-HHMMSS.sqlite,
                    or .dump for PostgreSQL
  --keep <n>        how many backups of that folder to keep, newest first (default ${DEFAULT_KEEP})
${DATA_USAGE}

SQLite's backup API copies one consistent moment while the service keeps serving. PostgreSQL is
dumped by pg_dump (custom format, one snapshot, nodes keep serving; PostgreSQL's client tools must
be installed, the same major version as the server or newer).`,
  async run(args, io) {
    const { values } = parse({
      args,
      options: { ...DATA_OPTIONS, to: { type: 'string' }, keep: { type: 'string' } },
    });
    const where = target(values);
    const keep = integerOption(values.keep, 'keep', DEFAULT_KEEP);
    if (keep < 1) throw new CliError('--keep must be at least 1');
    if (where.database !== undefined) {
      if (!values.to) throw new CliError('--to <dir> is required for PostgreSQL (where the dumps go)');
      const to = values.to;
      const path = await asCliError(() => takePostgresBackup(where.database, to, { keep }));
      io.out(`Backup written to ${path}`);
      return;
    }
    const { file, dataDir } = where;
    const path = await takeBackup(file, values.to ?? join(dataDir, 'backups'), { keep }).catch((error: Error) => {
      throw new CliError(`cannot back up ${file}: ${error.message}`);
    });
    io.out(`Backup written to ${path}`);
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'put a backup in place as the database (stop the service first)',
  usage: `Usage: npm run server -- restore --from <backup file> [--data <dir> | --database <url>] [--force]

  --from <file>     a backup written by the backup command (or by --backup-dir while serving)
  --force           replace the database already there; SQLite keeps it as
                    orders.sqlite.replaced-<time>, PostgreSQL as the schema replaced_<time>
${DATA_USAGE}

Stop the service (every node) first. The backup is checked (SQLite: integrity and schema version;
PostgreSQL: a dump of this service, schema version) before anything moves, and lands whole or not
at all.`,
  async run(args, io) {
    const { values } = parse({
      args,
      options: { ...DATA_OPTIONS, from: { type: 'string' }, force: { type: 'boolean', default: false } },
    });
    const where = target(values);
    if (!values.from) throw new CliError('--from <backup file> is required');
    const from = values.from;
    if (where.database !== undefined) {
      const { replaced } = await asCliError(() => restorePostgresBackup(from, where.database, { force: values.force }));
      const kept = replaced ? ` (the data it replaced is kept in the schema ${replaced}; drop it when satisfied)` : '';
      io.out(`Restored ${from} to the PostgreSQL database${kept}`);
      return;
    }
    const restored = await asCliError(() => restoreBackup(from, where.dataDir, { force: values.force }));
    const kept = restored.replaced ? ` (the database it replaced is kept as ${restored.replaced})` : '';
    io.out(`Restored ${from} to ${restored.target}${kept}`);
  },
};
