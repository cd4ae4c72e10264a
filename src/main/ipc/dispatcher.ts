import type { z } from 'zod';
import {
  isProcedureName,
  procedures,
  type OutputOf,
  type ParsedInputOf,
  type ProcedureName,
} from '../../shared/contract/api';
import { fail, ok, type ApiIssue, type Result } from '../../shared/contract/result';
import { can } from '../../shared/domain/rights';
import type { Session } from '../session/session';
import { ApiFailure } from './failure';

export interface CallContext {
  session: Session;
}

export type Handlers = {
  [K in ProcedureName]: (ctx: CallContext, input: ParsedInputOf<K>) => OutputOf<K> | Promise<OutputOf<K>>;
};

export type Dispatch = (procedure: unknown, input: unknown) => Promise<Result<unknown>>;

const issuesOf = (error: z.ZodError): ApiIssue[] =>
  error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));

/**
 * The single door into main for both transports: it names the procedure, validates the input
 * against the contract, checks the caller's right, and turns every outcome into a Result.
 * A handler never sees unvalidated input, so a malformed call cannot change anything.
 */
export function createDispatcher(handlers: Handlers, currentSession: () => Session | null): Dispatch {
  return async (name, rawInput) => {
    if (!isProcedureName(name)) return fail('UNKNOWN_PROCEDURE', `Unknown procedure: ${String(name)}`);
    const session = currentSession();
    if (!session) return fail('UNAUTHENTICATED', 'Sign in first');
    const spec = procedures[name];
    if (spec.right && !can(session.role, spec.right)) {
      return fail('FORBIDDEN_ROLE', `Role ${session.role} may not ${spec.right}`);
    }
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) return fail('VALIDATION_FAILED', 'Invalid input', issuesOf(parsed.error));
    try {
      const handler = handlers[name] as (ctx: CallContext, input: unknown) => unknown;
      return ok(await handler({ session }, parsed.data));
    } catch (error) {
      return failureOf(error);
    }
  };
}

function failureOf(error: unknown): Result<never> {
  if (error instanceof ApiFailure) return fail(error.code, error.message);
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'BAD_CURSOR') return fail('BAD_CURSOR', 'The page cursor is not valid; start from the first page');
  console.error('[dispatcher] unexpected failure', error);
  return fail('INTERNAL', 'Something went wrong in the app; the action was not applied');
}
