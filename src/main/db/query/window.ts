import type { OrderListFilter, OrderListWindow, OrderSort } from '../../../shared/contract/orders';
import type { DataScope } from '../../../shared/domain/vocabulary';
import type { Db } from '../connection';
import { and } from './clause';
import type { Cursor } from './cursor';
import { readPage, readRows, SORT_COLUMNS, type PageStart } from './list';
import { filterClauses, needsParent, scopeClause } from './predicates';
import { prepareCached } from './statement-cache';

/**
 * Rows between two anchors. A window at position p reads from the nearest anchor at or before p
 * and skips the rest with OFFSET, so the skip costs at most this many index steps (a fraction
 * of a millisecond) while a million matches keep about 4,000 anchors (a few hundred KB).
 */
export const ANCHOR_EVERY = 256;
/**
 * A result this small keeps the ids of all its rows in order (at most a few hundred KB), and a
 * window reads its rows by id. A narrow filter makes the page query walk the sort index past
 * many non-matching orders (40 ms for 5,000 matches among 400,000), which this avoids; a larger
 * result is broad enough for that walk to find its rows quickly.
 */
const KEEP_IDS_UP_TO = 50_000;
/** Results remembered per store: the tabs a user flips between, each with its own sort. */
const REMEMBERED = 12;

interface Anchor {
  position: number;
  cursor: Cursor;
}

/** A result's size and where to start reading at any position in it. */
export interface Anchors {
  total: number;
  /** Every row's id in order, for a result of at most KEEP_IDS_UP_TO rows. */
  ids: number[] | null;
  /** Ascending positions; a position ≥ the first one starts at the nearest one before it. */
  anchors: Anchor[];
}

/** The two sizes above; tests make them small to walk every path with a small store. */
export interface WindowTuning {
  anchorEvery: number;
  keepIdsUpTo: number;
}
const TUNING: WindowTuning = { anchorEvery: ANCHOR_EVERY, keepIdsUpTo: KEEP_IDS_UP_TO };

export interface WindowQuery {
  filter: OrderListFilter;
  sort: OrderSort;
  offset: number;
  limit: number;
}

const cache = new WeakMap<Db, Map<string, Anchors>>();

/** Orders changed: every remembered result may have shifted. */
export function forgetWindows(db: Db): void {
  cache.delete(db);
}

/**
 * `limit` rows starting at `offset` of a filtered, sorted result, and the result's size: what a
 * scrollbar dragged to row 700,000 of a million needs. Keyset cursors cannot jump, and OFFSET
 * from the top walks every row before the window (hundreds of ms at depth), so the first window
 * of a result takes one pass over its matches that notes the cursor of every ANCHOR_EVERY-th row;
 * later windows seek to an anchor and skip fewer than ANCHOR_EVERY rows. The anchors stay valid
 * until orders change (forgetWindows).
 */
export function listWindow(db: Db, scope: DataScope, query: WindowQuery, tuning = TUNING): OrderListWindow {
  const { total, ids, anchors } = anchorsOf(db, scope, query.filter, query.sort, tuning);
  const { offset } = query;
  // Past the end (the result shrank since the caller last looked): no rows, and the new total.
  if (offset >= total) return { total, offset, rows: [] };
  if (ids) return { total, offset, rows: readRows(db, ids.slice(offset, offset + query.limit)) };
  const page = readPage(
    db,
    scope,
    { filter: query.filter, sort: query.sort, limit: query.limit },
    startAt(anchors, offset),
  );
  return { total, offset, rows: page.rows };
}

