import type { VerifyState } from '../../shared/contract/floor';
import type { OrderDetail } from '../../shared/contract/orders';
import type { LineQuantity } from '../../shared/domain/line-request';
import { decide } from '../../shared/domain/order-machine';
import { owedUnits } from '../../shared/domain/shipments';
import { fullyVerified, type VerifyLine } from '../../shared/domain/verification';
import { factsOf, orderStateOf } from '../../shared/intents/state';
import type { CallContext } from '../ipc/dispatcher';
import { requiresVerification } from './item-codes';
import { mergeMembers } from './merge-members';
import { verifyLinesOf } from './verification';

/** A line as the station counts it: whose order it is, and how much of it goes into this parcel. */
export type StationLine = VerifyLine & { orderNo: string };

/**
 * What one parcel at the station holds: the opened order's next split part (拆单), every order of
 * its merge (合单), or simply all it still owes. Scans count against exactly this, so a unit of
 * another part is "one too many" here.
 */
export interface Station {
  orders: OrderDetail[];
  part: { index: number; of: number } | null;
  lines: StationLine[];
}

/** The first split part still unshipped with something owed, and what of it is still owed. */
function nextPart(order: OrderDetail): { index: number; of: number; lines: LineQuantity[] } | null {
  if (!order.split) return null;
  const owed = new Map(owedUnits(order.lines).map((l) => [l.lineNo, l.quantity]));
  for (const [index, part] of order.split.parts.entries()) {
    if (part.waybillId !== null) continue;
    const lines = part.lines
      .map((l) => ({ lineNo: l.lineNo, quantity: Math.min(l.quantity, owed.get(l.lineNo) ?? 0) }))
      .filter((l) => l.quantity > 0);
    if (lines.length > 0) return { index, of: order.split.parts.length, lines };
  }
  return null;
}

export function stationOf(ctx: CallContext, order: OrderDetail): Station {
  const members = order.merge ? mergeMembers(ctx, order.merge.id) : [];
  const orders = members.length > 0 ? members : [order];
  const part = orders.length === 1 ? nextPart(order) : null;
  const inPart = part && new Map(part.lines.map((l) => [l.lineNo, l.quantity]));
  const lines = orders.flatMap((o) =>
    verifyLinesOf(ctx.db, o).map((line) => {
      const owed = inPart ? (inPart.get(line.lineNo) ?? 0) : line.owed;
      return { ...line, orderNo: o.orderNo, owed, verified: Math.min(line.verified, owed) };
    }),
  );
  return { orders, part: part && { index: part.index, of: part.of }, lines };
}

/** The station's view: lines named, the policy, whether every unit of the parcel was scanned, what blocks it. */
export function stationState(ctx: CallContext, opened: OrderDetail, station = stationOf(ctx, opened)): VerifyState {
  const blocked = station.orders
    .map((o) => {
      const { pendingSync: _pending, ...record } = o;
      const owed = owedUnits(o.lines);
      return decide(factsOf(orderStateOf(record)), { type: 'SHIP', lines: owed });
    })
    .find((d) => !d.ok);
  const names = new Map(station.orders.flatMap((o) => o.lines.map((l) => [`${o.orderNo}#${l.lineNo}`, l])));
  return {
    orderNo: opened.orderNo,
    status: opened.status,
    warehouseId: opened.warehouseId,
    receiverName: opened.receiver?.name ?? '',
    requireVerification: requiresVerification(ctx.db, opened.warehouseId),
    complete: fullyVerified(station.lines),
    blockedBy: blocked && !blocked.ok ? blocked.code : null,
    part: station.part && { no: station.part.index + 1, of: station.part.of },
    mergedWith: station.orders.filter((o) => o.orderNo !== opened.orderNo).map((o) => o.orderNo),
    lines: station.lines
      .filter((line) => line.owed > 0 || station.part === null)
      .map((line) => {
        const source = names.get(`${line.orderNo}#${line.lineNo}`)!;
        return { ...line, name: source.name, spec: source.spec };
      }),
  };
}
