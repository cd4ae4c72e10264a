import type Database from 'better-sqlite3';
import { compile, type Sql, type Statement } from '../dialect';

/** SQLite has no boolean type: flags are stored as 0/1 (and read back through `flag`). */
const bindable = (value: unknown): unknown => (value === true ? 1 : value === false ? 0 : value);

/**
 * Runs compiled statements on one better-sqlite3 connection. Statements are prepared once per SQL
 * text: dynamic SQL (filters, scopes) has few distinct shapes, so the cache stays small while every
 * call after the first skips SQLite's parser. Calls are synchronous underneath; the promises only
 * give the repositories one shape for both stores.
 */
export class SqliteSql implements Sql {
  readonly dialect = 'sqlite' as const;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  private prepare(statement: Statement<unknown>): { prepared: Database.Statement; values: unknown[] } {
    const { sql, parameters } = compile('sqlite', statement);
    let prepared = this.statements.get(sql);
    if (!prepared) {
      prepared = this.db.prepare(sql);
      this.statements.set(sql, prepared);
    }
    return { prepared, values: parameters.map(bindable) };
  }

  async all<R>(statement: Statement<R>): Promise<R[]> {
    const { prepared, values } = this.prepare(statement);
    return prepared.all(...values) as R[];
  }

  async first<R>(statement: Statement<R>): Promise<R | undefined> {
    const { prepared, values } = this.prepare(statement);
    return prepared.get(...values) as R | undefined;
  }

  async run(statement: Statement<unknown>): Promise<number> {
    const { prepared, values } = this.prepare(statement);
    return prepared.reader ? prepared.all(...values).length : prepared.run(...values).changes;
  }
}
