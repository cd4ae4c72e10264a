import type { Statement } from 'better-sqlite3';
import type { Db } from './connection';
import { placeholders } from './sql';

type Value = string | number | bigint | null;

/**
 * Inserts many rows of one table with multi-row VALUES statements. Each statement call has a fixed
 * cost in the driver (a few µs) comparable to SQLite's own work for a small row, so ingest binds
 * up to ~8,000 values per call instead of running one call per row. The rows left over after the
 * full statements go in statements of 32, 16, 8, … rows, so every page reuses the same handful of
 * prepared statements whatever its size (preparing costs more than running).
 */
export class BulkInsert {
  private readonly statements = new Map<number, Statement>();
  private readonly rowsPerStatement: number;

  constructor(
    private readonly db: Db,
    private readonly table: string,
    private readonly columns: readonly string[],
    /** Appended to each statement, e.g. an ON CONFLICT clause that makes it an upsert. */
    private readonly suffix = '',
  ) {
    this.rowsPerStatement = Math.max(1, Math.floor(MAX_VALUES_PER_CALL / columns.length));
  }

  /** `values` holds whole rows back to back, in `columns` order. */
  run(values: readonly Value[]): void {
    const width = this.columns.length;
    const rows = values.length / width;
    let start = 0;
    while (start < rows) {
      const left = rows - start;
      const count = left >= this.rowsPerStatement ? this.rowsPerStatement : SMALL.find((n) => n <= left)!;
      this.statement(count).run(values.slice(start * width, (start + count) * width));
      start += count;
    }
  }

  private statement(rows: number): Statement {
    let statement = this.statements.get(rows);
    if (!statement) {
      const row = `(${placeholders(this.columns.length)})`;
      statement = this.db.prepare(
        `INSERT INTO ${this.table} (${this.columns.join(', ')}) VALUES ${Array.from({ length: rows }, () => row).join(', ')} ${this.suffix}`,
      );
      this.statements.set(rows, statement);
    }
    return statement;
  }
}

const MAX_VALUES_PER_CALL = 8_000;
/** Statement sizes for the rows left over, largest first. */
const SMALL = [128, 64, 32, 16, 8, 4, 2, 1];
