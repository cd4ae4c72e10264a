import { intakeRequest, intakeResponse } from '../../shared/contract/intake';
import { actorLabel } from '../auth/caller';
import type { Deps } from '../deps';
import { route, type AnyRoute } from '../http/route';
import { intakeOrders } from './orders';
import { quote, quoteAnswer, quoteInput } from './quote';

export const intakeRoutes = (deps: Deps): AnyRoute[] => [
  route({
    method: 'POST',
    path: '/v1/orders/quote',
    tag: 'dealer orders',
    summary: 'The amount breakdown of a dealer’s draft, as intake will compute it',
    description:
      'Prices from the dealer’s price list, campaign or coupon (exclusive), member discount, benefit and points, each computed on the order amount. What intake would still refuse (stock, a promotion that does not apply) comes back in fieldErrors; a draft whose lines cannot be priced is a 422 with fieldErrors.',
    access: 'dealer.enterOrder',
    body: quoteInput,
    response: quoteAnswer,
    errors: ['DEALER_ORDER_REJECTED'],
    handle: ({ caller, body }) => quote(deps, caller, body),
  }),
  route({
    method: 'POST',
    path: '/v1/intake/orders',
    tag: 'intake',
    summary: 'Orders from a shop’s platform, an ERP or a connector: up to 500, each answered in order',
    description:
      'Each order is keyed by shopId + externalOrderNo and enters once: the same version again is `unchanged`, a later one `updated` (intents on the existing order, logged as coming from the shop). It passes the checks of dealer intake plus amounts that add up and known SKUs (the shop’s SKU mapping first); one that fails is kept as an exception order with its reasons (`exception`), never dropped. A malformed order is `rejected` with the fields at fault while the rest still apply; an order for a shop outside the caller’s scope refuses the whole batch (403 SHOP_NOT_IN_SCOPE). See docs/api.md “Intake”.',
    access: 'intake.post',
    body: intakeRequest,
    response: intakeResponse,
    errors: ['SHOP_NOT_IN_SCOPE'],
    handle: async ({ caller, body }) => ({
      results: await intakeOrders(deps, { scope: caller.scope, via: actorLabel(caller) }, body.orders),
    }),
  }),
];
