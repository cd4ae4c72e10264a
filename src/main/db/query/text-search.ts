import type { Clause } from './clause';

/** FTS5 trigram needs 3 characters to form a token; shorter text goes through plain indexes. */
const TRIGRAM = 3;

/**
 * The free-text box (order no., receiver name, phone, tracking no.):
 * - 3+ characters: FTS5 trigram, i.e. "contains", through the index.
 * - 1–2 characters (张三 is a whole name!): "starts with" on order no., receiver name and phone,
 *   each a range scan on its index, never LIKE '%x%' over the table.
 * NFKC first: a Chinese IME types full-width digits and letters (１３８, ＳＦ), which are the
 * same characters the user means.
 */
export function textClause(raw: string): Clause {
  const text = raw.normalize('NFKC').trim();
  if ([...text].length >= TRIGRAM) {
    return {
      sql: 'o.id IN (SELECT rowid FROM orders_fts WHERE orders_fts MATCH ?)',
      params: [ftsPhrase(text)],
    };
  }
  const digits = /^\d+$/.test(text);
  const branches: Array<{ column: string; prefix: string }> = [{ column: 'order_no', prefix: text.toUpperCase() }];
  // Names have no digits and phones have nothing but digits: skip the branch that cannot match.
  if (digits) branches.push({ column: 'receiver_phone', prefix: text });
  else branches.push({ column: 'receiver_name', prefix: text });
  const params: string[] = [];
  const selects = branches.map(({ column, prefix }) => {
    params.push(prefix, prefixEnd(prefix));
    return `SELECT id FROM orders WHERE ${column} >= ? AND ${column} < ?`;
  });
  return { sql: `o.id IN (${selects.join(' UNION ALL ')})`, params };
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
