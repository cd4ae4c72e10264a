/**
 * SQL text helpers. Values spliced into SQL text come only from our own constant tuples, never
 * from a request; anything a user sent goes through bound parameters.
 */
const quote = (value: string): string => `'${value.replaceAll("'", "''")}'`;

/** `column IN ('A','B')` for a CHECK derived from a vocabulary tuple. */
export const oneOf = (column: string, values: readonly string[]): string =>
  `${column} IN (${values.map(quote).join(', ')})`;

/** `?, ?, ?` for binding a list. */
export const placeholders = (count: number): string => Array.from({ length: count }, () => '?').join(', ');

/** A WHERE fragment with its bound values, so clauses compose without string-pasting values. */
export interface Clause {
  sql: string;
  params: unknown[];
}

export const TRUE_CLAUSE: Clause = { sql: '1 = 1', params: [] };
export const FALSE_CLAUSE: Clause = { sql: '1 = 0', params: [] };

export function inList(column: string, values: readonly unknown[] | undefined): Clause | null {
  if (!values || values.length === 0) return null;
  return { sql: `${column} IN (${placeholders(values.length)})`, params: [...values] };
}

export function anyOf(clauses: readonly Clause[]): Clause {
  if (clauses.length === 0) return FALSE_CLAUSE;
  return { sql: `(${clauses.map((c) => c.sql).join(' OR ')})`, params: clauses.flatMap((c) => c.params) };
}

export function allOf(clauses: readonly Clause[]): Clause {
  if (clauses.length === 0) return TRUE_CLAUSE;
  return { sql: clauses.map((c) => `(${c.sql})`).join(' AND '), params: clauses.flatMap((c) => c.params) };
}

/** LIKE with the user's text taken literally: % and _ are escaped (ESCAPE works in PostgreSQL too). */
export const likeContains = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const bool = (value: boolean): number => (value ? 1 : 0);
