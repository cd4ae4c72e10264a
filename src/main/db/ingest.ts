import type { OrderRecord } from '../../shared/contract/records';
import { inBulkLoad } from './bulk-load';
import type { Db } from './connection';
import { detailOf } from './detail-columns';
import { ingestStatements, type IngestStatements } from './ingest-statements';
import { pushOrderValues, type SqlValue } from './order-columns';

type Value = SqlValue;

/** Records per round of lookups and bulk inserts; bounds the size of the JSON id lists. */
const BATCH = 1_000;

/**
 * Stores child orders exactly as the order service (or the demo generator) describes them: the
 * record replaces whatever the store had for that order number, children and all. One transaction
 * per call, so a sync page is applied completely or not at all, and its fsync is paid once.
 * Idempotent: the same record twice leaves the same rows (a number repeated within one call: the
 * last record wins). An order keeps its local id across upserts, so list cursors and local
 * references to it stay valid while sync rewrites it.
 *
 * Records are not validated here: they come through zod at the boundary (sync, IPC, fixtures).
 */
export function upsertOrders(db: Db, records: readonly OrderRecord[]): void {
  if (!records.length) return;
  const s = ingestStatements(db);
  // Deduplicated over the whole call: an order must not be inserted and then updated within one
  // call, because new orders reach the search index only at the end (below).
  const unique = dedupe(records);
  db.transaction(() => {
    const before = s.maxIds.get() as { order: number };
    for (let start = 0; start < unique.length; start += BATCH) applyBatch(s, unique.slice(start, start + BATCH));
    // New orders got the ids after the previous maximum, so one range covers them all. A bulk load
    // indexes every order once, at its end (bulk-load.ts).
    const after = s.maxIds.get() as { order: number };
    if (after.order > before.order && !inBulkLoad(db)) s.indexForSearch.run(before.order + 1, after.order);
  })();
}

/** Forgets orders (e.g. no longer in the user's scope); a parent goes with its last child. */
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

function dedupe(records: readonly OrderRecord[]): OrderRecord[] {
  const byNo = new Map<string, OrderRecord>();
  for (const r of records) {
    byNo.delete(r.orderNo);
    byNo.set(r.orderNo, r);
  }
  return [...byNo.values()];
}

/**
 * New rows get their ids here (max + 1, ...; we are the only writer inside the transaction), so
 * child rows can point at their parents without a lookup per row, and every table is written with
 * a few multi-row INSERTs in dependency order.
 */
function applyBatch(s: IngestStatements, records: OrderRecord[]): void {
  const existingOrders = new Map(
    s.findOrders.all(JSON.stringify(records.map((r) => r.orderNo))).map((o) => [o.orderNo, o]),
  );
  const parentNos = [...new Set(records.map((r) => r.parentNo))];
  const existingParents = new Map(s.findParents.all(JSON.stringify(parentNos)).map((p) => [p.parentNo, p.id]));
  const next = s.maxIds.get() as { parent: number; order: number; waybill: number; afterSale: number };

  // Parents: the latest record of any of its children describes buyer and payment.
  const parentIds = new Map<string, number>(existingParents);
  const latestOfParent = new Map<string, OrderRecord>();
  for (const r of records) latestOfParent.set(r.parentNo, r);
  const newParents: Value[] = [];
  for (const [parentNo, r] of latestOfParent) {
    const values = parentValues(r);
    const id = existingParents.get(parentNo);
    if (id === undefined) {
      const newId = ++next.parent;
      parentIds.set(parentNo, newId);
      newParents.push(newId, parentNo, ...values);
    } else {
      s.updateParent.run(...values, id);
    }
  }
  s.insert.parents.run(newParents);

  // Orders: existing ones are updated in place (ids stay) and lose their children, to be rewritten.
  const rows = emptyRows();
  const replaced: number[] = [];
  const movedFrom: number[] = [];
  for (const r of records) {
    const parentId = parentIds.get(r.parentNo) as number;
    const existing = existingOrders.get(r.orderNo);
    let orderId: number;
    if (existing) {
      orderId = existing.id;
      const values: Value[] = [parentId];
      pushOrderValues(values, r);
      values.push(orderId);
      s.updateOrder.run(values);
      replaced.push(orderId);
      if (existing.parentId !== parentId) movedFrom.push(existing.parentId);
    } else {
      orderId = ++next.order;
      rows.orders.push(orderId, parentId);
      pushOrderValues(rows.orders, r);
    }
    collectChildren(rows, next, orderId, r);
  }
  s.insert.orders.run(rows.orders);
  if (replaced.length) {
    const ids = JSON.stringify(replaced);
    for (const clear of s.clearChildren) clear.run(ids);
  }
  // An order renumbered upstream into another checkout must not leave an empty parent behind.
  for (const id of movedFrom) s.deleteParentIfOrphan.run({ id });

  const { insert } = s;
  insert.details.run(rows.details);
  insert.lines.run(rows.lines);
  insert.waybills.run(rows.waybills);
  insert.afterSales.run(rows.afterSales);
  insert.afterSaleLines.run(rows.afterSaleLines);
  insert.redemptionCodes.run(rows.redemptionCodes);
}

const parentValues = ({ buyer, payment, createdAt, paidAt }: OrderRecord): Value[] => [
  buyer.id,
  buyer.account,
  buyer.level,
  buyer.name,
  createdAt,
  paidAt,
  payment.channel,
  payment.serialNo,
];

const emptyRows = () => ({
  orders: [] as Value[],
  details: [] as Value[],
  lines: [] as Value[],
  waybills: [] as Value[],
  afterSales: [] as Value[],
  afterSaleLines: [] as Value[],
  redemptionCodes: [] as Value[],
});

/**
 * Collections keep the record's array order in their position column (or line_no for lines);
 * detail-only parts go into one value (detail-columns.ts).
 */
function collectChildren(
  rows: ReturnType<typeof emptyRows>,
  next: { waybill: number; afterSale: number },
  orderId: number,
  r: OrderRecord,
): void {
  rows.details.push(orderId, detailOf(r));
  for (const l of r.lines) {
    rows.lines.push(
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
  for (const w of r.waybills) {
    const waybillId = ++next.waybill;
    rows.waybills.push(waybillId, orderId, w.id, w.carrier, w.trackingNo, w.shippedAt, w.status, w.signedAt, w.courier);
  }
  for (const a of r.afterSales) {
    const afterSaleId = ++next.afterSale;
    rows.afterSales.push(
      afterSaleId,
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
    );
    a.lines.forEach((al, i) => rows.afterSaleLines.push(afterSaleId, i, al.lineNo, al.quantity));
  }
  const code = r.redemptionCode;
  if (code) rows.redemptionCodes.push(orderId, code.code, code.validFrom, code.validTo, code.usesTotal, code.usesLeft);
}