/** The anchor at or before `position` (binary search), or the top of the result. */
function startAt(anchors: Anchor[], position: number): PageStart {
  let lo = 0;
  let hi = anchors.length - 1;
  let found: Anchor | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const anchor = anchors[mid] as Anchor;
    if (anchor.position <= position) {
      found = anchor;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found ? { cursor: found.cursor, skip: position - found.position } : { cursor: null, skip: position };
}

export function anchorsOf(
  db: Db,
  scope: DataScope,
  filter: OrderListFilter,
  sort: OrderSort,
  tuning = TUNING,
): Anchors {
  let remembered = cache.get(db);
  if (!remembered) cache.set(db, (remembered = new Map()));
  const key = JSON.stringify([scope, filter, sort, tuning]);
  const known = remembered.get(key);
  if (known) {
    // Most recently used last, so the oldest is the one forgotten.
    remembered.delete(key);
    remembered.set(key, known);
    return known;
  }
  const built = buildAnchors(db, scope, filter, sort, tuning);
  remembered.set(key, built);
  if (remembered.size > REMEMBERED) remembered.delete(remembered.keys().next().value as string);
  return built;
}

/**
 * One pass over the matches in sort order, numbering them with row_number() and keeping every
 * ANCHOR_EVERY-th (value, id): inside SQLite, so a million matches never cross into JavaScript.
 * A nullable sort column has two segments (list.ts: values, then the NULL tail by id); the tail
 * gets an anchor of its own at its start, so a skip never crosses from one segment to the other.
 */
function buildAnchors(
  db: Db,
  scope: DataScope,
  filter: OrderListFilter,
  sort: OrderSort,
  { anchorEvery, keepIdsUpTo }: WindowTuning,
): Anchors {
  const { column, nullable } = SORT_COLUMNS[sort.field];
  const dir = sort.direction === 'desc' ? 'DESC' : 'ASC';
  // Reading every match anyway, SQLite may pick whatever index narrows best: no steering.
  const base = [
    scopeClause(scope),
    ...filterClauses(db, filter, { statuses: true, unindexed: new Set(), purpose: 'count' }),
  ];
  const from = `FROM orders o ${needsParent(filter) ? 'CROSS JOIN parent_orders p ON p.id = o.parent_id' : ''}`;
  const segments = [
    { extra: nullable ? `${column} IS NOT NULL` : '1', value: column, orderBy: `${column} ${dir}, o.id ${dir}` },
    ...(nullable ? [{ extra: `${column} IS NULL`, value: 'NULL', orderBy: `o.id ${dir}` }] : []),
  ].map((s) => ({ ...s, where: and([...base, { sql: s.extra, params: [] }]) }));
  const counts = segments.map(
    ({ where }) =>
      prepareCached(db, `SELECT count(*) ${from} WHERE ${where.sql}`)
        .pluck()
        .get(...where.params) as number,
  );
  const total = counts.reduce((a, b) => a + b, 0);

  if (total <= keepIdsUpTo) {
    const ids = segments.flatMap(
      ({ where, orderBy }) =>
        prepareCached(db, `SELECT o.id ${from} WHERE ${where.sql} ORDER BY ${orderBy}`)
          .pluck()
          .all(...where.params) as number[],
    );
    return { total: ids.length, ids, anchors: [] };
  }

  const anchors: Anchor[] = [];
  let before = 0;
  segments.forEach(({ where, value, orderBy }, i) => {
    const count = counts[i] ?? 0;
    if (count === 0) return;
    // The NULL tail starts "before its first row": past every id in the direction read.
    if (i > 0)
      anchors.push({ position: before, cursor: { value: null, id: dir === 'DESC' ? Number.MAX_SAFE_INTEGER : 0 } });
    const rows = prepareCached(
      db,
      `SELECT v, id, n FROM (
         SELECT ${value} AS v, o.id AS id, row_number() OVER (ORDER BY ${orderBy}) AS n ${from} WHERE ${where.sql}
       ) WHERE n % ${anchorEvery} = 0`,
    )
      .raw()
      .all(...where.params) as Array<[number | null, number, number]>;
    for (const [v, id, n] of rows) anchors.push({ position: before + n, cursor: { value: v, id } });
    before += count;
  });
  return { total, ids: null, anchors };
}
