import { type connectorProcedures, shopHealth } from '../../shared/contract/connectors';
import type { Handlers } from '../ipc/dispatcher';
import { relayCall } from '../admin/handlers';
import { z } from 'zod';

type ConnectorHandlers = Pick<Handlers, keyof typeof connectorProcedures>;

const at = (shopId: string, action: string) => `/v1/admin/shops/${encodeURIComponent(shopId)}/connector/${action}`;

/** The 管理 screen's view of platform connections: the service's health, pause, resume, re-pull. */
export const connectorHandlers = (): ConnectorHandlers => ({
  'connectors.health': (ctx) =>
    relayCall(ctx, z.strictObject({ shops: z.array(shopHealth) }), 'GET', '/v1/admin/connectors'),
  'connectors.pause': (ctx, { shopId }) => relayCall(ctx, shopHealth, 'POST', at(shopId, 'pause'), {}),
  'connectors.resume': (ctx, { shopId }) => relayCall(ctx, shopHealth, 'POST', at(shopId, 'resume'), {}),
  'connectors.repull': (ctx, { shopId, since }) => relayCall(ctx, shopHealth, 'POST', at(shopId, 'repull'), { since }),
});
