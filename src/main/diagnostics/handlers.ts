import { join } from 'node:path';
import type { SyncStatus } from '../../shared/contract/api';
import type { Db } from '../db/connection';
import type { Handlers } from '../ipc/dispatcher';
import type { ExportShelf } from '../orders/export';
import type { DeskLogs } from './desk-log';
import { exportDiagnostics } from './export';

type DiagnosticsHandlers = Pick<Handlers, 'diagnostics.log' | 'diagnostics.export'>;

export interface DiagnosticsOptions {
  logs: DeskLogs | null;
  dataDir: string;
  versions: Record<string, string>;
  crashDumpsDir: string | null;
  shelf: ExportShelf;
  /** The signed-in desk, if any. */
  desk: () => { db: Db; role: string; status: SyncStatus } | null;
}

export function diagnosticsHandlers(options: DiagnosticsOptions): DiagnosticsHandlers {
  return {
    'diagnostics.log': (_ctx, { level, message }) => {
      if (level === 'error') options.logs?.renderer.error(message);
      else options.logs?.renderer[level](message);
      return {};
    },
    'diagnostics.export': async () => {
      const done = await exportDiagnostics({
        logsDir: options.logs?.dir ?? join(options.dataDir, 'logs'),
        outDir: join(options.dataDir, 'diagnostics'),
        versions: options.versions,
        crashDumpsDir: options.crashDumpsDir,
        desk: options.desk(),
        now: Date.now(),
      });
      options.shelf.put(done.exportId, done.path);
      options.logs?.backend.info(`diagnostics exported (${done.fileName})`);
      return done;
    },
  };
}
