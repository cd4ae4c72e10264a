import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { redemptionList } from '../../shared/contract/service';
import { normalizeCodeInput } from '../../shared/domain/redemption-code';
import { actorLabel, type Caller } from '../auth/caller';
import { onlineDevice } from '../auth/devices';
import type { Deps } from '../deps';
import { ApiError } from '../http/errors';
import { Answer } from '../http/route';
import type { Tx } from '../storage/repositories';
import { admitCode } from './locate';
import { previewCode, redeemCode, type Preview, type RedeemContext } from './redeem';

/** What a clerk types, scanner or IME ("123 456", full-width digits) normalised to digits. */
const codeText = z
  .string()
  .max(40)
  .transform(normalizeCodeInput)
  .pipe(z.string().regex(/^\d{4,12}$/, 'a code is 4 to 12 digits'));

export const verifyBody = z.strictObject({ code: codeText, storeId: z.string().min(1).max(64) });
export const redeemBody = verifyBody.extend({
  /** The client's id for this attempt: the same id always gets the same answer. */
  requestId: z.uuid(),
});

const conflict = z.strictObject({ redeemedBy: z.string(), storeId: z.string(), redeemedAt: z.number().int() });
export const previewAnswer = z.strictObject({
  code: z.string(),
  orderNo: z.string(),
  merchantName: z.string(),
  status: z.string(),
  lines: z.array(z.strictObject({ name: z.string(), spec: z.string(), quantity: z.number().int() })),
  buyer: z.strictObject({ name: z.string(), phone: z.string() }),
  validFrom: z.number().int(),
  validTo: z.number().int(),
  usesTotal: z.number().int(),
  usesLeft: z.number().int(),
  stores: z.array(z.strictObject({ id: z.string(), name: z.string() })),
  redeemable: z.boolean(),
  refusal: z.string().nullable(),
  lastRedemption: conflict.nullable(),
});
export const redeemAnswer = z.strictObject({
  redemptionId: z.string(),
  orderNo: z.string(),
  usesLeft: z.number().int(),
  redeemedAt: z.number().int(),
  /** The order's status after this use: COMPLETED once no use is left. */
  orderStatus: z.string(),
});

async function context(deps: Deps, tx: Tx, caller: Caller, request: FastifyRequest): Promise<RedeemContext> {
  const device = await onlineDevice(tx, request.headers['x-device-id']);
  return { tx, now: deps.clock.now(), config: deps.config, actor: actorLabel(caller), device, deps, caller };
}

export async function verify(
  deps: Deps,
  caller: Caller,
  body: z.output<typeof verifyBody>,
  request: FastifyRequest,
): Promise<Preview> {
  // Committed before it is answered: the refusal itself changes nothing else.
  const wrong = await deps.store.unit((tx) => admitCode(deps, tx, caller, body.storeId, body.code));
  if (wrong) throw wrong;
  return deps.store.unit(async (tx) =>
    previewCode({ ...(await context(deps, tx, caller, request)), admitted: true }, body.code, body.storeId),
  );
}

/**
 * Redeems online, exactly once per code use and exactly one answer per request id: the answer
 * (success or refusal) is stored with the effect, and a retry with the same id gets it back even
 * if the code changed since. Refusals that pass (rate limits) or are the caller's own business
 * (a store not theirs) are not stored.
 */
export async function redeemOnline(
  deps: Deps,
  caller: Caller,
  body: z.output<typeof redeemBody>,
  request: FastifyRequest,
): Promise<Answer> {
  const fingerprint = `${body.code}|${body.storeId}`;
  // First the answer already given to this request id, or the limiter's judgement of the code
  // (admitCode: a wrong code is counted and its refusal stored here); then, in a unit of its own,
  // the redemption. A duplicate sent meanwhile waits there for this one's answer.
  const early = await deps.store.unit(async (tx) => {
    const prior = await priorAnswer(tx, caller, body.requestId, fingerprint);
    if (prior) return prior;
    const wrong = await admitCode(deps, tx, caller, body.storeId, body.code);
    if (!wrong) return null;
    return remember(
      tx,
      caller,
      body.requestId,
      fingerprint,
      new Answer(wrong.status, wrong.toBody()),
      deps.clock.now(),
    );
  });
  if (early) return early;
  return deps.store.unit(async (tx) => {
    const prior = await priorAnswer(tx, caller, body.requestId, fingerprint);
    if (prior) return prior;
    const ctx: RedeemContext = { ...(await context(deps, tx, caller, request)), admitted: true };
    let answer: Answer;
    try {
      const done = await tx.attempt(() =>
        redeemCode(ctx, { code: body.code, storeId: body.storeId, at: ctx.now, redemptionId: body.requestId }),
      );
      const { order, ...rest } = done;
      // Lean on purpose: the clerk saw the order in the preview, and the stored answer stays small.
      answer = new Answer(200, { ...rest, orderStatus: order.status });
    } catch (error) {
      if (!(error instanceof ApiError) || error.transient || error.code === 'STORE_NOT_IN_SCOPE') throw error;
      answer = new Answer(error.status, error.toBody());
    }
    return remember(tx, caller, body.requestId, fingerprint, answer, ctx.now);
  });
}

/** The answer stored for a request id (locked until the unit ends, on every node), if any. */
async function priorAnswer(tx: Tx, caller: Caller, requestId: string, fingerprint: string): Promise<Answer | null> {
  const prior = await tx.redeemRequests.get(requestId);
  if (!prior) return null;
  if (prior.userId !== caller.userId || prior.fingerprint !== fingerprint) {
    throw new ApiError('REQUEST_ID_REUSED', 'This request id was used for another redemption');
  }
  return new Answer(prior.httpStatus, JSON.parse(prior.body));
}

async function remember(
  tx: Tx,
  caller: Caller,
  requestId: string,
  fingerprint: string,
  answer: Answer,
  now: number,
): Promise<Answer> {
  await tx.redeemRequests.insert({
    requestId,
    userId: caller.userId,
    fingerprint,
    httpStatus: answer.status,
    body: JSON.stringify(answer.body),
    createdAt: now,
  });
  return answer;
}

export const shiftQuery = z.strictObject({
  storeId: z.string().min(1).max(64).optional(),
  from: z.coerce.number().int().min(0).optional().describe('epoch ms, inclusive; default 24 h ago'),
  to: z.coerce.number().int().min(0).optional().describe('epoch ms, exclusive; default now'),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

export const shiftAnswer = redemptionList;

/** A counter's shift close-out: what was redeemed there (and undone, and lost to another desk). */
export async function shiftList(
  deps: Deps,
  caller: Caller,
  q: z.output<typeof shiftQuery>,
): Promise<z.output<typeof shiftAnswer>> {
  if (q.storeId && !caller.scope.all && !caller.scope.storeIds.includes(q.storeId)) {
    throw new ApiError('STORE_NOT_IN_SCOPE', `Store ${q.storeId} is not one of yours`);
  }
  const stores = q.storeId ? [q.storeId] : caller.scope.all ? null : caller.scope.storeIds;
  if (stores?.length === 0) return { redemptions: [] };
  const now = deps.clock.now();
  const rows = await deps.store.unit((tx) =>
    tx.redemptions.list(stores, q.from ?? now - 24 * 3_600_000, q.to ?? now + 1, q.limit),
  );
  return { redemptions: rows.map(({ codeId: _code, ...row }) => row) };
}
