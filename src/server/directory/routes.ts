import { directory } from '../../shared/contract/directory';
import { STAFF_NAMES } from '../../shared/demo/timeline';
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
        const named = (rows: ReadonlyArray<{ id: string; name: string }>) => rows.map(({ id, name }) => ({ id, name }));
        const places = {
          warehouses: named(await tx.places.warehouses()),
          stores: named(await tx.places.stores()),
          dealers: named(await tx.places.dealers()),
        };
        // Disabled accounts too: their names stay in the timelines they wrote.
        const users = (await tx.users.list()).map((u) => ({ username: u.username, displayName: u.displayName }));
        // The demo's seeded history was written by staff without accounts: their names too.
        const staff = deps.config.demo
          ? Object.entries(STAFF_NAMES)
              .filter(([username]) => !users.some((u) => u.username === username))
              .map(([username, displayName]) => ({ username, displayName }))
          : [];
        return { ...places, users: [...users, ...staff] };
      }),
  }),
];
