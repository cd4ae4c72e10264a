import type { PoolClient } from 'pg';
import { compile, type Sql, type Statement } from '../dialect';

/** Runs compiled statements on one pooled connection, inside the unit's transaction. */
export class PostgresSql implements Sql {
  readonly dialect = 'postgres' as const;

  constructor(private readonly client: PoolClient) {}

  private async query(statement: Statement<unknown>) {
    const { sql, parameters } = compile('postgres', statement);
    return this.client.query({ text: sql, values: parameters as unknown[] });
  }

  async all<R>(statement: Statement<R>): Promise<R[]> {
    return (await this.query(statement)).rows as R[];
  }

  async first<R>(statement: Statement<R>): Promise<R | undefined> {
    return (await this.query(statement)).rows[0] as R | undefined;
  }

  async run(statement: Statement<unknown>): Promise<number> {
    return (await this.query(statement)).rowCount ?? 0;
  }
}
