import { adminRoutes } from '../admin/routes';
import { connectorRoutes } from '../connectors/routes';
import type { Connectors } from '../connectors/service';
import { authRoutes } from '../auth/routes';
import { eventRoutes } from '../events/routes';
import { demoRoutes } from '../demo/routes';
import type { Deps } from '../deps';
import { floorRoutes } from '../floor/routes';
import { intakeRoutes } from '../intake/routes';
import { logisticsRoutes } from '../logistics/routes';
import { orderRoutes } from '../orders/routes';
import { redemptionRoutes } from '../redemption/routes';
import { syncRoutes } from '../sync/routes';
import { metaRoutes, SERVICE_VERSION } from './meta-routes';
import { openApiDocument } from './openapi';
import type { AnyRoute } from './route';

/** Every endpoint of the service, by capability; the OpenAPI document describes exactly this list. */
export function allRoutes(deps: Deps, connectors: Connectors): AnyRoute[] {
  let document: unknown = null;
  const routes: AnyRoute[] = [
    ...metaRoutes(deps, () => (document ??= openApiDocument(servedRoutes, SERVICE_VERSION))),
    ...authRoutes(deps),
    ...syncRoutes(deps),
    ...orderRoutes(deps),
    ...intakeRoutes(deps),
    ...eventRoutes(deps),
    ...adminRoutes(deps),
    ...connectorRoutes(deps, connectors),
    ...floorRoutes(deps),
    ...logisticsRoutes(deps),
    ...redemptionRoutes(deps),
    ...demoRoutes(deps),
  ];
  const servedRoutes = routes.filter((r) => !r.demoOnly || deps.config.demo);
  return routes;
}
