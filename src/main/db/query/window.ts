import type { OrderListFilter, OrderListWindow, OrderSort } from '../../../shared/contract/orders';
import type { DataScope } from '../../../shared/domain/vocabulary';
import type { Db } from '../connection';
import { dataVersion } from '../data-version';
import { and, type Clause } from './clause';
import type { Cursor } from './cursor';
import { readPage, readRows, seekValue, SORT_COLUMNS, type PageStart } from './list';
import { unindexedFor } from './access-plan';
import { filterClauses, needsParent, scopeClause } from './predicates';
import { prepareCached } from './statement-cache';
import { runningTotal } from './counts';

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

/** Remembered results per store connection, valid for one data version of the store. */
const cache = new WeakMap<Db, { version: string; results: Map<string, Anchors> }>();

/** Forgets every remembered result now (benchmarks and tests that time a result's first window). */
export function forgetWindows(db: Db): void {
  cache.delete(db);
}

/**
 * `limit` rows starting at `offset` of a filtered, sorted result, and the result's size: what a
 * scrollbar dragged to row 700,000 of a million needs. Keyset cursors cannot jump, and OFFSET
 * from the top walks every row before the window (hundreds of ms at depth), so a window far from
 * any anchor first numbers the matches up to it, noting the cursor of every ANCHOR_EVERY-th row
 * (extendTo); later windows seek to an anchor and skip fewer than ANCHOR_EVERY rows. The anchors
 * stay valid while the store's data version stays the same (any write, by any connection, ends them).
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
  const version = dataVersion(db);
  let entry = cache.get(db);
  if (entry?.version !== version) cache.set(db, (entry = { version, results: new Map() }));
  const remembered = entry.results;
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

/** One direction of a segment's order: the ORDER BY, the same over a subquery's (v, id), and "after". */
interface Walk {
  orderBy: string;
  innerOrder: string;
  seek: (cursor: Cursor) => Clause;
}

/**
 * A run of the result read in one ORDER BY: the sort column's values, or (nullable column) the
 * NULL tail after them, ordered by id. Its anchors are numbered from `start` and found lazily,
 * from either end: forward rows start..reach are numbered (`last` the cursor of row reach-1,
 * null at the very top), backward rows back..end-1 (`first` the cursor of row back).
 */
interface Segment {
  /** What the numbering reads: steered onto the sort index for a broad result (see buildAnchors). */
  where: Clause;
  /** Numbered in one pass on the first far jump: a narrow result is found by its filter's index, then sorted. */
  whole: boolean;
  value: string;
  forward: Walk;
  backward: Walk;
  start: number;
  count: number;
  reach: number;
  last: Cursor | null;
  back: number;
  first: Cursor | null;
}

/** What a large result needs to find its anchors later, kept with them (cache entries are per result). */
const lazy = new WeakMap<Anchors, { segments: Segment[]; from: string; every: number }>();

/**
 * A result's size at once (a count per segment, indexed), its anchors later: only as far as a
 * window asks (extendTo). The list asks for its first rows again after every orders.changed, and
 * numbering a whole large result for that (hundreds of ms on 200,000 orders, in main) was what
 * froze the desk after each sync; a far jump now numbers the rows between it and the nearer end.
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
  // Counting (and numbering a narrow result) reads every match anyway: SQLite may pick whatever
  // index narrows best, no steering.
  const base = [
    scopeClause(scope),
    ...filterClauses(db, filter, { statuses: true, unindexed: new Set(), purpose: 'count' }),
  ];
  const from = `FROM orders o ${needsParent(filter) ? 'CROSS JOIN parent_orders p ON p.id = o.parent_id' : ''}`;
  const valuesWalk = (down: boolean): Walk => {
    const d = down ? 'DESC' : 'ASC';
    return {
      orderBy: `${column} ${d}, o.id ${d}`,
      innerOrder: `v ${d}, id ${d}`,
      seek: (cursor) => seekValue(column, down, cursor),
    };
  };
  const tailWalk = (down: boolean): Walk => {
    const d = down ? 'DESC' : 'ASC';
    return {
      orderBy: `o.id ${d}`,
      innerOrder: `id ${d}`,
      seek: (cursor) => ({ sql: `o.id ${down ? '<' : '>'} ?`, params: [cursor.id] }),
    };
  };
  const shapes = [
    {
      extra: nullable ? `${column} IS NOT NULL` : '1',
      value: column,
      forward: valuesWalk(desc),
      backward: valuesWalk(!desc),
    },
    ...(nullable
      ? [{ extra: `${column} IS NULL`, value: 'NULL', forward: tailWalk(desc), backward: tailWalk(!desc) }]
      : []),
  ].map((s) => ({ ...s, where: and([...base, { sql: s.extra, params: [] }]) }));
  // A sort column without NULLs makes one segment: the whole result, which the running counts may know.
  const running = nullable ? null : runningTotal(db, scope, filter);
  const counts =
    running !== null
      ? [running]
      : shapes.map(
          ({ where }) =>
            prepareCached(db, `SELECT count(*) ${from} WHERE ${where.sql}`)
              .pluck()
              .get(...where.params) as number,
        );
  const total = counts.reduce((a, b) => a + b, 0);

  if (total <= keepIdsUpTo) {
    const ids = shapes.flatMap(
      ({ where, forward }) =>
        prepareCached(db, `SELECT o.id ${from} WHERE ${where.sql} ORDER BY ${sortedAfterwards(forward.orderBy)}`)
          .pluck()
          .all(...where.params) as number[],
    );
    return { total: ids.length, ids, anchors: [] };
  }

  // A result under a quarter of the store would make that walk pass many other orders per match.
  const stored = (prepareCached(db, 'SELECT max(id) FROM orders').pluck().get() as number | null) ?? 0;
  const broad = total * BROAD_SHARE >= stored;
  // Numbering a stretch of a broad result walks the sort index and checks each order, as a page
  // does (readPage), reading only that stretch; found by a filter's index instead, every stretch
  // would sort all the matches again (300 ms for a warehouse's 80,000 of 200,000).
  const unindexed = unindexedFor(scope, filter, column);
  const walkBase = broad
    ? [scopeClause(scope, unindexed), ...filterClauses(db, filter, { statuses: true, unindexed, purpose: 'page' })]
    : [];
  const anchors: Anchor[] = [];
  const segments: Segment[] = [];
  let before = 0;
  shapes.forEach((shape, i) => {
    const count = counts[i] ?? 0;
    // The NULL tail starts "before its first row": past every id in the direction read.
    const last = i > 0 ? { value: null, id: desc ? Number.MAX_SAFE_INTEGER : 0 } : null;
    if (last && count > 0) anchors.push({ position: before, cursor: last });
    segments.push({
      ...shape,
      where: broad ? and([...walkBase, { sql: shape.extra, params: [] }]) : shape.where,
      whole: !broad,
      start: before,
      count,
      reach: before,
      last,
      back: before + count,
      first: null,
    });
    before += count;
  });
  const built: Anchors = { total, ids: null, anchors };
  lazy.set(built, { segments, from, every: anchorEvery });
  return built;
}

/**
 * An ORDER BY that SQLite may not answer by walking the sort index (`+` hides the column from the
 * planner): reading every match of a narrow filter, walking a million-entry index with a table
 * lookup each to skip a sort took 4–6 s (TMALL + 广东省 by amount); finding the 8,000 matches and
 * sorting them takes 0.3 s.
 */
