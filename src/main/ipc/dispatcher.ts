import type { z } from 'zod';
import {
  isProcedureName,
  procedures,
  type OutputOf,
  type ParsedInputOf,
  type ProcedureName,
  type Procedures,
} from '../../shared/contract/api';
import { fail, ok, type ApiIssue, type Result } from '../../shared/contract/result';
import { can } from '../../shared/domain/rights';
import type { SyncStatus } from '../../shared/contract/api';
import type { Db } from '../db/connection';
import type { Session } from '../session/session';
import type { SyncContext } from '../sync/local-effects';
import type { ServiceClient } from '../sync/service-client';
import { ApiFailure } from './failure';

/** What the door needs of a caller: whose session it is (rights are its role's). */
export interface Caller {
  session: Session;
}

/** The signed-in user's world: their session, their own local store, and how their changes are stamped. */
export interface CallContext extends Caller {
  db: Db;
  /** Who and where, as the order's timeline records it; now by the device's clock; the code seal. */
  stamp(): SyncContext;
  /** One sync round now, for an action whose answer the user waits for (a redemption). */
  sync(): Promise<SyncStatus>;
  /** A local change was queued: the sync engine should try to send it. */
  changed(orderNos: string[]): void;
  /** The order service as this user, for the few reads that need its whole view (a store's shift). */
  service: ServiceClient;
}

type ContextFor<K extends ProcedureName, C> = Procedures[K]['right'] extends 'public' ? C | null : C;

/** Every procedure's handler, given callers of context C. */
export type HandlersOf<C extends Caller> = {
  [K in ProcedureName]: (ctx: ContextFor<K, C>, input: ParsedInputOf<K>) => OutputOf<K> | Promise<OutputOf<K>>;
};

export type Handlers = HandlersOf<CallContext>;

export type Dispatch = (procedure: unknown, input: unknown) => Promise<Result<unknown>>;

/** Some of the handlers: what a reader thread serves (the writer's map is whole, `Handlers`). */
export type HandlerMap = Partial<Handlers>;

const issuesOf = (error: z.ZodError): ApiIssue[] =>
  error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));

/**
 * The single door into main for both transports: it names the procedure, checks the caller may
 * call it, validates the input against the contract, and turns every outcome into a Result.
 * A handler never sees unvalidated input, so a malformed call cannot change anything. The context
 * is whatever the handlers need of a caller: the signed-in user's world (CallContext) on the
 * backend threads, the session alone where main's thread answers a call itself.
 */
export function createDispatcher<C extends Caller = CallContext>(
  handlers: Partial<HandlersOf<C>>,
  currentContext: () => C | null,
  onUnexpected: (procedure: string, error: unknown) => void = () => undefined,
): Dispatch {
  return async (name, rawInput) => {
    if (!isProcedureName(name) || !handlers[name]) {
      return fail('UNKNOWN_PROCEDURE', `Unknown procedure: ${String(name)}`);
    }
    const spec = procedures[name];
    const ctx = currentContext();
    if (spec.right !== 'public') {
      if (!ctx) return fail('UNAUTHENTICATED', 'Sign in first');
      if (spec.right !== 'signedIn' && !can(ctx.session.role, spec.right)) {
        return fail('FORBIDDEN_ROLE', `Role ${ctx.session.role} may not ${spec.right}`);
      }
    }
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) return fail('VALIDATION_FAILED', 'Invalid input', issuesOf(parsed.error));
    try {
      const handler = handlers[name] as (ctx: C | null, input: unknown) => unknown;
      return ok(await handler(ctx, parsed.data));
    } catch (error) {
      if (!(error instanceof ApiFailure)) onUnexpected(name, error);
      return failureOf(error);
    }
  };
}

function failureOf(error: unknown): Result<never> {
  if (error instanceof ApiFailure) {
    const failed = fail(error.code, error.message);
    if (failed.ok || !error.reason) return failed;
    const params = error.params ? { params: error.params } : {};
    return { ok: false, error: { ...failed.error, reason: error.reason, ...params } };
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'BAD_CURSOR') return fail('BAD_CURSOR', 'The page cursor is not valid; start from the first page');
  console.error('[dispatcher] unexpected failure', error);
  return fail('INTERNAL', 'Something went wrong in the app; the action was not applied');
}
