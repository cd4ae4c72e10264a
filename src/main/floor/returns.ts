import type { ReturnParcel } from '../../shared/contract/floor';
import { normalizeTrackingNo } from '../../shared/domain/carriers';
import { getOrderDetail } from '../db/orders-query';
import type { CallContext } from '../ipc/dispatcher';
import { ApiFailure } from '../ipc/failure';

/**
 * 退货扫描: the after-sale a buyer's return parcel belongs to, by the tracking number on it. The
 * number is looked up through its own index (migration 018), so a scan at the return desk answers
 * at once on any desk size. Several requests may name one parcel (a second return sent in the same
 * box): the newest is the one to receive. Outside the caller's scope a parcel is as unknown as a
 * number nobody wrote down.
 */
export function findReturnParcel(ctx: CallContext, scanned: string): ReturnParcel {
  const trackingNo = normalizeTrackingNo(scanned);
  const rows = ctx.db
    .prepare(
      `SELECT o.order_no AS orderNo, a.remote_id AS afterSaleId, a.after_sale_no AS afterSaleNo, a.type, a.status
       FROM after_sales a JOIN orders o ON o.id = a.order_id
       WHERE json_extract(a.return_shipment, '$.trackingNo') = ? AND a.return_shipment IS NOT NULL
       ORDER BY a.created_at DESC`,
    )
    .all(trackingNo) as ReturnParcel[];
  const found = rows.find((r) => getOrderDetail(ctx.db, ctx.session.scope, r.orderNo) !== null);
  if (!found) throw new ApiFailure('NOT_FOUND', `No return parcel ${trackingNo}`);
  return found;
}
