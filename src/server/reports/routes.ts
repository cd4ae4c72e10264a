import { reportAnswer, reportQuery } from '../../shared/contract/reports';
import type { Deps } from '../deps';
import { route, type AnyRoute } from '../http/route';
import { reportSummary } from './summary';

export const reportRoutes = (deps: Deps): AnyRoute[] => [
  route({
    method: 'GET',
    path: '/v1/reports/summary',
    tag: 'reports',
    summary: 'Orders, GMV, shipments, lead times, refunds, redemptions and shippers’ pace over a range',
    description:
      'Computed over the caller’s scope, per China calendar day or Monday-started week (`bucket`), and per platform, source, warehouse and store. Money in fen; lead times in milliseconds (nearest-rank p50/p90 of the orders shipped in the range); the refund rate in basis points of paid orders. At most 366 days.',
    access: 'reports.read',
    query: reportQuery,
    response: reportAnswer,
    errors: [],
    handle: ({ caller, query }) => reportSummary(deps, caller, query),
  }),
];
