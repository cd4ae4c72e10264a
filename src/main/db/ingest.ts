import type { Statement } from 'better-sqlite3';
import type { OrderRecord } from '../../shared/contract/records';
import { inBulkLoad } from './bulk-load';
import type { Db } from './connection';
import { ingestStatements, type IngestStatements } from './ingest-statements';
import { ORDER_COLUMNS, type SqlValue } from './order-columns';
import {
  AFTER_SALE_COLUMNS,
  CODE_COLUMNS,
  LINE_COLUMNS,
  PARENT_COLUMNS,
  prepareOrders,
  WAYBILL_COLUMNS,
  type PreparedOrders,
} from './prepare';

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
  upsertPrepared(db, prepareOrders(records));
}

/**
 * upsertOrders for orders already laid out as rows (prepare.ts). An order that exists is changed
 * where it differs and nowhere else: the columns whose values moved (so only their indexes and
 * triggers are touched), and only the collections that differ are rewritten. A pulled order that
 * changed one status and gained a timeline entry costs two row writes, not its whole tree.
 */
export function upsertPrepared(db: Db, p: PreparedOrders): void {
  if (!p.orderNos.length) return;
  const s = ingestStatements(db);
  const at = offsetsOf(p);
  // Deduplicated over the whole call (the last record of a number wins): an order must not be
  // inserted and then updated within one call, because new orders reach the search index at the end.
  const last = new Map<string, number>();
  p.orderNos.forEach((orderNo, i) => {
    last.delete(orderNo);
    last.set(orderNo, i);
  });
  const unique = [...last.values()];
  db.transaction(() => {
    const before = s.maxIds.get() as { order: number };
    for (let start = 0; start < unique.length; start += BATCH) {
      applyBatch(s, p, at, unique.slice(start, start + BATCH));
    }
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

/** Where each order's collection rows start in the prepared arrays (in rows, not values). */
interface Offsets {
  line: number[];
  waybill: number[];
  afterSale: number[];
  code: number[];
}

function offsetsOf(p: PreparedOrders): Offsets {
  const starts = (counts: number[]) => {
    const out: number[] = [];
    let sum = 0;
    for (const n of counts) {
      out.push(sum);
      sum += n;
    }
    return out;
  };
  return {
    line: starts(p.lineCounts),
    waybill: starts(p.waybillCounts),
    afterSale: starts(p.afterSaleCounts),
    code: starts(p.codeCounts),
  };
}

const slice = (values: readonly Value[], width: number, row: number, rows: number): Value[] =>
  values.slice(row * width, (row + rows) * width);

const sameValues = (a: readonly unknown[], b: readonly unknown[]): boolean =>
  a.length === b.length && a.every((v, i) => v === b[i]);

/** One order's collections as the store compares them: each table's rows, flattened. */
interface Collections {
  detail: string | null;
  lines: Value[];
  waybills: Value[];
  afterSales: Value[];
  codes: Value[];
}

function collectionsOf(p: PreparedOrders, at: Offsets, i: number): Collections {
  const afterSales: Value[] = [];
  for (let k = 0; k < (p.afterSaleCounts[i] as number); k++) {
    const row = (at.afterSale[i] as number) + k;
    afterSales.push(...slice(p.afterSales, AFTER_SALE_COLUMNS.length, row, 1), p.afterSaleLines[row] as string);
  }
  return {
    detail: p.details[i] as string,
    lines: slice(p.lines, LINE_COLUMNS.length, at.line[i] as number, p.lineCounts[i] as number),
    waybills: slice(p.waybills, WAYBILL_COLUMNS.length, at.waybill[i] as number, p.waybillCounts[i] as number),
    afterSales,
    codes: slice(p.codes, CODE_COLUMNS.length, at.code[i] as number, p.codeCounts[i] as number),
  };
}

/**
 * New rows get their ids here (max + 1, ...; we are the only writer inside the transaction), so
 * child rows can point at their parents without a lookup per row, and every table is written with
 * a few multi-row INSERTs in dependency order.
 */
function applyBatch(s: IngestStatements, p: PreparedOrders, at: Offsets, batch: number[]): void {
  const existingOrders = new Map(
    (s.findOrders.raw().all(JSON.stringify(batch.map((i) => p.orderNos[i]))) as Value[][]).map((row) => [
      row[0] as string,
      row.slice(1) as Value[],
    ]),
  );
  const next = s.maxIds.get() as { parent: number; order: number; waybill: number; afterSale: number };
  const parentIds = writeParents(s, p, batch, next);

  const rows = emptyRows();
  const changed = new Map<number, number>();
  const movedFrom: number[] = [];
  const width = ORDER_COLUMNS.length;
  for (const i of batch) {
    const parentId = parentIds.get(p.parentNos[i] as string) as number;
    const values = slice(p.orders, width, i, 1);
    const existing = existingOrders.get(p.orderNos[i] as string);
    if (existing) {
      // [id, parent_id, ...ORDER_COLUMNS]
      const [orderId, oldParentId] = existing as [number, number];
      updateChangedColumns(s, orderId, [parentId, ...values], existing.slice(1));
      if (oldParentId !== parentId) movedFrom.push(oldParentId);
      changed.set(orderId, i);
    } else {
      const orderId = ++next.order;
      rows.orders.push(orderId, parentId, ...values);
      pushCollections(rows, next, orderId, collectionsOf(p, at, i));
    }
  }
  s.insert.orders.run(rows.orders);
  if (changed.size) rewriteChangedCollections(s, p, at, changed, rows, next);
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

/** Parents: the latest record of any of its children describes buyer and payment. Answers every parent's id. */
function writeParents(
  s: IngestStatements,
  p: PreparedOrders,
  batch: number[],
  next: { parent: number },
): Map<string, number> {
  const latest = new Map<string, number>();
  for (const i of batch) latest.set(p.parentNos[i] as string, i);
  const existing = new Map(
    (s.findParents.raw().all(JSON.stringify([...latest.keys()])) as Value[][]).map((row) => [
      row[0] as string,
      row.slice(1) as Value[],
    ]),
  );
  const ids = new Map<string, number>();
  const width = PARENT_COLUMNS.length;
  const fresh: Value[] = [];
  for (const [parentNo, i] of latest) {
    const values = slice(p.parents, width, i, 1);
    const found = existing.get(parentNo);
    if (found) {
      // [id, ...PARENT_COLUMNS]
      const id = found[0] as number;
      ids.set(parentNo, id);
      if (!sameValues(found.slice(1), values)) s.updateParent.run(...values, id);
    } else {
      const id = ++next.parent;
      ids.set(parentNo, id);
      fresh.push(id, parentNo, ...values);
    }
  }
  s.insert.parents.run(fresh);
  return ids;
}

/** Only the columns whose values differ, so only their indexes and triggers are touched. */
function updateChangedColumns(s: IngestStatements, orderId: number, now: Value[], stored: Value[]): void {
  const columns: string[] = [];
  const values: Value[] = [];
  now.forEach((value, k) => {
    if (value !== stored[k]) {
      columns.push(k === 0 ? 'parent_id' : (ORDER_COLUMNS[k - 1] as string));
      values.push(value);
    }
  });
  if (columns.length === 0) return;
  updateStatement(s, columns).run(...values, orderId);
}

const updates = new WeakMap<IngestStatements, Map<string, Statement>>();

function updateStatement(s: IngestStatements, columns: string[]): Statement {
  let cache = updates.get(s);
  if (!cache) updates.set(s, (cache = new Map()));
  const key = columns.join(',');
  let statement = cache.get(key);
  if (!statement) {
    statement = s.db.prepare(`UPDATE orders SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`);
    cache.set(key, statement);
  }
  return statement;
}

/**
 * Reads the stored collections of changed orders and rewrites, per table, only the orders whose rows
 * differ. The detail is not read: a pulled order has changed, and almost always its timeline or
 * tracking with it, so reading a kilobyte per order to find it unchanged cost more than it saved;
 * its upsert writes it only where the stored text differs (ingest-statements.ts).
 */
function rewriteChangedCollections(
  s: IngestStatements,
  p: PreparedOrders,
  at: Offsets,
  changed: Map<number, number>,
  rows: ReturnType<typeof emptyRows>,
  next: { waybill: number; afterSale: number },
): void {
  const ids = JSON.stringify([...changed.keys()]);
  const stored = new Map<number, Collections>();
  const of = (id: number) => {
    let found = stored.get(id);
    if (!found) stored.set(id, (found = { detail: null, lines: [], waybills: [], afterSales: [], codes: [] }));
    return found;
  };
  for (const [id, ...values] of s.storedLines.raw().all(ids) as Value[][]) of(id as number).lines.push(...values);
  for (const [id, ...values] of s.storedWaybills.raw().all(ids) as Value[][]) of(id as number).waybills.push(...values);
  for (const [id, ...values] of s.storedAfterSales.raw().all(ids) as Value[][])
    of(id as number).afterSales.push(...values);
  for (const [id, ...values] of s.storedCodes.raw().all(ids) as Value[][]) of(id as number).codes.push(...values);

  const rewrite = {
    lines: [] as number[],
    waybills: [] as number[],
    afterSales: [] as number[],
    codes: [] as number[],
  };
  for (const [orderId, i] of changed) {
    const now = collectionsOf(p, at, i);
    const was = of(orderId);
    const only: Collections = { detail: now.detail, lines: [], waybills: [], afterSales: [], codes: [] };
    if (!sameValues(now.lines, was.lines)) {
      rewrite.lines.push(orderId);
      only.lines = now.lines;
    }
    if (!sameValues(now.waybills, was.waybills)) {
      rewrite.waybills.push(orderId);
      only.waybills = now.waybills;
    }
    if (!sameValues(now.afterSales, was.afterSales)) {
      rewrite.afterSales.push(orderId);
      only.afterSales = now.afterSales;
    }
    if (!sameValues(now.codes, was.codes)) {
      rewrite.codes.push(orderId);
      only.codes = now.codes;
    }
    pushCollections(rows, next, orderId, only);
  }
  const clear = (statement: Statement<[string]>, orderIds: number[]) => {
    if (orderIds.length) statement.run(JSON.stringify(orderIds));
  };
  clear(s.clear.lines, rewrite.lines);
  clear(s.clear.waybills, rewrite.waybills);
  clear(s.clear.afterSaleLines, rewrite.afterSales);
  clear(s.clear.afterSales, rewrite.afterSales);
  clear(s.clear.codes, rewrite.codes);
}

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
 * Rows of one order's collections, with their ids: lines keep their line number; waybills and
 * after-sales get new local ids in array order (their position in the record), after-sale lines
 * their position. Detail-only parts are one value (detail-columns.ts).
 */
function pushCollections(
  rows: ReturnType<typeof emptyRows>,
  next: { waybill: number; afterSale: number },
  orderId: number,
  c: Collections,
): void {
  if (c.detail !== null) rows.details.push(orderId, c.detail);
  for (let k = 0; k < c.lines.length; k += LINE_COLUMNS.length) {
    rows.lines.push(orderId, ...c.lines.slice(k, k + LINE_COLUMNS.length));
  }
  for (let k = 0; k < c.waybills.length; k += WAYBILL_COLUMNS.length) {
    rows.waybills.push(++next.waybill, orderId, ...c.waybills.slice(k, k + WAYBILL_COLUMNS.length));
  }
  const afterSaleWidth = AFTER_SALE_COLUMNS.length + 1;
  for (let k = 0; k < c.afterSales.length; k += afterSaleWidth) {
    const afterSaleId = ++next.afterSale;
    rows.afterSales.push(afterSaleId, orderId, ...c.afterSales.slice(k, k + AFTER_SALE_COLUMNS.length));
    const lines = JSON.parse(c.afterSales[k + AFTER_SALE_COLUMNS.length] as string) as Array<[number, number]>;
    lines.forEach(([lineNo, quantity], position) => rows.afterSaleLines.push(afterSaleId, position, lineNo, quantity));
  }
  for (let k = 0; k < c.codes.length; k += CODE_COLUMNS.length) {
    rows.redemptionCodes.push(orderId, ...c.codes.slice(k, k + CODE_COLUMNS.length));
  }
}
