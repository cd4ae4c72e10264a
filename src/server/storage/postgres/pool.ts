import pg from 'pg';

const INT8 = 20;
const NUMERIC = 1700;
const JSON_OID = 114;
const JSONB = 3802;

/**
 * How column values come back: bigint (money in fen, epoch milliseconds, sequence numbers) and
 * numeric (a SUM of bigints) as JS numbers, like SQLite's INTEGER: every value the service stores
 * stays below 2^53. json/jsonb as their text, so a stored record is sent on without being parsed
 * and re-serialised, exactly as SQLite's TEXT.
 */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8 || oid === NUMERIC) return (value: string) => Number(value);
    if (oid === JSON_OID || oid === JSONB) return (value: string) => value;
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

export interface PoolOptions {
  /** postgres://user:password@host:port/database (libpq's URL, including ?sslmode=...). */
  url: string;
  /** Connections this node keeps open at most; each running unit holds one. */
  size: number;
}

export function createPool({ url, size }: PoolOptions): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: size, types, application_name: 'order-service' });
  // An idle connection the server drops (a restart, a failover) must not crash the node: the pool
  // discards it and the next unit opens a new one.
  pool.on('error', () => undefined);
  return pool;
}
