import type { ProcedureName } from '../../shared/contract/api';

/**
 * Procedures the reader threads serve: reads of the user's store that can take long at a million
 * orders (list windows, counts, search, exports, print runs), so they never queue behind the
 * writer's work (a first sync's big transactions, a batch ship) nor behind each other.
 *
 * Everything else runs on the writer thread, which is always correct: a handler added without
 * a thought for threads just works there. A handler listed here must only read (its store
 * connection is query_only, so a write fails loudly), and it gets no sync engine or stamp.
 */
export const READ_PROCEDURES: ReadonlySet<ProcedureName> = new Set<ProcedureName>([
  'orders.list',
  'orders.counts',
  'orders.detail',
  'orders.window',
  'orders.export',
  'print.orders',
]);

export const isReadProcedure = (name: unknown): boolean =>
  typeof name === 'string' && READ_PROCEDURES.has(name as ProcedureName);
