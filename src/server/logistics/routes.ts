import type { Deps } from '../deps';
import { route, type AnyRoute } from '../http/route';
import { eventsAnswer, eventsBody, receiveEvents } from './events';

export const logisticsRoutes = (deps: Deps): AnyRoute[] => [
  route({
    method: 'POST',
    path: '/v1/logistics/events',
    tag: 'logistics',
    summary: 'Carrier tracking events pushed by a tracking aggregator (signed)',
    description:
      '`param` is a JSON string `{sentAt, events: [{carrier, trackingNo, time, status: IN_TRANSIT|DELIVERED|RETURNED|REJECTED|EXCEPTION, description, location}]}`; `sign` is the hex HMAC-SHA256 of `param` with the shared secret. Refused with SIGNATURE_INVALID when the sign does not match or `sentAt` is more than 5 minutes off. Repeated events change nothing; unknown tracking numbers are listed in `unknown`.',
    access: 'public',
    body: eventsBody,
    response: eventsAnswer,
    errors: ['SIGNATURE_INVALID', 'NOT_FOUND'],
    handle: ({ body }) => receiveEvents(deps, body),
  }),
];
