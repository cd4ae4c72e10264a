import type { OrderDetail } from '../../shared/contract/orders';
import type { IntentPayload } from '../../shared/contract/sync';
import { remainingToShip } from '../../shared/domain/order-machine';
import type { VerifyLine } from '../../shared/domain/verification';
import type { Db } from '../db/connection';
import { barcodesOf } from './item-codes';

/** The lines of an order as the station checks them: owed units and this desk's scans so far. */
export function verifyLinesOf(db: Db, order: OrderDetail): VerifyLine[] {
  const scanned = new Map(
    (
      db
        .prepare('SELECT line_no AS lineNo, verified FROM verification_progress WHERE order_no = ?')
        .all(order.orderNo) as Array<{
        lineNo: number;
        verified: number;
      }>
    ).map((r) => [r.lineNo, r.verified]),
  );
  const barcodes = barcodesOf(
    db,
    order.lines.map((l) => l.sku),
  );
  return order.lines.map((line) => {
    const owed = remainingToShip(line);
    return {
      lineNo: line.lineNo,
      sku: line.sku,
      barcode: barcodes.get(line.sku) ?? null,
      owed,
      verified: Math.min(scanned.get(line.lineNo) ?? 0, owed),
    };
  });
}

export function saveProgress(db: Db, orderNo: string, lines: readonly VerifyLine[], now: number): void {
  const put = db.prepare(
    'INSERT OR REPLACE INTO verification_progress (order_no, line_no, verified, updated_at) VALUES (?, ?, ?, ?)',
  );
  const drop = db.prepare('DELETE FROM verification_progress WHERE order_no = ? AND line_no = ?');
  for (const line of lines) {
    if (line.verified > 0) put.run(orderNo, line.lineNo, line.verified, now);
    else drop.run(orderNo, line.lineNo);
  }
}

/** One line's count of scanned units, as the station just counted it. */
export function saveLineProgress(db: Db, orderNo: string, lineNo: number, verified: number, now: number): void {
  db.prepare(
    'INSERT OR REPLACE INTO verification_progress (order_no, line_no, verified, updated_at) VALUES (?, ?, ?, ?)',
  ).run(orderNo, lineNo, verified, now);
}

export const clearProgress = (db: Db, orderNo: string): void => {
  db.prepare('DELETE FROM verification_progress WHERE order_no = ?').run(orderNo);
};

/** Units that left in a shipment were verified for it: they no longer count for the next parcel. */
export function takeShippedUnits(db: Db, order: OrderDetail, payload: IntentPayload<'SHIP'>, now: number): void {
  const shipped = new Map<number, number>();
  for (const parcel of payload.parcels)
    for (const { lineNo, quantity } of parcel.lines) shipped.set(lineNo, (shipped.get(lineNo) ?? 0) + quantity);
  const lines = verifyLinesOf(db, order).map((line) => ({
    ...line,
    verified: Math.max(0, line.verified - (shipped.get(line.lineNo) ?? 0)),
  }));
  saveProgress(db, order.orderNo, lines, now);
}
