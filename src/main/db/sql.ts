/**
 * Small SQL text helpers shared by migrations and queries. Values spliced into SQL text come only
 * from our own constant tuples (never from user input), so quoting them here is safe; anything a
 * user typed goes through bound parameters.
 */

const quote = (value: string): string => `'${value.replaceAll("'", "''")}'`;

/** `column IN ('A','B')` for a CHECK constraint derived from a vocabulary tuple. */
export const oneOf = (column: string, values: readonly string[]): string =>
  `${column} IN (${values.map(quote).join(', ')})`;

/** `?, ?, ?` for binding a list. */
export const placeholders = (count: number): string => Array.from({ length: count }, () => '?').join(', ');
