import type { OrderListFilter, OrderListWindow, OrderSort } from '../../../shared/contract/orders';
import type { DataScope } from '../../../shared/domain/vocabulary';
import type { Db } from '../connection';
import { and, type Clause } from './clause';
import type { Cursor } from './cursor';
import { readPage, readRows, seekValue, SORT_COLUMNS, type PageStart } from './list';
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
 * from the top walks every row before the window (hundreds of ms at depth), so a window far from
 * any anchor first numbers the matches up to it, noting the cursor of every ANCHOR_EVERY-th row
 * (extendTo); later windows seek to an anchor and skip fewer than ANCHOR_EVERY rows. The anchors
 * stay valid until orders change (forgetWindows).
 */
export function listWindow(db: Db, scope: DataScope, query: WindowQuery, tuning = TUNING): OrderListWindow {
  const result = anchorsOf(db, scope, query.filter, query.sort, tuning);
  const { total, ids, anchors } = result;
  const { offset } = query;
  // Past the end (the result shrank since the caller last looked): no rows, and the new total.
  if (offset >= total) return { total, offset, rows: [] };
  if (ids) return { total, offset, rows: readRows(db, ids.slice(offset, offset + query.limit)) };
  extendTo(db, result, offset);
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
 * A run of the result read in one ORDER BY: the sort column's values, or (nullable column) the
 * NULL tail after them, ordered by id. Its anchors are numbered from `start`, and found lazily:
 * `reach` is how far they are known, `last` the cursor there (null at the very top).
 */
interface Segment {
  where: Clause;
  value: string;
  orderBy: string;
  /** The same order over the (v, id) a subquery hands up. */
  innerOrder: string;
  seek: (cursor: Cursor) => Clause;
  start: number;
  count: number;
  reach: number;
  last: Cursor | null;
}

/** What a large result needs to find its anchors later, kept with them (cache entries are per result). */
const lazy = new WeakMap<Anchors, { segments: Segment[]; from: string; every: number }>();

/**
 * A result's size at once (a count per segment, indexed), its anchors later: only as far as a
 * window asks (extendTo). The list asks for its first rows again after every orders.changed, and
 * numbering a whole large result for that (hundreds of ms on 200,000 orders, in main) was what
 * froze the desk after each sync; a far jump now numbers the rows up to where it lands, once.
 */
function buildAnchors(
  db: Db,
  scope: DataScope,
  filter: OrderListFilter,
  sort: OrderSort,
  { anchorEvery, keepIdsUpTo }: WindowTuning,
): Anchors {
  const { column, nullable } = SORT_COLUMNS[sort.field];
  const desc = sort.direction === 'desc';
  const dir = desc ? 'DESC' : 'ASC';
  // Reading every match anyway, SQLite may pick whatever index narrows best: no steering.
  const base = [
    scopeClause(scope),
    ...filterClauses(db, filter, { statuses: true, unindexed: new Set(), purpose: 'count' }),
  ];
  const from = `FROM orders o ${needsParent(filter) ? 'CROSS JOIN parent_orders p ON p.id = o.parent_id' : ''}`;
  const shapes = [
    {
      extra: nullable ? `${column} IS NOT NULL` : '1',
      value: column,
      orderBy: `${column} ${dir}, o.id ${dir}`,
      innerOrder: `v ${dir}, id ${dir}`,
      seek: (cursor: Cursor) => seekValue(column, desc, cursor),
    },
    ...(nullable
      ? [
          {
            extra: `${column} IS NULL`,
            value: 'NULL',
            orderBy: `o.id ${dir}`,
            innerOrder: `id ${dir}`,
            seek: (cursor: Cursor): Clause => ({ sql: `o.id ${desc ? '<' : '>'} ?`, params: [cursor.id] }),
          },
        ]
      : []),
  ].map((s) => ({ ...s, where: and([...base, { sql: s.extra, params: [] }]) }));
  const counts = shapes.map(
    ({ where }) =>
      prepareCached(db, `SELECT count(*) ${from} WHERE ${where.sql}`)
        .pluck()
        .get(...where.params) as number,
  );
  const total = counts.reduce((a, b) => a + b, 0);

  if (total <= keepIdsUpTo) {
    const ids = shapes.flatMap(
      ({ where, orderBy }) =>
        prepareCached(db, `SELECT o.id ${from} WHERE ${where.sql} ORDER BY ${orderBy}`)
          .pluck()
          .all(...where.params) as number[],
    );
    return { total: ids.length, ids, anchors: [] };
  }

  const anchors: Anchor[] = [];
  const segments: Segment[] = [];
  let before = 0;
  shapes.forEach((shape, i) => {
    const count = counts[i] ?? 0;
    // The NULL tail starts "before its first row": past every id in the direction read.
    const last = i > 0 ? { value: null, id: desc ? Number.MAX_SAFE_INTEGER : 0 } : null;
    if (last && count > 0) anchors.push({ position: before, cursor: last });
    segments.push({ ...shape, start: before, count, reach: before, last });
    before += count;
  });
  const built: Anchors = { total, ids: null, anchors };
  lazy.set(built, { segments, from, every: anchorEvery });
  return built;
}

/** Rows numbered per step beyond the asked position, so scrolling on does not number again at once. */
const AHEAD = 16;

/**
 * Makes sure an anchor lies within ANCHOR_EVERY rows before `position`: numbers the rows from the
 * furthest anchor known in that segment up to a little past it (row_number inside SQLite, every
 * ANCHOR_EVERY-th kept, and the last one numbered so the next step starts there).
 */
function extendTo(db: Db, result: Anchors, position: number): void {
  const state = lazy.get(result);
  if (!state) return;
  const { segments, from, every } = state;
  const segment = segments.find((s) => position >= s.start && position < s.start + s.count);
  if (!segment || position - segment.reach < every) return;
  const end = segment.start + segment.count;
  const take = Math.min(end - segment.reach, position - segment.reach + every * AHEAD);
  const where = and([segment.where, segment.last ? segment.seek(segment.last) : null]);
  const rows = prepareCached(
    db,
    `SELECT v, id, n FROM (
       SELECT v, id, row_number() OVER (ORDER BY ${segment.innerOrder}) AS n FROM (
         SELECT ${segment.value} AS v, o.id AS id ${from} WHERE ${where.sql} ORDER BY ${segment.orderBy} LIMIT ?
       )
     ) WHERE (? + n) % ${every} = 0 OR n = ?`,
  )
    .raw()
    .all(...where.params, take, segment.reach - segment.start, take) as Array<[number | null, number, number]>;
  const found = rows.map(([value, id, n]) => ({ position: segment.reach + n, cursor: { value, id } }));
  const furthest = found[found.length - 1];
  if (!furthest) return;
  segment.reach = furthest.position;
  segment.last = furthest.cursor;
  // An anchor at the segment's end would start the next segment from the wrong side of a skip
  // (readPage skips in the first segment it reads only); that position has the next one's anchor.
  result.anchors.push(...found.filter((a) => a.position < end));
  result.anchors.sort((a, b) => a.position - b.position);
}
