import { z } from 'zod';
import type { Operation } from '../domain/rights';
import { ROLES } from '../domain/vocabulary';
import { orderDetail, orderListFilter, orderListInput, orderListPage, statusCounts } from './orders';
import type { Result } from './result';
import { intentPayloads } from './sync';

/**
 * The one contract between the renderer and main: every procedure the renderer may call, with
 * its input schema (checked in main), its output schema, and the operation right it needs.
 * Both transports (Electron IPC and the local HTTP bridge) and the renderer's client type are
 * derived from this object; nothing here is written twice.
 */
/** Who may call: anyone (sign-in itself), any signed-in user, or a user whose role has the operation. */
export type Access = 'public' | 'signedIn' | Operation;

interface Procedure<I extends z.ZodType, O extends z.ZodType, R extends Access> {
  input: I;
  output: O;
  right: R;
}
const procedure = <I extends z.ZodType, O extends z.ZodType, R extends Access>(p: Procedure<I, O, R>) => p;

const orderNo = z.string().trim().min(6).max(40);

export const sessionInfo = z.strictObject({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  scope: z.strictObject({
    all: z.boolean(),
    warehouseIds: z.array(z.string()),
    storeIds: z.array(z.string()),
    dealerIds: z.array(z.string()),
  }),
  deviceId: z.string(),
  demo: z.boolean(),
  /** Signed in against the local copy because the order service could not be reached. */
  offline: z.boolean(),
});
export type SessionInfo = z.infer<typeof sessionInfo>;

export const syncStatus = z.strictObject({
  online: z.boolean(),
  syncing: z.boolean(),
  queued: z.number().int(),
  exceptions: z.number().int(),
  lastSyncAt: z.number().int().nullable(),
  lastError: z.strictObject({ code: z.string(), message: z.string() }).nullable(),
  /** The service no longer accepts this sign-in: local work continues, sync waits for a new sign-in. */
  needsSignIn: z.boolean(),
});
export type SyncStatus = z.infer<typeof syncStatus>;

const codeInput = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{4,12}$/),
  storeId: z.string().min(1).max(64),
});

/** What a code buys, shown to the clerk before they confirm. */
export const redemptionPreview = z.strictObject({
  orderNo: z.string(),
  merchantName: z.string(),
  items: z.array(z.strictObject({ name: z.string(), spec: z.string(), quantity: z.number().int() })),
  buyerName: z.string(),
  buyerPhone: z.string(),
  payable: z.number().int(),
  validFrom: z.number().int(),
  validTo: z.number().int(),
  usesLeft: z.number().int(),
  usesTotal: z.number().int(),
});
export type RedemptionPreview = z.infer<typeof redemptionPreview>;

export const redemptionOutcome = z.strictObject({
  /** confirmed by the service; provisional while it cannot be reached; rejected (another desk was first, …). */
  outcome: z.enum(['confirmed', 'provisional', 'rejected']),
  orderNo: z.string(),
  redemptionId: z.string(),
  reason: z.string().nullable(),
  conflict: z.strictObject({ redeemedBy: z.string(), storeId: z.string(), redeemedAt: z.number().int() }).nullable(),
});
export type RedemptionOutcome = z.infer<typeof redemptionOutcome>;

export const exceptionItem = z.strictObject({
  id: z.string(),
  type: z.string(),
  orderNo: z.string().nullable(),
  payload: z.unknown(),
  triedAt: z.number().int(),
  code: z.string().nullable(),
  message: z.string().nullable(),
  answer: z.unknown(),
});
export type ExceptionItem = z.infer<typeof exceptionItem>;

export const procedures = {
  'session.current': procedure({ input: z.strictObject({}), output: sessionInfo.nullable(), right: 'public' }),
  'session.signIn': procedure({
    input: z.strictObject({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(200) }),
    output: sessionInfo,
    right: 'public',
  }),
  'session.signOut': procedure({ input: z.strictObject({}), output: z.strictObject({}), right: 'signedIn' }),
  'sync.status': procedure({ input: z.strictObject({}), output: syncStatus, right: 'signedIn' }),
  'sync.now': procedure({ input: z.strictObject({}), output: syncStatus, right: 'signedIn' }),
  'orders.list': procedure({ input: orderListInput, output: orderListPage, right: 'orders.read' }),
  'orders.counts': procedure({
    input: z.strictObject({ filter: orderListFilter.default({}) }),
    output: statusCounts,
    right: 'orders.read',
  }),
  'orders.detail': procedure({ input: z.strictObject({ orderNo }), output: orderDetail, right: 'orders.read' }),
  // Local actions: applied at once on this device, queued for the order service (the same payloads as the intents).
  'orders.ship': procedure({ input: intentPayloads.SHIP, output: orderDetail, right: 'orders.ship' }),
  'orders.lock': procedure({ input: intentPayloads.LOCK, output: orderDetail, right: 'orders.lock' }),
  'orders.unlock': procedure({ input: intentPayloads.UNLOCK, output: orderDetail, right: 'orders.lock' }),
  'orders.note': procedure({ input: intentPayloads.NOTE, output: orderDetail, right: 'orders.note' }),
  'orders.cancel': procedure({ input: intentPayloads.CANCEL, output: orderDetail, right: 'orders.cancel' }),
  'redemption.verify': procedure({ input: codeInput, output: redemptionPreview, right: 'redemption.verify' }),
  'redemption.redeem': procedure({ input: codeInput, output: redemptionOutcome, right: 'redemption.redeem' }),
  'exceptions.list': procedure({ input: z.strictObject({}), output: z.array(exceptionItem), right: 'signedIn' }),
  'exceptions.dismiss': procedure({
    input: z.strictObject({ id: z.uuid(), reason: z.string().trim().min(1).max(200) }),
    output: z.strictObject({}),
    right: 'exceptions.resolve',
  }),
  'exceptions.retry': procedure({
    input: z.strictObject({ id: z.uuid() }),
    output: z.strictObject({ id: z.string() }),
    right: 'exceptions.resolve',
  }),
} as const;

export type Procedures = typeof procedures;
export type ProcedureName = keyof Procedures;
export const PROCEDURE_NAMES = Object.keys(procedures) as ProcedureName[];
export const isProcedureName = (name: unknown): name is ProcedureName =>
  typeof name === 'string' && Object.hasOwn(procedures, name);

export type InputOf<K extends ProcedureName> = z.input<Procedures[K]['input']>;
export type ParsedInputOf<K extends ProcedureName> = z.output<Procedures[K]['input']>;
export type OutputOf<K extends ProcedureName> = z.output<Procedures[K]['output']>;
export type PublicProcedureName = {
  [K in ProcedureName]: Procedures[K]['right'] extends 'public' ? K : never;
}[ProcedureName];

/** Events main pushes to the renderer. */
export const events = {
  'orders.changed': z.strictObject({ orderNos: z.array(z.string()), reason: z.string() }),
  'sync.status': syncStatus,
  'session.changed': sessionInfo.nullable(),
} as const;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<K extends EventName> = z.output<Events[K]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];
export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && Object.hasOwn(events, name);

/** What the renderer sees: one async function per procedure, typed from the contract. */
export type ApiClient = {
  [K in ProcedureName]: (input: InputOf<K>) => Promise<Result<OutputOf<K>>>;
};

/** The narrow bridge the preload exposes as window.api (and the HTTP transport imitates). */
export interface Bridge {
  invoke(procedure: string, input: unknown): Promise<unknown>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}
