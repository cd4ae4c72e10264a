import type { OrderDetail } from '../../shared/contract/orders';
import { remainingToShip } from '../../shared/domain/order-facts';

export interface SlipLine {
  lineNo: number;
  sku: string;
  name: string;
  spec: string;
  quantity: number;
}

/** One box: a parcel already handed to a carrier, or what still waits to be packed (carrier null). */
export interface SlipParcel {
  carrier: string | null;
  trackingNo: string | null;
  lines: SlipLine[];
}

export interface SlipContents {
  parcels: SlipParcel[];
  pieces: number;
  /** The seller's notes, oldest first (NOTE entries of the timeline). */
  sellerNotes: string[];
}

/**
 * What goes in the box(es) of one order. An order with waybills lists each parcel's own lines, so
 * the packer puts the right slip section in each box; units not yet in a parcel follow as one more
 * group. Refunded units are left out: they are not to be sent.
 */
export function slipContents(order: OrderDetail): SlipContents {
  const byLineNo = new Map(order.lines.map((l) => [l.lineNo, l]));
  const lineOf = (lineNo: number, quantity: number): SlipLine[] => {
    const line = byLineNo.get(lineNo);
    return line ? [{ lineNo, sku: line.sku, name: line.name, spec: line.spec, quantity }] : [];
  };
  const parcels: SlipParcel[] = order.waybills.map((w) => ({
    carrier: w.carrier,
    trackingNo: w.trackingNo,
    lines: w.lines.flatMap((l) => lineOf(l.lineNo, l.quantity)),
  }));
  const owed = order.lines.flatMap((l) => (remainingToShip(l) > 0 ? lineOf(l.lineNo, remainingToShip(l)) : []));
  if (owed.length > 0) parcels.push({ carrier: null, trackingNo: null, lines: owed });
  return {
    parcels,
    pieces: parcels.reduce((n, p) => n + p.lines.reduce((k, l) => k + l.quantity, 0), 0),
    sellerNotes: order.timeline.filter((t) => t.action === 'NOTE').map((t) => t.detail),
  };
}
