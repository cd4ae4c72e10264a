import { z } from 'zod';
import type { Operation } from '../domain/rights';
import { ROLES } from '../domain/vocabulary';
import { orderDetail, orderListFilter, orderListInput, orderListPage, statusCounts } from './orders';
import type { Result } from './result';

/**
 * The one contract between the renderer and main: every procedure the renderer may call, with
 * its input schema (checked in main), its output schema, and the operation right it needs.
 * Both transports (Electron IPC and the local HTTP bridge) and the renderer's client type are
 * derived from this object; nothing here is written twice.
 */
interface Procedure<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  /** null: any signed-in user may call it. */
  right: Operation | null;
}
const procedure = <I extends z.ZodType, O extends z.ZodType>(p: Procedure<I, O>) => p;

const orderNo = z.string().trim().min(6).max(40);

export const sessionInfo = z.strictObject({
  userId: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  deviceId: z.string(),
  demo: z.boolean(),
});
export type SessionInfo = z.infer<typeof sessionInfo>;

export const procedures = {
  'session.current': procedure({ input: z.strictObject({}), output: sessionInfo, right: null }),
  'orders.list': procedure({ input: orderListInput, output: orderListPage, right: 'orders.read' }),
  'orders.counts': procedure({
    input: z.strictObject({ filter: orderListFilter.default({}) }),
    output: statusCounts,
    right: 'orders.read',
  }),
  'orders.detail': procedure({ input: z.strictObject({ orderNo }), output: orderDetail, right: 'orders.read' }),
  'demo.load': procedure({
    input: z.strictObject({
      count: z.number().int().min(1).max(1_000_000),
      seed: z
        .number()
        .int()
        .min(0)
        .max(2 ** 31)
        .default(1),
    }),
    output: z.strictObject({ loaded: z.number().int() }),
    right: 'demo.load',
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

/** Events main pushes to the renderer. */
export const events = {
  'orders.changed': z.strictObject({ orderNos: z.array(z.string()), reason: z.string() }),
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
