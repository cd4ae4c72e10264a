import type { Db } from '../connection';
import { SEARCH_COLUMNS } from '../search-columns';
import type { Clause } from './clause';
import { prepareCached } from './statement-cache';

/** FTS5 trigram needs 3 characters to form a token; shorter text goes through plain indexes. */
const TRIGRAM = 3;

/**
 * How many matches a page query takes as a list of ids. Up to this many, the page reads just
 * those orders and sorts them (a few ms). Beyond it the text is broad ("138", "张"): reading and
 * sorting every match would grow with the store, so the page walks the sort index instead and
 * tests each order it passes on its own columns, reading only as far as the page needs (with a
 * tenth of all orders matching, a page of 200 reads about 2,000).
 */
const FEW_MATCHES = 2_000;

export type TextPurpose = 'page' | 'count';

/** An order number: source marker and at least six digits (the date). */
const ORDER_NO_SHAPE = /^[MDE]\d{6,}$/;

/** Two ways to find what a text matches: an indexed SELECT of ids, and a test of one order's row. */
interface Matcher {
  ids: Clause;
  row: Clause;
}

/**
 * The free-text box (order no., receiver name, phone, tracking no., a platform's order no.):
 * - shaped like an order number: "starts with" on the order no. index. FTS would find it too, but
 *   only by intersecting trigrams every order shares (M25, 000), which costs more with every order
 *   stored; no other searched field looks like M2506…
 * - 3+ characters: FTS5 trigram, i.e. "contains", through the index.
 * - 1–2 characters (张三 is a whole name!): "starts with" on order no., receiver name and phone,
 *   each a range scan on its index, never LIKE '%x%' over the table.
 * NFKC first: a Chinese IME types full-width digits and letters (１３８, ＳＦ), which are the
 * same characters the user means.
 */
export function textClause(db: Db, raw: string, purpose: TextPurpose): Clause {
  return restrictTo(db, textMatcher(raw.normalize('NFKC').trim()), purpose);
}

/** The order-number field of the search area: "starts with", so a parent number finds its children. */
export function orderNoClause(db: Db, raw: string, purpose: TextPurpose): Clause {
  return restrictTo(db, prefixMatcher([['order_no', raw.normalize('NFKC').trim().toUpperCase()]]), purpose);
}

/** Orders among the matches, planned by how many there are (see FEW_MATCHES). */
function restrictTo(db: Db, { ids, row }: Matcher, purpose: TextPurpose): Clause {
  if (purpose === 'count') return { sql: `o.id IN (${ids.sql})`, params: ids.params };
  const few = prepareCached(db, `${ids.sql} LIMIT ${FEW_MATCHES + 1}`)
    .pluck()
    .all(...ids.params) as number[];
  if (few.length <= FEW_MATCHES)
    return { sql: 'o.id IN (SELECT value FROM json_each(?))', params: [JSON.stringify(few)] };
  return row;
}

function textMatcher(text: string): Matcher {
  const upper = text.toUpperCase();
  if (ORDER_NO_SHAPE.test(upper)) return prefixMatcher([['order_no', upper]]);
  if ([...text].length >= TRIGRAM) {
    // The row test is what a trigram phrase means: the text occurs in one of the columns, ASCII
    // case ignored (LIKE ignores ASCII case, as the trigram tokenizer does by default).
    const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // A platform's order number (淘宝, 京东, 拼多多) is pasted whole or by its start: "starts with"
    // on its own partial index, beside the trigram index of the other columns.
    const external = [text, prefixEnd(text)];
    return {
      ids: {
        sql: `SELECT rowid FROM orders_fts WHERE orders_fts MATCH ?
              UNION ALL SELECT id FROM orders WHERE external_order_no >= ? AND external_order_no < ?`,
        params: [ftsPhrase(text), ...external],
      },
      row: {
        sql: `(${SEARCH_COLUMNS.map((c) => `o.${c} LIKE ? ESCAPE '\\'`).join(' OR ')}
               OR (+o.external_order_no >= ? AND +o.external_order_no < ?))`,
        params: [...SEARCH_COLUMNS.map(() => pattern), ...external],
      },
    };
  }
  // Names have no digits and phones have nothing but digits: skip the branch that cannot match.
  return prefixMatcher([['order_no', upper], /^\d+$/.test(text) ? ['receiver_phone', text] : ['receiver_name', text]]);
}

function prefixMatcher(branches: Array<[column: string, prefix: string]>): Matcher {
  const params = branches.flatMap(([, prefix]) => [prefix, prefixEnd(prefix)]);
  return {
    ids: {
      sql: branches.map(([c]) => `SELECT id FROM orders WHERE ${c} >= ? AND ${c} < ?`).join(' UNION ALL '),
      params,
    },
    // `+` so that SQLite tests the row instead of reaching for the column's index.
    row: { sql: `(${branches.map(([c]) => `(+o.${c} >= ? AND +o.${c} < ?)`).join(' OR ')})`, params },
  };
}

/** A quoted FTS5 string: operators and punctuation inside it are just characters. */
export const ftsPhrase = (text: string): string => `"${text.replaceAll('"', '""')}"`;

/**
 * The smallest string greater than every string starting with `prefix`: the prefix with its last
 * code point incremented. SQLite compares TEXT as UTF-8 bytes, whose order is code point order, so
 * `col >= prefix AND col < prefixEnd(prefix)` is exactly "starts with" and uses the index.
 */
export function prefixEnd(prefix: string): string {
  const points = [...prefix];
  const last = (points.pop() ?? '').codePointAt(0) ?? 0;
  // Skip the surrogate block, which no well-formed string contains; past U+10FFFF nothing sorts.
  const next = last + 1 === 0xd800 ? 0xe000 : Math.min(last + 1, 0x10ffff);
  return points.join('') + String.fromCodePoint(next);
}
