import type { OrderRecord } from '../../shared/contract/records';
import type { Db } from './connection';
import { ingestStatements, type IngestStatements } from './ingest-statements';
import { ORDER_COLUMNS } from './order-columns';

/**
 * Stores child orders exactly as the order service (or the demo generator) describes them: the
 * record replaces whatever the store had for that order number, children and all. One transaction
 * per call, so a sync page is applied completely or not at all, and its fsync is paid once.
 * Idempotent: the same record twice leaves the same rows. An order keeps its local id across
 * upserts, so list cursors and local references to it stay valid while sync rewrites it.
 *
 * Records are not validated here: they come through zod at the boundary (sync, IPC, fixtures).
 */
export function upsertOrders(db: Db, records: readonly OrderRecord[]): void {
  const s = ingestStatements(db);
  db.transaction(() => {
    for (const record of records) upsertOne(s, record);
  })();
}

/** Forgets orders (e.g. no longer in the user's scope); their parent goes with its last child. */
export function removeOrders(db: Db, orderNos: readonly string[]): number {
  const s = ingestStatements(db);
  return db.transaction(() => {
    let removed = 0;
    for (const orderNo of orderNos) {
      const row = s.deleteOrder.get(orderNo);
      if (!row) continue;
      removed++;
      s.deleteParentIfOrphan.run({ id: row.parentId });
    }
    return removed;
  })();
}

function upsertOne(s: IngestStatements, r: OrderRecord): void {
  const { buyer, payment } = r;
  const parent = s.upsertParent.get(
    r.parentNo,
    buyer.id,
    buyer.account,
    buyer.level,
    buyer.name,
    r.createdAt,
    r.paidAt,
    payment.channel,
    payment.serialNo,
  ) as { id: number };

  const values = ORDER_COLUMNS.map(([, value]) => value(r));
  const existing = s.findOrder.get(r.orderNo);
  let orderId: number;
  if (existing) {
    orderId = existing.id;
    s.updateOrder.run(parent.id, ...values, orderId);
    for (const clear of s.clearChildren) clear.run(orderId);
    // The order moved to another parent (renumbered upstream): do not leave an empty parent behind.
    if (existing.parentId !== parent.id) s.deleteParentIfOrphan.run({ id: existing.parentId });
  } else {
    orderId = Number(s.insertOrder.run(parent.id, ...values).lastInsertRowid);
  }
  insertChildren(s, orderId, r);
}

function insertChildren(s: IngestStatements, orderId: number, r: OrderRecord): void {
  for (const l of r.lines) {
    s.insertLine.run(
      orderId,
      l.lineNo,
      l.merchantId,
      l.sku,
      l.name,
      l.spec,
      l.image,
      l.unitPrice,
      l.quantity,
      l.discount,
      l.payable,
      l.shippedQuantity,
      l.refundedQuantity,
    );
  }
  const rc = r.receiver;
  if (rc) s.insertReceiver.run(orderId, rc.name, rc.phone, rc.province, rc.city, rc.district, rc.address, rc.postcode);
  for (const p of r.promotions) s.insertPromotion.run(orderId, p.kind, p.refId, p.name, p.amount);
  const inv = r.invoice;
  if (inv) s.insertInvoice.run(orderId, inv.type, inv.titleType, inv.title, inv.taxNo, inv.content);
  for (const w of r.waybills) {
    const waybillId = s.insertWaybill.run(
      orderId,
      w.id,
      w.carrier,
      w.trackingNo,
      w.shippedAt,
      w.status,
      w.signedAt,
      w.courier,
    ).lastInsertRowid;
    for (const wl of w.lines) s.insertWaybillLine.run(waybillId, wl.lineNo, wl.quantity);
    for (const e of w.events) s.insertTrackingEvent.run(waybillId, e.at, e.text);
  }
  for (const a of r.afterSales) {
    const afterSaleId = s.insertAfterSale.run(
      orderId,
      a.id,
      a.afterSaleNo,
      a.type,
      a.status,
      a.reason,
      a.amount,
      a.createdAt,
      a.updatedAt,
      a.rejectReason,
    ).lastInsertRowid;
    for (const al of a.lines) s.insertAfterSaleLine.run(afterSaleId, al.lineNo, al.quantity);
  }
  const code = r.redemptionCode;
  if (code) s.insertRedemptionCode.run(orderId, code.code, code.validFrom, code.validTo, code.usesTotal, code.usesLeft);
  for (const t of r.timeline) s.insertTimeline.run(orderId, t.at, t.actor, t.device, t.action, t.detail);
}
