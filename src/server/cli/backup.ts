import { join } from 'node:path';
import { BackupError, restoreBackup, takeBackup } from '../storage/backup';
import { CliError, integerOption, parse, type Command } from './command';
import { DATA_OPTIONS, DATA_USAGE, storeLocation, type DataValues } from './data-options';

const DEFAULT_KEEP = 24;

/** The SQLite file a command works on; PostgreSQL is backed up with its own tools. */
function sqliteFile(values: DataValues): { file: string; dataDir: string } {
  const location = storeLocation(values);
  if (location.database) {
    throw new CliError('PostgreSQL is backed up with pg_dump and restored with pg_restore: see docs/deploy.md');
  }
  const dataDir = location.dataDir!;
  return { file: join(dataDir, 'orders.sqlite'), dataDir };
}

const asCliError = <T>(work: () => T): T => {
  try {
    return work();
  } catch (error) {
    if (error instanceof BackupError) throw new CliError(error.message);
    throw error;
  }
};

export const backupCommand: Command = {
  name: 'backup',
  summary: 'take an online backup of the SQLite database (the service may keep running)',
  usage: `Usage: npm run server -- backup [--data <dir>] [--to <dir>] [--keep <n>]

  --to <dir>        where backups go (default <data>/backups); files orders-YYYYMMDD-HHMMSS.sqlite
  --keep <n>        how many backups of that folder to keep, newest first (default ${DEFAULT_KEEP})
${DATA_USAGE}

SQLite's backup API copies one consistent moment while the service keeps serving. For PostgreSQL
use pg_dump (docs/deploy.md).`,
  async run(args, io) {
    const { values } = parse({
      args,
      options: { ...DATA_OPTIONS, to: { type: 'string' }, keep: { type: 'string' } },
    });
    const { file, dataDir } = sqliteFile(values);
    const keep = integerOption(values.keep, 'keep', DEFAULT_KEEP);
    if (keep < 1) throw new CliError('--keep must be at least 1');
    const path = await takeBackup(file, values.to ?? join(dataDir, 'backups'), { keep }).catch((error: Error) => {
      throw new CliError(`cannot back up ${file}: ${error.message}`);
    });
    io.out(`Backup written to ${path}`);
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'put a backup in place as the SQLite database (stop the service first)',
  usage: `Usage: npm run server -- restore --from <backup file> [--data <dir>] [--force]

  --from <file>     a backup written by the backup command (or by --backup-dir while serving)
  --force           replace the database already in <data> (it is kept as orders.sqlite.replaced-<time>)
${DATA_USAGE}

Stop the service first. The backup is checked (integrity, schema version) before anything moves.
For PostgreSQL use pg_restore (docs/deploy.md).`,
  async run(args, io) {
    const { values } = parse({
      args,
      options: { ...DATA_OPTIONS, from: { type: 'string' }, force: { type: 'boolean', default: false } },
    });
    const { dataDir } = sqliteFile(values);
    if (!values.from) throw new CliError('--from <backup file> is required');
    const from = values.from;
    const { target, replaced } = asCliError(() => restoreBackup(from, dataDir, { force: values.force }));
    io.out(`Restored ${from} to ${target}${replaced ? ` (the database it replaced is kept as ${replaced})` : ''}`);
  },
};
