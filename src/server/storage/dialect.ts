import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type CompiledQuery,
  type RawBuilder,
} from 'kysely';

/** The two engines the service runs on: one SQLite file, or PostgreSQL behind several nodes. */
export type Dialect = 'sqlite' | 'postgres';

/**
 * A statement as the repositories write it: a Kysely `sql` template (values bound, never pasted
 * into the text) or any Kysely query builder. Each store compiles it for its own engine, so one
 * repository runs on both (`?` for SQLite, `$1` for PostgreSQL, identifiers quoted for each).
 */
export type Statement<R> = RawBuilder<R> | { compile(): CompiledQuery<R> };

/** One unit's way to run statements. Rows come back as plain objects with the columns' aliases. */
export interface Sql {
  readonly dialect: Dialect;
  all<R>(statement: Statement<R>): Promise<R[]>;
  first<R>(statement: Statement<R>): Promise<R | undefined>;
  /** Runs a statement and answers how many rows it changed. */
  run(statement: Statement<unknown>): Promise<number>;
}

/**
 * Kysely instances that only compile (a DummyDriver never connects): building and executing are
 * split so the SQLite store keeps its synchronous, prepared-statement path and group commit.
 */
const compilers = {
  sqlite: new Kysely<Record<string, never>>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  }),
  postgres: new Kysely<Record<string, never>>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  }),
};

/** A builder made from this instance compiles for the dialect; `sql` templates compile for either. */
export const queryBuilder = (dialect: Dialect) => compilers[dialect];

export function compile<R>(dialect: Dialect, statement: Statement<R>): CompiledQuery<R> {
  return 'isRawBuilder' in statement ? statement.compile(compilers[dialect]) : statement.compile();
}
