import { z } from 'zod';
import { shopHealth as healthSchema } from '../../shared/contract/connectors';
import { audit } from '../admin/audit';
import { actorLabel, type Caller } from '../auth/caller';
import type { Deps } from '../deps';
import { route, type AnyRoute } from '../http/route';
import type { Tx } from '../storage/repositories';
import { connectorInput, credentialsInput, putConnector, repullSince, setPaused, updateCredentials } from './manage';
import type { Connectors } from './service';
import { openSecrets } from './shop-secrets';

const ADMIN = { tag: 'connectors', access: 'admin.manage' } as const;
const shopParams = z.strictObject({ shopId: z.string().min(1).max(64) });

/**
 * /v1/admin/connectors and /v1/admin/shops/:shopId/connector/*: a shop's connection to its platform
 * for admins (the 管理 screen, `shops` on the command line does the same): health, connect,
 * credentials, pause, resume, re-pull. Every change is audited, never with a secret in it; the
 * app secret and session are sealed at rest and no answer carries them.
 */
export const connectorRoutes = (deps: Deps, connectors: Connectors): AnyRoute[] => {
  const manage = () => ({
    key: connectors.key,
    now: deps.clock.now(),
    initialLookbackMs: connectors.config.initialLookbackMs,
  });
  const change = async (
    caller: Caller,
    shopId: string,
    action: string,
    work: (tx: Tx) => Promise<unknown>,
    detail: Record<string, unknown> = {},
  ) => {
    await deps.store.unit(async (tx) => {
      await work(tx);
      await audit(tx, { actor: actorLabel(caller), now: deps.clock.now() }, action, `shop:${shopId}`, detail);
    });
    const [health] = await connectors.health(shopId);
    return health!;
  };
  return [
    route({
      ...ADMIN,
      method: 'GET',
      path: '/v1/admin/connectors',
      summary: 'Every shop connected to a platform, with its health',
      description:
        'Last poll, lag (how far behind now the order cursor is), orders taken in during the last hour, last error, dead write-backs.',
      response: z.strictObject({ shops: z.array(healthSchema) }),
      errors: [],
      handle: async () => ({ shops: await connectors.health() }),
    }),
    route({
      ...ADMIN,
      method: 'POST',
      path: '/v1/admin/shops/:shopId/connector',
      summary: 'Connects a shop to its platform (淘宝/天猫 TOP or 拼多多); it is polled at once',
      description: 'The app secret and session are sealed at rest and never returned. Reconnecting keeps the cursor.',
      params: shopParams,
      body: connectorInput,
      response: healthSchema,
      errors: ['SHOP_NOT_FOUND'],
      handle: ({ caller, params, body }) =>
        change(caller, params.shopId, 'connector.put', (tx) => putConnector(tx, params.shopId, body, manage()), {
          platform: body.platform,
          gateway: body.gateway,
          appKey: body.appKey,
          since: body.since ?? null,
        }),
    }),
    route({
      ...ADMIN,
      method: 'POST',
      path: '/v1/admin/shops/:shopId/connector/credentials',
      summary: 'New credentials for a connected shop (a renewed session, a corrected secret)',
      params: shopParams,
      body: credentialsInput,
      response: healthSchema,
      errors: ['CONNECTOR_NOT_FOUND'],
      handle: ({ caller, params, body }) =>
        change(
          caller,
          params.shopId,
          'connector.credentials',
          (tx) => updateCredentials(tx, params.shopId, body, manage(), (sealed) => openSecrets(connectors.key, sealed)),
          { gateway: body.gateway ?? null, appKey: body.appKey ?? null, secretChanged: body.appSecret !== undefined },
        ),
    }),
    ...(['pause', 'resume'] as const).map((action) =>
      route({
        ...ADMIN,
        method: 'POST',
        path: `/v1/admin/shops/:shopId/connector/${action}`,
        summary: action === 'pause' ? 'Stops polling a shop (write-backs still go out)' : 'Polls a paused shop again',
        params: shopParams,
        response: healthSchema,
        errors: ['CONNECTOR_NOT_FOUND'],
        handle: ({ caller, params }) =>
          change(caller, params.shopId, `connector.${action}`, (tx) =>
            setPaused(tx, params.shopId, action === 'pause', deps.clock.now()),
          ),
      }),
    ),
    route({
      ...ADMIN,
      method: 'POST',
      path: '/v1/admin/shops/:shopId/connector/repull',
      summary: 'Reads every order modified since a time again (nothing is taken in twice)',
      params: shopParams,
      body: z.strictObject({ since: z.number().int().min(0) }),
      response: healthSchema,
      errors: ['CONNECTOR_NOT_FOUND'],
      handle: ({ caller, params, body }) =>
        change(
          caller,
          params.shopId,
          'connector.repull',
          (tx) => repullSince(tx, params.shopId, body.since, deps.clock.now()),
          { since: body.since },
        ),
    }),
  ];
};
