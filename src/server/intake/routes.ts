import type { Deps } from '../deps';
import { route, type AnyRoute } from '../http/route';
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
];
