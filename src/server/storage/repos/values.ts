/** A flag as either engine returns it: SQLite's 0/1, PostgreSQL's boolean. */
export const flag = (value: unknown): boolean => value === 1 || value === true;

/**
 * A JSON column as text: SQLite keeps it as TEXT, and the PostgreSQL pool reads json/jsonb as
 * their text (postgres/pool.ts), so records can be sent on without being parsed.
 */
export const json = (value: unknown): string => JSON.stringify(value);
