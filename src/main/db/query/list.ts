import type { z } from 'zod';
import type { OrderListPage, OrderListRow, orderListInput, OrderSort } from '../../../shared/contract/orders';
import type { DataScope } from '../../../shared/domain/vocabulary';
import type { Db } from '../connection';
import { and, type Clause } from './clause';
import { badCursor, decodeCursor, encodeCursor, type Cursor } from './cursor';
import { unindexedFor, type SortColumn } from './access-plan';
import { filterClauses, needsParent, scopeClause } from './predicates';
import { PENDING_SYNC_SQL } from '../outbox';
import { prepareCached } from './statement-cache';

/** The list input after zod: defaults filled in. */
export type OrderListQuery = z.output<typeof orderListInput>;

export const SORT_COLUMNS: Record<OrderSort['field'], { column: SortColumn; nullable: boolean }> = {
  createdAt: { column: 'o.created_at', nullable: false },
  paidAt: { column: 'o.paid_at', nullable: true },
  shippedAt: { column: 'o.shipped_at', nullable: true },
  payable: { column: 'o.payable', nullable: false },
  dueAt: { column: 'o.due_at', nullable: true },
};

const ROW_COLUMNS = `
  o.id, o.order_no AS orderNo, p.parent_no AS parentNo, o.kind, o.source, o.platform, o.status,
         o.payment_status AS paymentStatus, o.refund_status AS refundStatus, o.locked, o.exception,
         p.payment_channel AS paymentChannel, p.payment_serial_no AS paymentSerialNo,
         o.merchant_name AS merchantName, o.warehouse_id AS warehouseId, o.store_id AS storeId,
         o.dealer_id AS dealerId, p.buyer_account AS buyerAccount, o.receiver_name AS receiverName,
         o.receiver_phone AS receiverPhone, o.receiver_province AS province, o.receiver_city AS city,
         o.item_summary AS itemSummary, o.item_count AS itemCount, o.payable, o.tracking_nos AS trackingNos,
         o.created_at AS createdAt, o.paid_at AS paidAt, o.shipped_at AS shippedAt,
         o.due_at AS dueAt, o.due_kind AS dueKind,
         ${PENDING_SYNC_SQL} AS pendingSync`;

/**
 * Two steps: the inner SELECT finds the page's ids, touching only what the filters need, and
 * sorts nothing but (sort value, id) when it must sort at all; the outer one reads the ≤ limit+1
 * rows in full (parent, pending sync count). Sorting whole list rows instead costs a parent
 * lookup and a subquery for every candidate row (4,936 candidates for a clerk: 43 ms vs 4 ms).
 * CROSS JOIN fixes the loop order: page first, then each row and its parent by key.
 */
const pageSql = (where: string, orderBy: string, filterOnParent: boolean) => `
  SELECT ${ROW_COLUMNS}
  FROM (SELECT o.id FROM orders o ${filterOnParent ? 'CROSS JOIN parent_orders p ON p.id = o.parent_id' : ''}
        WHERE ${where} ORDER BY ${orderBy} LIMIT ? OFFSET ?) page
  CROSS JOIN orders o ON o.id = page.id
  CROSS JOIN parent_orders p ON p.id = o.parent_id
  ORDER BY ${orderBy}`;

type RawRow = Omit<OrderListRow, 'locked'> & { id: number; locked: number };

/**
 * One page of the order list, keyset-paged: the cursor is the last row's (sort value, id), and the
 * next page seeks past it in an index ordered the same way, so page 5,000 costs what page 1 costs
 * and rows inserted meanwhile never shift a page. id breaks ties, so the order is total and stable.
 *
 * Orders without a sort value (paidAt of an unpaid order) come after all the others in both
 * directions, ordered by id. They are read as a second segment ("the NULL tail") with its own
 * index seek (`col IS NULL` orders by id), so NULLs never need a sort either; a cursor with a
 * null value means "inside the NULL tail".
 */
