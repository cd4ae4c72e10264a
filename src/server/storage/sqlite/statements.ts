import type Database from 'better-sqlite3';
import type { Db } from '../db';

/**
 * Prepared statements by SQL text. Dynamic SQL (filters, scopes) has few distinct shapes, so the
 * cache stays small while every call after the first skips SQLite's parser.
 */
export function statementCache(db: Db): (sql: string) => Database.Statement {
  const cache = new Map<string, Database.Statement>();
  return (sql) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
}

export type Prepare = ReturnType<typeof statementCache>;

export const flag = (value: unknown): boolean => value === 1;
