import type Database from 'better-sqlite3';
import type { IntentPayload } from '../../../shared/contract/sync';
import { normalizeTrackingNo } from '../../../shared/domain/carriers';

/** The order (in this desk's copy) a tracking number is already on, if any. */
export function waybillHolder(db: Database.Database, trackingNo: string): string | null {
  const row = db
    .prepare(
      `SELECT o.order_no AS orderNo FROM waybills w JOIN orders o ON o.id = w.order_id
       WHERE w.tracking_no = ? LIMIT 1`,
    )
    .get(normalizeTrackingNo(trackingNo)) as { orderNo: string } | undefined;
  return row?.orderNo ?? null;
}

/** The numbers an intent would put on its order: a shipment's parcels, or an exchange's replacement. */
export function trackingNumbersOf(type: string, payload: unknown): string[] {
  if (type === 'SHIP') return (payload as IntentPayload<'SHIP'>).parcels.map((p) => p.trackingNo);
  if (type === 'AFTER_SALE_SHIP_EXCHANGE') return [(payload as IntentPayload<'AFTER_SALE_SHIP_EXCHANGE'>).trackingNo];
  return [];
}

/** Whether a number on `holder` may go on `orderNo` too: both are of one merge (合单) in this desk's copy. */
export function sameMerge(db: Database.Database, orderNo: string, holder: string): boolean {
  const rows = db
    .prepare('SELECT merge_id AS mergeId FROM orders WHERE order_no IN (?, ?)')
    .all(orderNo, holder) as Array<{ mergeId: string | null }>;
  return rows.length === 2 && rows[0]!.mergeId !== null && rows[0]!.mergeId === rows[1]!.mergeId;
}
