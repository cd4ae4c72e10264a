import type { OutboundState } from '../storage/repositories';
import { actorLabel, type Caller } from '../auth/caller';
import type { Deps } from '../deps';
import { ApiError } from '../http/errors';
import { audit } from './audit';

/** The outbound queue as an admin sees it: newest first, with the counts per state. */
export const outboundEvents = (
  deps: Deps,
  filter: { state: OutboundState | null; shopId: string | null; beforeId: number | null; limit: number },
) =>
  deps.store.unit(async (tx) => ({
    events: (await tx.outbound.list(filter)).map(({ body: _body, ...event }) => event),
    counts: await tx.outbound.counts(),
  }));

/** A dead letter goes back on the queue with a fresh count of attempts (the same event id). */
export async function replay(deps: Deps, caller: Caller, id: number) {
  await deps.store.unit(async (tx) => {
    const event = await tx.outbound.get(id);
    if (!event) throw new ApiError('NOT_FOUND', `No outbound event ${id}`);
    if (!(await tx.outbound.replay(id, deps.clock.now())))
      throw new ApiError('NOT_DEAD', `Event ${id} is ${event.state}: only a dead letter is replayed`);
    await audit(tx, { actor: actorLabel(caller), now: deps.clock.now() }, 'outbound.replay', `shop:${event.shopId}`, {
      id,
      eventId: event.eventId,
      type: event.type,
      orderNo: event.orderNo,
    });
  });
  return outboundEvents(deps, { state: null, shopId: null, beforeId: id + 1, limit: 1 });
}
