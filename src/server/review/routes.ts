import { reviewConfig } from '../../shared/contract/review';
import type { Deps } from '../deps';
import { route, type AnyRoute } from '../http/route';
import { readReviewConfig, writeReviewConfig } from './config';

/** The admin's 审单 rules: supervisors read them (the queue says why an order waits), admins set them. */
export const reviewRoutes = (deps: Deps): AnyRoute[] => [
  route({
    method: 'GET',
    path: '/v1/review/rules',
    tag: 'review',
    summary: 'The review rules a paid order is held by (待审核), and the auto-approve delay',
    access: 'orders.review',
    response: reviewConfig,
    errors: [],
    handle: () => deps.store.unit((tx) => readReviewConfig(tx)),
  }),
  route({
    method: 'POST',
    path: '/v1/review/rules',
    tag: 'review',
    summary: 'Set the review rules; they apply to orders paid from now on',
    description:
      'Amount at or above a payable (fen), a buyer remark, an incomplete address or one containing risk words, a buyer’s first order, dealer orders, orders a platform flagged. An order already held stays held until decided (or auto-approved).',
    access: 'admin.manage',
    body: reviewConfig,
    response: reviewConfig,
    errors: [],
    handle: ({ body }) =>
      deps.store.unit(async (tx) => {
        await writeReviewConfig(tx, body);
        return body;
      }),
  }),
];
