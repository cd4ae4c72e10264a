import type { DeskReport, ReportAnswer, ReportQuery } from '../../shared/contract/reports';
import type { Db } from '../db/connection';
import type { Handlers } from '../ipc/dispatcher';

type ReportHandlers = Pick<Handlers, 'reports.summary'>;

const keyOf = (query: ReportQuery): string => `${query.bucket}:${query.from}:${query.to}`;

function kept(db: Db, query: ReportQuery): { report: ReportAnswer; fetchedAt: number } | null {
  const row = db.prepare('SELECT fetched_at AS fetchedAt, body FROM report_cache WHERE query = ?').get(keyOf(query)) as
    { fetchedAt: number; body: string } | undefined;
  return row ? { report: JSON.parse(row.body) as ReportAnswer, fetchedAt: row.fetchedAt } : null;
}

/**
 * Reports are the service's (SQL over the whole scope, not this desk's copy): asked fresh each time,
 * and the answer kept, so the same range reads offline too, saying when it was fetched.
 */
export const reportHandlers = (): ReportHandlers => ({
  'reports.summary': async (ctx, query): Promise<DeskReport> => {
    const answer = await ctx.service.reports(query);
    if (answer.ok) {
      const fetchedAt = ctx.stamp().now;
      ctx.db
        .prepare('INSERT OR REPLACE INTO report_cache (query, fetched_at, body) VALUES (?, ?, ?)')
        .run(keyOf(query), fetchedAt, JSON.stringify(answer.value));
      return { report: answer.value, fetchedAt, offline: false, failure: null };
    }
    const last = kept(ctx.db, query);
    const failure = answer.failure.kind === 'REJECTED' ? answer.failure.code : answer.failure.kind;
    return { report: last?.report ?? null, fetchedAt: last?.fetchedAt ?? null, offline: true, failure };
  },
});
