import type { OrderRecord } from '../../shared/contract/records';
import {
  parseIntent,
  type Intent,
  type IntentResult,
  type IntentType,
  type PushResponse,
} from '../../shared/contract/sync';
import { can } from '../../shared/domain/rights';
import { actorLabel, type Caller } from '../auth/caller';
import { deviceLabel } from '../auth/devices';
import type { Deps } from '../deps';
import { ApiError } from '../http/errors';
import { findOrder } from '../orders/persist';
import { recordScope, sees } from '../orders/scope';
import type { IntentRow, Tx } from '../storage/repositories';
import type { IntentContext, IntentHandler } from './handler';
import { INTENT_HANDLERS } from './handlers';
import { invalidFields } from './invalid';

export interface PushRequest {
  deviceId: string;
  intents: unknown[];
}

/** The current order for a result, when the caller may see it: a rejection is shown against the truth. */
async function currentOrder(tx: Tx, caller: Caller, orderNo: string | null): Promise<OrderRecord | undefined> {
  if (!orderNo) return undefined;
  const found = (await findOrder(tx, orderNo, caller.scope)) ?? undefined;
  if (found) return found.state.record;
  // A dealer order is known by its parent number; its first child stands for it.
  const [child] = await tx.orders.childrenOf(orderNo);
  return child && sees(caller.scope, child) ? (JSON.parse(child.json) as OrderRecord) : undefined;
}

const withOrder = (result: IntentResult, order: OrderRecord | undefined): IntentResult =>
  order ? { ...result, order } : result;

/** A retried intent: applied once already (duplicate), or refused the same way again. */
async function replay(tx: Tx, caller: Caller, prior: IntentRow): Promise<IntentResult> {
  if (prior.userId !== caller.userId) {
    return {
      id: prior.id,
      status: 'rejected',
      code: 'INTENT_ID_TAKEN',
      message: 'This intent id was used by someone else',
    };
  }
  const order = await currentOrder(tx, caller, prior.orderNo);
  if (prior.status === 'applied') return withOrder({ id: prior.id, status: 'duplicate' }, order);
  return withOrder(
    {
      id: prior.id,
      status: 'rejected',
      ...(prior.code ? { code: prior.code } : {}),
      ...(prior.message ? { message: prior.message } : {}),
      ...(prior.fieldErrors ? { fieldErrors: prior.fieldErrors } : {}),
      ...(prior.conflict ? { conflict: prior.conflict } : {}),
    },
    order,
  );
}

/**
 * Re-executes one intent against the service's own state. Its outcome is written in the same unit
 * as its effects (or, when refused, after its effects were undone), so it can never apply twice.
 * Passing refusals (a rate limit) are not remembered: a later retry may succeed.
 */
async function execute(ctx: Omit<IntentContext, 'intentId'>, intent: Intent): Promise<IntentResult> {
  const { tx, caller } = ctx;
  const prior = await tx.intents.get(intent.id);
  if (prior) return replay(tx, caller, prior);

  const handler = INTENT_HANDLERS[intent.type] as IntentHandler<IntentType>;
  const payload = intent.payload as never;
  const ictx: IntentContext = { ...ctx, intentId: intent.id };
  const row: IntentRow = {
    id: intent.id,
    userId: caller.userId,
    deviceId: ctx.deviceId,
    deviceSeq: intent.seq,
    type: intent.type,
    orderNo: handler.orderNoOf(payload),
    status: 'applied',
    code: null,
    message: null,
    fieldErrors: null,
    conflict: null,
    clientTime: intent.clientTime,
    receivedAt: ctx.now,
  };
  try {
    if (!can(caller.role, handler.right)) {
      throw new ApiError('FORBIDDEN_ROLE', `A ${caller.role} may not ${intent.type}`);
    }
    const order = await tx.attempt(() => handler.run(ictx, payload));
    await tx.intents.insert({ ...row, orderNo: order.orderNo });
    return withOrder({ id: intent.id, status: 'applied' }, sees(caller.scope, recordScope(order)) ? order : undefined);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const refusedOrderNo = (await handler.afterRefusal?.(ictx, payload, error)) ?? row.orderNo;
    const { fieldErrors, conflict } = error.details;
    const result: IntentResult = {
      id: intent.id,
      status: 'rejected',
      code: error.code,
      message: error.message,
      ...(fieldErrors ? { fieldErrors } : {}),
      ...(conflict ? { conflict } : {}),
    };
    if (!error.transient) {
      await tx.intents.insert({
        ...row,
        orderNo: refusedOrderNo,
        status: 'rejected',
        code: error.code,
        message: error.message,
        fieldErrors: fieldErrors ?? null,
        conflict: conflict ?? null,
      });
    }
    return withOrder(result, await currentOrder(tx, caller, refusedOrderNo));
  }
}

/**
 * A batch of intents from one registered device. Each is parsed on its own, so a malformed one is
 * answered and the rest still apply; valid ones run in the device's sequence order; the answers
 * come back in the order the intents were sent.
 */
export async function push(deps: Deps, caller: Caller, request: PushRequest): Promise<PushResponse> {
  const parsed = request.intents.map((raw) => ({ raw, parsed: parseIntent(raw) }));
  return deps.store.unit(async (tx) => {
    const device = await tx.devices.byId(request.deviceId);
    if (!device)
      throw new ApiError('DEVICE_NOT_REGISTERED', 'Register this device before pushing (POST /v1/devices/register)');
    const ctx: Omit<IntentContext, 'intentId'> = {
      tx,
      now: deps.clock.now(),
      config: deps.config,
      actor: actorLabel(caller),
      device: deviceLabel(device.deviceCode),
      deps,
      caller,
      deviceId: device.deviceId,
      deviceCode: device.deviceCode,
      deviceLastSync: await tx.deviceSync.last(device.deviceId),
      codeIssued: () => deps.codeVerifiers.kick(),
    };
    const results: IntentResult[] = parsed.map(({ raw, parsed: p }) => {
      if (p.ok) return { id: p.intent.id, status: 'rejected' };
      const { fieldErrors, message } = invalidFields(raw);
      return { id: p.id ?? '', status: 'rejected', code: p.code, message, fieldErrors };
    });
    const runnable = parsed
      .map(({ parsed: p }, index) => (p.ok ? { intent: p.intent, index } : null))
      .filter((r): r is { intent: Intent; index: number } => r !== null)
      .sort((a, b) => a.intent.seq - b.intent.seq || a.index - b.index);
    // Everything this batch will change, locked up front in one global order: pushes from many
    // desks on the same hot orders then queue for each other instead of deadlocking (PostgreSQL).
    await tx.intents.claimAll(runnable.map(({ intent }) => intent.id));
    await tx.orders.lockAll(
      runnable
        .map(({ intent }) =>
          (INTENT_HANDLERS[intent.type] as IntentHandler<IntentType>).orderNoOf(intent.payload as never),
        )
        .filter((orderNo): orderNo is string => orderNo !== null),
    );
    for (const { intent, index } of runnable) results[index] = await execute(ctx, intent);
    return { results };
  });
}
