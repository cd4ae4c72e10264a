import { sql, type RawBuilder, type SqlBool } from 'kysely';

/**
 * Predicates that compose: each is a Kysely `sql` fragment whose values are bound parameters, so a
 * filter built from a request never pastes the request's text into SQL, and the same predicate
 * compiles for SQLite and PostgreSQL alike.
 */
export type Clause = RawBuilder<SqlBool>;

export const TRUE_CLAUSE: Clause = sql<SqlBool>`1 = 1`;
export const FALSE_CLAUSE: Clause = sql<SqlBool>`1 = 0`;

/** `column IN (…)` over bound values; an empty list matches nothing (PostgreSQL has no `IN ()`). */
export function matchesAny(column: string, values: readonly unknown[]): Clause {
  return values.length === 0 ? FALSE_CLAUSE : sql<SqlBool>`${sql.ref(column)} IN (${sql.join(values)})`;
}

/** A filter on a list field: absent or empty narrows nothing. */
export function inList(column: string, values: readonly unknown[] | undefined): Clause | null {
  return !values || values.length === 0 ? null : matchesAny(column, values);
}

export function anyOf(clauses: readonly Clause[]): Clause {
  if (clauses.length === 0) return FALSE_CLAUSE;
  return sql<SqlBool>`(${sql.join(clauses, sql` OR `)})`;
}

export function allOf(clauses: readonly Clause[]): Clause {
  if (clauses.length === 0) return TRUE_CLAUSE;
  return sql<SqlBool>`(${sql.join(
    clauses.map((c) => sql`(${c})`),
    sql` AND `,
  )})`;
}

/** LIKE with the user's text taken literally: % and _ are escaped (ESCAPE works in PostgreSQL too). */
export const likeContains = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * `column IN ('A','B')` for a CHECK constraint in a migration's DDL, derived from a vocabulary
 * tuple: DDL cannot bind parameters, and these values are our own constants, never a request's.
 */
export const oneOf = (column: string, values: readonly string[]): string =>
  `${column} IN (${values.map((value) => `'${value.replaceAll("'", "''")}'`).join(', ')})`;
