import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import type { OrderExportProgress } from '../../shared/contract/list';
import type { OrderListFilter, OrderSort } from '../../shared/contract/orders';
import type { ListColumn } from '../../shared/contract/list';
import type { DataScope } from '../../shared/domain/vocabulary';
import type { Db } from '../db/connection';
import type { EventHub } from '../ipc/events';
import { listOrders } from '../db/orders-query';
import { anchorsOf } from '../db/query/window';
import { csvWriter, type CsvStyle } from './export-csv';

/**
 * Rows per read: about 10 ms of main's time, after which it yields to other calls and reports
 * progress (a million rows make a thousand small events).
 */
const CHUNK = 1_000;

export interface ExportJob extends CsvStyle {
  filter: OrderListFilter;
  sort: OrderSort;
  columns: ListColumn[];
}

/**
 * Where finished exports are, by id, for the browser-mode bridge to hand over as downloads. It
 * learns them from the exports' last progress event, whichever thread wrote the file.
 */
export class ExportShelf {
  private readonly done = new Map<string, string>();
  constructor(events: EventHub) {
    events.subscribe((name, payload) => {
      if (name !== 'orders.exportProgress') return;
      const progress = payload as OrderExportProgress;
      if (progress.done && progress.path) this.done.set(progress.exportId, progress.path);
    });
  }
  path(id: string): string | null {
    return this.done.get(id) ?? null;
  }
}

/**
 * Writes every order matching the filter, in the list's sort, to exports/<id>.csv beside the
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
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `orders-${exportId}.csv`);
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
    const out = createWriteStream(path, { encoding: 'utf8' });
    const closed = once(out, 'close');
    const csv = csvWriter(job.columns, job);
    let written = 0;
    try {
      out.write(csv.header);
      let after: string | undefined;
      do {
        await yieldToEvents();
        // The store may have closed (sign-out) while this waited: the export stops there.
        if (!db.open) throw new Error('the store was closed');
        const page = listOrders(db, scope, { filter: job.filter, sort: job.sort, limit: CHUNK, after });
        if (!out.write(csv.lines(page.rows))) await once(out, 'drain');
        written += page.rows.length;
        after = page.next ?? undefined;
        if (after !== undefined) progress(written);
      } while (after !== undefined);
      out.end();
      await closed;
      progress(written, { path });
    } catch (error) {
      out.destroy();
      progress(written, { error: error instanceof Error ? error.message : String(error) });
    }
  };
  void run();
  return { exportId, total };
}