const sortedAfterwards = (orderBy: string): string =>
  orderBy
    .split(', ')
    .map((term) => `+${term}`)
    .join(', ');

/** Rows numbered per step beyond the asked position, so scrolling on does not number again at once. */
const AHEAD = 16;
/** A result at least 1/BROAD_SHARE of the store is numbered stretch by stretch along the sort index. */
const BROAD_SHARE = 4;

/**
 * Makes sure an anchor lies fewer than ANCHOR_EVERY rows before `position`: numbers the rows
 * (row_number inside SQLite, every ANCHOR_EVERY-th kept) from whichever numbered end of its
 * segment is nearer, the top or the bottom, to a little past it. Scrolling to the last row thus
 * numbers only the last rows, and the middle of a result costs half a pass at most.
 */
function extendTo(db: Db, result: Anchors, position: number): void {
  const state = lazy.get(result);
  if (!state || startAt(result.anchors, position).skip < state.every) return;
  const { segments, from, every } = state;
  const segment = segments.find((s) => position >= s.start && position < s.start + s.count);
  if (!segment) return;
  const end = segment.start + segment.count;
  const forward = segment.whole || position - segment.reach <= segment.back - position;
  const walk = forward ? segment.forward : segment.backward;
  const from_ = forward ? segment.reach : segment.back;
  const cursor = forward ? segment.last : segment.first;
  // Forward, row n (1-based) after `from_` is row from_+n-1 and anchors position from_+n;
  // backward, it is row from_-n and anchors position from_-n+1 (rows after it start there).
  // The anchor wanted is the multiple of `every` (from the segment's start) at or before position.
  const wanted = segment.start + Math.floor((position - segment.start) / every) * every;
  const take = segment.whole
    ? end - from_
    : forward
      ? Math.min(end - from_, position - from_ + every * AHEAD)
      : Math.min(from_ - segment.start, from_ - wanted + 1 + every * AHEAD);
  const where = and([segment.where, cursor ? walk.seek(cursor) : null]);
  const rows = prepareCached(
    db,
    `SELECT v, id, n FROM (
       SELECT v, id, row_number() OVER (ORDER BY ${walk.innerOrder}) AS n FROM (
         SELECT ${segment.value} AS v, o.id AS id ${from} WHERE ${where.sql}
         ORDER BY ${segment.whole ? sortedAfterwards(walk.orderBy) : walk.orderBy} LIMIT ?
       )
     ) WHERE (? ${forward ? '+' : '-'} n) % ${every} = 0 OR n = ?`,
  )
    .raw()
    .all(...where.params, take, forward ? from_ - segment.start : from_ + 1 - segment.start, take) as Array<
    [number | null, number, number]
  >;
  const found = rows.map(([value, id, n]) => ({
    position: forward ? from_ + n : from_ - n + 1,
    cursor: { value, id },
  }));
  const furthest = found[found.length - 1];
  if (!furthest) return;
  if (forward) {
    segment.reach = furthest.position;
    segment.last = furthest.cursor;
  } else {
    segment.back = furthest.position - 1;
    segment.first = furthest.cursor;
  }
  // An anchor at the segment's end would start the next segment from the wrong side of a skip
  // (readPage skips in the first segment it reads only); that position has the next one's anchor.
  result.anchors.push(...found.filter((a) => a.position > segment.start && a.position < end));
  result.anchors.sort((a, b) => a.position - b.position);
}
