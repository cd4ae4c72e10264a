import { z } from 'zod';
import { ApiError } from '../http/errors';
import type { ShopChannel } from '../../shared/domain/shops';
import type { ConnectorRow } from '../storage/connectors';
import type { Tx } from '../storage/repositories';
import { CONNECTOR_PLATFORMS } from './platform';
import { sealSecrets } from './shop-secrets';

/**
 * Connecting a shop to its platform and steering the connection: the same functions serve the
 * CLI (`npm run server -- shops …`) and the admin API. The shop itself is intake's (shops/);
 * these add its platform credentials, cursor and health.
 */

const gatewayUrl = z
  .string()
  .trim()
  .max(500)
  .refine((text) => {
    try {
      const url = new URL(text);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'an http(s) URL');

export const connectorInput = z.strictObject({
  platform: z.enum(CONNECTOR_PLATFORMS),
  gateway: gatewayUrl,
  appKey: z.string().trim().min(1).max(100),
  appSecret: z.string().min(1).max(200),
  session: z.string().min(1).max(500),
  /** Read orders modified since then (epoch ms); default: the configured look-back. */
  since: z.number().int().min(0).optional(),
});
export type ConnectorInput = z.input<typeof connectorInput>;

export const credentialsInput = connectorInput
  .pick({ gateway: true, appKey: true, appSecret: true, session: true })
  .partial();

/** The shop channel each platform's shops sell on. */
const PLATFORM_CHANNEL: Record<(typeof CONNECTOR_PLATFORMS)[number], ShopChannel> = { taobao: 'TAOBAO', pdd: 'PDD' };

export interface ManageDeps {
  key: Buffer;
  now: number;
  initialLookbackMs: number;
}

/** Connects (or reconnects, keeping its cursor) a shop; it is polled at once. */
export async function putConnector(
  tx: Tx,
  shopId: string,
  input: z.output<typeof connectorInput>,
  deps: ManageDeps,
): Promise<ConnectorRow> {
  const shop = await tx.shops.get(shopId);
  if (!shop) throw new ApiError('SHOP_NOT_FOUND', `No shop ${shopId}`);
  if (shop.channel !== PLATFORM_CHANNEL[input.platform])
    throw new ApiError('VALIDATION_FAILED', `Shop ${shopId} sells on ${shop.channel}, not on ${input.platform}`);
  const previous = await tx.connectors.get(shopId);
  const start = input.since ?? previous?.ordersCursor ?? deps.now - deps.initialLookbackMs;
  const row: ConnectorRow = {
    shopId,
    platform: input.platform,
    gateway: input.gateway,
    appKey: input.appKey,
    sealedSecrets: sealSecrets(deps.key, { appSecret: input.appSecret, session: input.session }),
    paused: previous?.paused ?? false,
    ordersCursor: start,
    refundsCursor: input.since ?? previous?.refundsCursor ?? start,
    nextPollAt: deps.now,
    lastPollAt: previous?.lastPollAt ?? null,
    lastSuccessAt: previous?.lastSuccessAt ?? null,
    lastErrorCode: previous?.lastErrorCode ?? null,
    lastErrorMessage: previous?.lastErrorMessage ?? null,
    lastErrorAt: previous?.lastErrorAt ?? null,
    failures: 0,
    createdAt: previous?.createdAt ?? deps.now,
    updatedAt: deps.now,
  };
  await tx.connectors.put(row);
  return row;
}

export async function requireConnector(tx: Tx, shopId: string): Promise<ConnectorRow> {
  const row = await tx.connectors.get(shopId);
  if (!row) throw new ApiError('CONNECTOR_NOT_FOUND', `Shop ${shopId} is not connected to a platform`);
  return row;
}

/** New credentials (a renewed session, a corrected secret): polled again at once. */
export async function updateCredentials(
  tx: Tx,
  shopId: string,
  input: z.output<typeof credentialsInput>,
  deps: ManageDeps,
  open: (sealed: string) => { appSecret: string; session: string } | null,
): Promise<ConnectorRow> {
  const row = await requireConnector(tx, shopId);
  const current = open(row.sealedSecrets) ?? { appSecret: '', session: '' };
  const next: ConnectorRow = {
    ...row,
    gateway: input.gateway ?? row.gateway,
    appKey: input.appKey ?? row.appKey,
    sealedSecrets: sealSecrets(deps.key, {
      appSecret: input.appSecret ?? current.appSecret,
      session: input.session ?? current.session,
    }),
    failures: 0,
    nextPollAt: deps.now,
    updatedAt: deps.now,
  };
  await tx.connectors.put(next);
  return next;
}

export async function setPaused(tx: Tx, shopId: string, paused: boolean, now: number): Promise<ConnectorRow> {
  const row = await requireConnector(tx, shopId);
  const next = { ...row, paused, nextPollAt: now, updatedAt: now };
  await tx.connectors.put(next);
  return next;
}

/**
 * Reads everything modified since `since` again, at once. Intake takes a known version as
 * unchanged, so a re-pull adds nothing twice: it fills what a fixed problem made the poll skip.
 */
export async function repullSince(tx: Tx, shopId: string, since: number, now: number): Promise<ConnectorRow> {
  const row = await requireConnector(tx, shopId);
  if (since > now) throw new ApiError('VALIDATION_FAILED', 'A re-pull starts in the past');
  const next = { ...row, ordersCursor: since, refundsCursor: since, failures: 0, nextPollAt: now, updatedAt: now };
  await tx.connectors.put(next);
  return next;
}
