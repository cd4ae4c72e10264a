import { directory } from '../../shared/contract/directory';
import type { Deps } from '../deps';
import { route, type AnyRoute } from '../http/route';

/** Names for codes, for every signed-in user: within one company, who works there and where is no secret. */
export const directoryRoutes = (deps: Deps): AnyRoute[] => [
  route({
    method: 'GET',
    path: '/v1/directory',
    tag: 'meta',
    summary: 'The names of warehouses, stores, dealers and staff, for showing people names instead of codes',
    access: 'signed-in',
    response: directory,
    errors: [],
    handle: () =>
      deps.store.unit(async (tx) => {
        const places = await tx.places.names();
        // Disabled accounts too: their names stay in the timelines they wrote.
        const users = (await tx.users.list()).map((u) => ({ username: u.username, displayName: u.displayName }));
        return { ...places, users };
      }),
  }),
];
