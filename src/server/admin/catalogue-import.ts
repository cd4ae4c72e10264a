import type { ImportAnswer } from '../../shared/contract/admin';
import { importRows } from '../../shared/catalogue/import-rows';
import { readTable } from '../../shared/files/read';
import { actorLabel, type Caller } from '../auth/caller';
import type { Deps } from '../deps';
import { ApiError } from '../http/errors';
import { recheckHeld } from '../intake/orders';
import { putProduct } from './company';

/**
 * SKUs from a catalogue file as a person saved it: an XLSX workbook (its first sheet) or CSV in
 * UTF-8 (with or without BOM), GBK/GB18030 or UTF-16, comma or tab separated (the shared readers,
 * src/shared/files/read.ts). One unit; each row in its own savepoint, so a row the store refuses (a
 * barcode another SKU has) is reported with its line and the rest still import. Held exception
 * orders are checked afterwards.
 */
export async function importCatalogue(deps: Deps, caller: Caller, bytes: Uint8Array): Promise<ImportAnswer> {
  const read = await readTable(bytes);
  if (!read.ok)
    throw new ApiError(
      'VALIDATION_FAILED',
      read.code === 'FILE_EMPTY' ? 'The file is empty' : 'The file cannot be read',
    );
  const records = read.table.rows.map((row) => ({ line: row.line, fields: row.cells }));
  const answer = await deps.store.unit(async (tx) => {
    const merchants = await tx.places.merchants();
    const { missing, rows } = importRows(records, merchants.length === 1 ? merchants[0]!.id : null);
    if (missing.length > 0)
      throw new ApiError('VALIDATION_FAILED', `The file has no column for ${missing.join(', ')} (see docs/api.md)`);
    const result: ImportAnswer = { created: 0, changed: 0, unchanged: 0, rejected: [] };
    const who = { actor: actorLabel(caller), now: deps.clock.now() };
    for (const row of rows) {
      if (!row.ok) {
        result.rejected.push({ row: row.row, reasons: row.reasons });
        continue;
      }
      try {
        const outcome = await tx.attempt(() => putProduct(tx, who, { ...row.sku, uses: 1, campaignId: null }));
        result[outcome]++;
      } catch (error) {
        // A refusal of the store (a barcode another SKU has) names the row; the rest still import.
        const reason =
          error instanceof ApiError
            ? { code: error.code, value: row.sku.sku, message: error.message }
            : {
                code: 'STORE_REFUSED',
                value: row.sku.sku,
                message: `the store refused it: ${(error as Error).message}`,
              };
        result.rejected.push({ row: row.row, reasons: [reason] });
      }
    }
    return result;
  });
  await recheckHeld(deps, { shopId: null, via: actorLabel(caller) });
  return answer;
}