export function listOrders(db: Db, scope: DataScope, input: OrderListQuery): OrderListPage {
  const cursor = input.after === undefined ? null : decodeCursor(input.after);
  if (cursor && cursor.value === null && !SORT_COLUMNS[input.sort.field].nullable) throw badCursor();
  return readPage(db, scope, input, { cursor, skip: 0 });
}

/** Where a page starts: after `cursor` (or at the top), then `skip` more matching rows. */
export interface PageStart {
  cursor: Cursor | null;
  /** Never reaches past the end of the cursor's segment (window.ts keeps an anchor at the NULL tail). */
  skip: number;
}

/** A page at a start the caller has checked: list paging and positional windows both read through here. */
export function readPage(
  db: Db,
  scope: DataScope,
  { filter, sort, limit }: Omit<OrderListQuery, 'after'>,
  { cursor, skip }: PageStart,
): OrderListPage {
  const { column, nullable } = SORT_COLUMNS[sort.field];
  const desc = sort.direction === 'desc';
  const dir = desc ? 'DESC' : 'ASC';

  const unindexed = unindexedFor(scope, filter, column);
  const base: Array<Clause | null> = [
    scopeClause(scope, unindexed),
    ...filterClauses(db, filter, { statuses: true, unindexed, purpose: 'page' }),
  ];
  // Only the first segment read skips: the skip never crosses into the next one (PageStart).
  let toSkip = skip;
  const fetch = (clauses: Array<Clause | null>, orderBy: string, count: number): RawRow[] => {
    const where = and(clauses);
    const offset = toSkip;
    toSkip = 0;
    return prepareCached(db, pageSql(where.sql, orderBy, needsParent(filter))).all(
      ...where.params,
      count,
      offset,
    ) as RawRow[];
  };

  // One row more than asked tells whether a next page exists without counting.
  const rows: RawRow[] = [];
  if (!cursor || cursor.value !== null) {
    rows.push(
      ...fetch(
        [
          ...base,
          nullable ? { sql: `${column} IS NOT NULL`, params: [] } : null,
          cursor && seekValue(column, desc, cursor),
        ],
        `${column} ${dir}, o.id ${dir}`,
        limit + 1,
      ),
    );
  }
  if (nullable && rows.length <= limit) {
    const seekId = cursor?.value === null ? { sql: `o.id ${desc ? '<' : '>'} ?`, params: [cursor.id] } : null;
    rows.push(
      ...fetch([...base, { sql: `${column} IS NULL`, params: [] }, seekId], `o.id ${dir}`, limit + 1 - rows.length),
    );
  }

  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const valueOf = (row: RawRow): number | null => row[sort.field];
  return {
    rows: page.map(toListRow),
    next: rows.length > limit && last ? encodeCursor({ value: valueOf(last), id: last.id }) : null,
  };
}

/**
 * "After (v, id)" in the sort order. The leading `col <= v` (or >=) is what the index seeks on;
 * the OR only re-checks the few rows that tie on v. NULLs fail both comparisons, so this segment
 * never strays into the NULL tail.
 */
export function seekValue(column: string, desc: boolean, { value, id }: Cursor): Clause {
  const [le, lt] = desc ? ['<=', '<'] : ['>=', '>'];
  return { sql: `${column} ${le} ? AND (${column} ${lt} ? OR o.id ${lt} ?)`, params: [value, value, id] };
}

function toListRow({ id: _id, locked, ...row }: RawRow): OrderListRow {
  return { ...row, locked: locked === 1 };
}

/** Whole list rows of the given orders, in the order given. */
export function readRows(db: Db, ids: readonly number[]): OrderListRow[] {
  const rows = prepareCached(
    db,
    `SELECT ${ROW_COLUMNS}
     FROM json_each(?) page
     CROSS JOIN orders o ON o.id = page.value
     CROSS JOIN parent_orders p ON p.id = o.parent_id
     ORDER BY page.key`,
  ).all(JSON.stringify(ids)) as RawRow[];
  return rows.map(toListRow);
}
