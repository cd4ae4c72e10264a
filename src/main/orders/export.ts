import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import type { OrderExportProgress } from '../../shared/contract/list';
import type { OrderListFilter, OrderListRow, OrderSort } from '../../shared/contract/orders';
import type { ListColumn } from '../../shared/contract/list';
import type { DataScope } from '../../shared/domain/vocabulary';
import type { Db } from '../db/connection';
import type { EventHub } from '../ipc/events';
import { listOrders } from '../db/orders-query';
import { anchorsOf } from '../db/query/window';
import { privateDir, privateFile } from '../session/private-files';
import { openXlsxFile } from '../../shared/files/xlsx';
import { csvWriter, xlsxRows, type CsvStyle } from './export-csv';

/**
 * Rows per read: about 10 ms of main's time, after which it yields to other calls and reports
 * progress (a million rows make a thousand small events).
 */
const CHUNK = 1_000;

export interface ExportJob extends CsvStyle {
  filter: OrderListFilter;
  sort: OrderSort;
  columns: ListColumn[];
  format: 'csv' | 'xlsx';
}

interface RowSink {
  write(rows: readonly OrderListRow[]): Promise<void>;
  close(): Promise<void>;
  abort(): void;
}

/** The CSV file: a write stream, waiting for it to drain when it asks to. */
function csvSink(path: string, job: ExportJob): RowSink {
  const out = createWriteStream(path, { encoding: 'utf8' });
  const closed = once(out, 'close');
  const csv = csvWriter(job.columns, job);
  out.write(csv.header);
  return {
    async write(rows) {
      if (!out.write(csv.lines(rows))) await once(out, 'drain');
    },
    async close() {
      out.end();
      await closed;
    },
    abort: () => out.destroy(),
  };
}

/** The XLSX file: exceljs' streaming writer commits each row as it comes. */
async function xlsxSink(path: string, job: ExportJob): Promise<RowSink> {
  const layout = xlsxRows(job.columns, job);
  const sheet = await openXlsxFile(path, 'orders', layout.columns);
  return {
    async write(rows) {
      sheet.add(layout.rows(rows));
    },
    close: () => sheet.close(),
    abort: () => undefined,
  };
}

/**
 * Where finished exports are, by id, for the browser-mode bridge to hand over as downloads. It
 * learns order exports from their last progress event, whichever thread wrote the file, and other
 * files (a diagnostics bundle) from `put`, which its listeners hear (the writer thread's shelf
 * tells main's).
 */
export class ExportShelf {
  private readonly done = new Map<string, string>();
  private readonly listeners: Array<(id: string, path: string) => void> = [];
  constructor(events: EventHub) {
    events.subscribe((name, payload) => {
      if (name !== 'orders.exportProgress') return;
      const progress = payload as OrderExportProgress;
      if (progress.done && progress.path) this.done.set(progress.exportId, progress.path);
    });
  }
  put(id: string, path: string): void {
    this.done.set(id, path);
    for (const listener of this.listeners) listener(id, path);
  }
  onPut(listener: (id: string, path: string) => void): void {
    this.listeners.push(listener);
  }
  path(id: string): string | null {
    return this.done.get(id) ?? null;
  }
}

/**
 * Writes every order matching the filter, in the list's sort, to exports/<id>.csv (or .xlsx) beside the
 * user's store. It answers at once with the id and the row count; the rows follow chunk by chunk
 * through keyset pages (never all of them in memory), yielding between chunks so other calls are
 * served meanwhile, and `report` sees the progress, the last report with the file's path.
 */
export function startExport(
  db: Db,
  scope: DataScope,
  job: ExportJob,
  report: (progress: OrderExportProgress) => void,
): { exportId: string; total: number } {
  const exportId = randomUUID();
  const { total } = anchorsOf(db, scope, job.filter, job.sort);
  const dir = join(dirname(db.name), 'exports');
  privateDir(dir);
  const path = join(dir, `orders-${exportId}.${job.format}`);
  // Made 0600 before either writer opens it: they keep the mode of a file that exists.
  privateFile(path);
  const progress = (written: number, end: { path?: string; error?: string } = {}) =>
    report({
      exportId,
      written,
      total,
      done: end.path !== undefined,
      path: end.path ?? null,
      error: end.error ?? null,
    });

  const run = async () => {
    let written = 0;
    let sink: RowSink | null = null;
    try {
      sink = job.format === 'xlsx' ? await xlsxSink(path, job) : csvSink(path, job);
      let after: string | undefined;
      do {
        await yieldToEvents();
        // The store may have closed (sign-out) while this waited: the export stops there.
        if (!db.open) throw new Error('the store was closed');
        const page = listOrders(db, scope, { filter: job.filter, sort: job.sort, limit: CHUNK, after });
        await sink.write(page.rows);
        written += page.rows.length;
        after = page.next ?? undefined;
        if (after !== undefined) progress(written);
      } while (after !== undefined);
      await sink.close();
      progress(written, { path });
    } catch (error) {
      sink?.abort();
      progress(written, { error: error instanceof Error ? error.message : String(error) });
    }
  };
  void run();
  return { exportId, total };
}

/** How long a finished export stays on disk: long enough to open it, not to pile up customers' data. */
export const EXPORT_RETENTION_MS = 7 * 24 * 3_600_000;

/** Deletes the user's exports older than the retention period (at each sign-in); answers how many. */
export function pruneExports(userDir: string, now: number, retentionMs = EXPORT_RETENTION_MS): number {
  const dir = join(userDir, 'exports');
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    const path = join(dir, name);
    if (statSync(path).mtimeMs < now - retentionMs) {
      rmSync(path, { force: true });
      removed++;
    }
  }
  return removed;
}
