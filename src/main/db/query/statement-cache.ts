import type { Statement } from 'better-sqlite3';
import type { Db } from '../connection';

/**
 * List queries are built from the filters present, so their SQL varies; the number of distinct
 * shapes a user produces is small, and preparing costs more than running a page. Bounded so a
 * long session that tries every combination cannot grow it without limit.
 */
const MAX_STATEMENTS = 256;
const caches = new WeakMap<Db, Map<string, Statement>>();

export function prepareCached(db: Db, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (statement) {
    // Re-insert to keep the map in least-recently-used order.
    cache.delete(sql);
  } else {
    statement = db.prepare(sql);
    if (cache.size >= MAX_STATEMENTS) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
  }
  cache.set(sql, statement);
  return statement;
}
