import { carrierByCode, type CarrierCode } from '../../shared/domain/carriers';
import type { PlatformResult } from './failure';
import type { Platform, PlatformRefund } from './platform';

/**
 * Telling a platform what happened to its order, from the outbound queue: each parcel with its
 * carrier (mapped to the platform's company code) and the platform lines inside, a refund
 * decision on the platform's own refund for those lines. A delivery either succeeds, asks to be
 * retried (throttled, a transient fault), or is refused for good (the queue parks it as dead
 * after its attempts, where an admin sees it and can replay it).
 *
 * A parcel may be told twice (the platform accepted it, the answer was lost, the queue retries).
 * The platform then refuses the second telling; before that refusal counts, the order is read
 * back, and a tracking number the platform already holds means the first telling worked.
 */

export interface ParcelLine {
  lineNo: number;
  quantity: number;
  platformLineId: string | null;
}

export interface ShippedParcel {
  carrier: string;
  trackingNo: string;
  lines: ParcelLine[];
}

export type WriteBack =
  | { kind: 'shipped'; externalOrderNo: string; parcels: ShippedParcel[]; allShipped: boolean }
  | { kind: 'refund'; externalOrderNo: string; agree: boolean; reason: string; lines: ParcelLine[] };

export type Delivery = { ok: true; note: string | null } | { ok: false; retry: boolean; error: string };

const failure = (result: Extract<PlatformResult<unknown>, { ok: false }>): Delivery => ({
  ok: false,
  retry: result.failure.kind === 'throttled' || result.failure.kind === 'transient',
  error: `${result.failure.code}: ${result.failure.message}`,
});

async function alreadyHeld(platform: Platform, externalOrderNo: string, trackingNo: string): Promise<boolean> {
  const read = await platform.order(externalOrderNo);
  return read.ok && read.value.ok && read.value.order.trackingNos.includes(trackingNo);
}

export async function deliverShipped(
  platform: Platform,
  event: Extract<WriteBack, { kind: 'shipped' }>,
): Promise<Delivery> {
  const read = await platform.order(event.externalOrderNo);
  if (!read.ok) return failure(read);
  if (!read.value.ok)
    return { ok: false, retry: false, error: `the platform's order cannot be read: ${read.value.reason}` };
  const order = read.value.order;
  const held = new Set(order.trackingNos);
  const sentLines = new Set(order.lines.filter((l) => l.shipped !== null).map((l) => l.lineId));
  const notes: string[] = [];
  for (const parcel of event.parcels) {
    if (held.has(parcel.trackingNo)) continue;
    const carrier = carrierByCode(parcel.carrier);
    if (!carrier) return { ok: false, retry: false, error: `unknown carrier ${parcel.carrier}` };
    const lineIds = [...new Set(parcel.lines.map((l) => l.platformLineId).filter((id): id is string => id !== null))];
    const fresh = lineIds.filter((id) => !sentLines.has(id));
    const followsAnother = held.size > 0;
    if (platform.name === 'taobao' && followsAnother && fresh.length === 0) {
      // TOP ships by sub-order: a further parcel of lines it already counts as shipped has no
      // method to go to. The parcel stays ours (the desk shows it); the platform keeps the first.
      notes.push(`${parcel.trackingNo}: every line was already shipped on the platform`);
      continue;
    }
    const remaining = order.lines
      .filter((l) => !sentLines.has(l.lineId) && l.refund !== 'REFUNDED')
      .map((l) => l.lineId);
    const sent = await platform.ship(event.externalOrderNo, {
      carrier: carrier.code as CarrierCode,
      trackingNo: parcel.trackingNo,
      lineIds: fresh.length > 0 ? fresh : remaining,
      followsAnother,
      completes: remaining.every((id) => fresh.includes(id)) || fresh.length === 0,
    });
    if (!sent.ok) {
      if (sent.failure.kind === 'refused' && (await alreadyHeld(platform, event.externalOrderNo, parcel.trackingNo))) {
        held.add(parcel.trackingNo);
        continue;
      }
      return failure(sent);
    }
    held.add(parcel.trackingNo);
    for (const id of fresh) sentLines.add(id);
  }
  return { ok: true, note: notes.length > 0 ? notes.join('; ') : null };
}

export async function deliverRefund(
  platform: Platform,
  refunds: readonly PlatformRefund[],
  event: Extract<WriteBack, { kind: 'refund' }>,
): Promise<Delivery> {
  const lineIds = new Set(event.lines.map((l) => l.platformLineId).filter((id) => id !== null));
  const open = refunds.filter((r) => r.open && (lineIds.size === 0 || lineIds.has(r.lineId)));
  if (open.length === 0) {
    // Our decision on a request the platform never had (the buyer asked us, not the platform):
    // nothing to tell it.
    return { ok: true, note: 'no open platform refund for these lines' };
  }
  for (const refund of open) {
    const decided = await platform.decideRefund(
      refund,
      event.agree,
      event.reason || (event.agree ? '同意退款' : '拒绝退款'),
    );
    if (!decided.ok) return failure(decided);
  }
  return { ok: true, note: null };
}
