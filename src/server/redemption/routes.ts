import type { Deps } from '../deps';
import { route, type AnyRoute } from '../http/route';
import {
  previewAnswer,
  redeemAnswer,
  redeemBody,
  redeemOnline,
  shiftAnswer,
  shiftList,
  shiftQuery,
  verify,
  verifyBody,
} from './online';

const CODE_ERRORS = ['STORE_NOT_IN_SCOPE', 'CODE_NOT_FOUND', 'CODE_OTHER_MERCHANT', 'CODE_ATTEMPTS_LIMITED'] as const;

export const redemptionRoutes = (deps: Deps): AnyRoute[] => [
  route({
    method: 'POST',
    path: '/v1/redemptions/verify',
    tag: 'redemption',
    summary: 'Preview a code at a counter: what it buys, whose it is, what is left',
    description:
      'Changes nothing. A code of the store’s merchant always previews, with `refusal` saying why it cannot be redeemed now (used up, expired, not yet valid, order locked, refund pending). Unknown codes and other merchants’ codes count as wrong attempts.',
    access: 'redemption.verify',
    body: verifyBody,
    response: previewAnswer,
    errors: CODE_ERRORS,
    handle: ({ caller, body, request }) => verify(deps, caller, body, request),
  }),
  route({
    method: 'POST',
    path: '/v1/redemptions/redeem',
    tag: 'redemption',
    summary: 'Redeem one use of a code, exactly once',
    description:
      'Atomic: of any number of concurrent attempts on a single-use code exactly one succeeds. Idempotent on requestId: the same id always gets the same answer, the refusals included.',
    access: 'redemption.redeem',
    body: redeemBody,
    response: redeemAnswer,
    errors: [
      ...CODE_ERRORS,
      'ALREADY_REDEEMED',
      'CODE_EXPIRED',
      'CODE_NOT_YET_VALID',
      'ORDER_LOCKED',
      'REDEMPTION_INTERCEPTED',
      'REQUEST_ID_REUSED',
    ],
    handle: ({ caller, body, request }) => redeemOnline(deps, caller, body, request),
  }),
  route({
    method: 'GET',
    path: '/v1/redemptions',
    tag: 'redemption',
    summary: 'Redemptions at the caller’s stores: the shift close-out list',
    description: 'Ids are what UNDO_REDEMPTION names. Default window: the last 24 hours.',
    access: 'orders.read',
    query: shiftQuery,
    response: shiftAnswer,
    errors: ['STORE_NOT_IN_SCOPE'],
    handle: ({ caller, query }) => shiftList(deps, caller, query),
  }),
];
