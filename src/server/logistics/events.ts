import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { applyTrackingEvents, TRACKING_STATUSES, type TrackingEvent } from '../../shared/intents/tracking';
import type { Deps } from '../deps';
import { ApiError } from '../http/errors';
import { saveOrder } from '../orders/persist';
import { stateOf } from '../orders/state';

/** A push older (or newer) than this is refused: a captured push cannot be replayed later. */
const MAX_SKEW_MS = 5 * 60_000;

export const eventsBody = z.strictObject({
  /** The events as a JSON string, signed as it is: no re-serialisation can break the signature. */
  param: z.string().min(2).max(500_000),
  /** Lower-case hex HMAC-SHA256 of `param`, keyed with the shared secret. */
  sign: z.string().regex(/^[0-9a-f]{64}$/),
});

const eventsParam = z.strictObject({
  sentAt: z.number().int().min(0),
  events: z
    .array(
      z.strictObject({
        carrier: z.string().min(1).max(16),
        trackingNo: z.string().trim().min(1).max(40),
        time: z.number().int().min(0),
        status: z.enum(TRACKING_STATUSES),
        description: z.string().max(200),
        location: z.string().max(60).default(''),
      }),
    )
    .min(1)
    .max(500),
});

export const eventsAnswer = z.strictObject({
  /** Events that changed an order (a repeated one changes nothing). */
  applied: z.number().int(),
  /** Tracking numbers on no order of this service: the aggregator may stop pushing them. */
  unknown: z.array(z.string()),
});

export const signParam = (secret: string, param: string): string =>
  createHmac('sha256', secret).update(param, 'utf8').digest('hex');

function verify(secret: string, body: z.output<typeof eventsBody>, now: number) {
  const expected = Buffer.from(signParam(secret, body.param), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(body.sign, 'hex')))
    throw new ApiError('SIGNATURE_INVALID', 'The sign does not match the param');
  let json: unknown;
  try {
    json = JSON.parse(body.param);
  } catch {
    throw new ApiError('VALIDATION_FAILED', 'param is not JSON');
  }
  const parsed = eventsParam.safeParse(json);
  if (!parsed.success) throw new ApiError('VALIDATION_FAILED', `param: ${parsed.error.issues[0]?.message ?? ''}`);
  if (Math.abs(now - parsed.data.sentAt) > MAX_SKEW_MS)
    throw new ApiError('SIGNATURE_INVALID', 'sentAt is more than 5 minutes away from the service clock');
  return parsed.data.events;
}

/**
 * Carrier events pushed by a tracking aggregator: each finds its order through the tracking number
 * and moves that parcel (in transit, 签收, returned, 拒收); the order is saved under a new sequence
 * so every desk pulls it. One unit for the whole push: applied completely or not at all.
 */
export async function receiveEvents(deps: Deps, body: z.output<typeof eventsBody>) {
  const secret = deps.config.logisticsSecret;
  if (!secret) throw new ApiError('NOT_FOUND', 'No logistics webhook is configured on this service');
  const now = deps.clock.now();
  const events = verify(secret, body, now);
  return deps.store.unit(async (tx) => {
    const byOrder = new Map<string, Array<TrackingEvent & { carrier: string }>>();
    const unknown: string[] = [];
    for (const e of events) {
      const orderNo = await tx.orders.waybillHolder(e.trackingNo);
      if (!orderNo) unknown.push(e.trackingNo);
      else byOrder.set(orderNo, [...(byOrder.get(orderNo) ?? []), e]);
    }
    let applied = 0;
    for (const [orderNo, orderEvents] of byOrder) {
      const row = await tx.orders.get(orderNo);
      if (!row) continue;
      const ctx = { tx, now, config: deps.config, actor: `carrier:${orderEvents[0]!.carrier}`, device: 'logistics' };
      const next = applyTrackingEvents(stateOf(row), orderEvents, ctx);
      if (!next) continue;
      applied += orderEvents.length;
      await saveOrder(ctx, next, row);
    }
    return { applied, unknown: [...new Set(unknown)] };
  });
}
