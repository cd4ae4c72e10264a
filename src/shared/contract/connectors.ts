import { z } from 'zod';
import { procedure } from './procedure';

/**
 * A shop's connection to its platform as admins see it (the service's GET /v1/connectors and the
 * 管理 screen's health panel). Never the secret or the session: only the app key, in clear, which
 * is what identifies the app on the platform.
 */
export const CONNECTOR_STATES = ['ok', 'failing', 'paused', 'waiting'] as const;
export type ConnectorState = (typeof CONNECTOR_STATES)[number];

const epochMs = z.number().int().min(0);

export const shopHealth = z.strictObject({
  shopId: z.string(),
  shopName: z.string(),
  platform: z.enum(['taobao', 'pdd']),
  gateway: z.string(),
  appKey: z.string(),
  state: z.enum(CONNECTOR_STATES),
  lastPollAt: epochMs.nullable(),
  lastSuccessAt: epochMs.nullable(),
  /** How far behind now the shop's order cursor is (ms): what has not been read yet. */
  lagMs: z.number().int().min(0),
  ordersLastHour: z.number().int().min(0),
  lastError: z.strictObject({ code: z.string(), message: z.string(), at: epochMs }).nullable(),
  consecutiveFailures: z.number().int().min(0),
  deadLetters: z.number().int().min(0),
  nextPollAt: epochMs,
});
export type ShopHealth = z.infer<typeof shopHealth>;

export const CONNECTOR_PLATFORMS = ['taobao', 'pdd'] as const;
const shopId = z.strictObject({ shopId: z.string().min(1).max(64) });

/** What the 管理 screen asks of the service about shops' platform connections (relayed to /v1/admin/connectors…). */
export const connectorProcedures = {
  'connectors.health': procedure({
    input: z.strictObject({}),
    output: z.strictObject({ shops: z.array(shopHealth) }),
    right: 'admin.manage',
  }),
  'connectors.pause': procedure({ input: shopId, output: shopHealth, right: 'admin.manage' }),
  'connectors.resume': procedure({ input: shopId, output: shopHealth, right: 'admin.manage' }),
  'connectors.repull': procedure({
    input: shopId.extend({ since: epochMs }),
    output: shopHealth,
    right: 'admin.manage',
  }),
} as const;
