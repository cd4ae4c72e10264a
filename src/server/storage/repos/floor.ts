import { sql } from 'kysely';
import type { Sql } from '../dialect';
import type { FloorRepo, ItemCodeRow, WarehousePolicyRow } from '../repositories';
import { matchesAny } from '../sql';
import { flag } from './values';

type RawPolicy = Omit<WarehousePolicyRow, 'requireVerification'> & { requireVerification: unknown };

export const floorRepo = (db: Sql): FloorRepo => ({
  async itemCodePage(afterSeq, upTo, limit) {
    return db.all(
      sql<ItemCodeRow>`SELECT code_seq AS seq, sku, barcode, name, spec FROM products
       WHERE code_seq > ${afterSeq} AND code_seq <= ${upTo} AND kind = 'PHYSICAL' ORDER BY code_seq LIMIT ${limit}`,
    );
  },
  async warehousePage(ids, afterSeq, upTo, limit) {
    const only = ids === null ? sql`1 = 1` : matchesAny('id', ids);
    const rows = await db.all(
      sql<RawPolicy>`SELECT seq, id, name, require_verification AS "requireVerification" FROM warehouses
       WHERE seq > ${afterSeq} AND seq <= ${upTo} AND ${only} ORDER BY seq LIMIT ${limit}`,
    );
    return rows.map((row) => ({ ...row, requireVerification: flag(row.requireVerification) }));
  },
  async requiresVerification(warehouseId) {
    const row = await db.first(
      sql<{ r: unknown }>`SELECT require_verification AS r FROM warehouses WHERE id = ${warehouseId}`,
    );
    return row ? flag(row.r) : false;
  },
  async setVerificationPolicy(warehouseId, required, seq) {
    return (
      (await db.run(
        sql`UPDATE warehouses SET require_verification = ${required}, seq = ${seq} WHERE id = ${warehouseId}`,
      )) === 1
    );
  },
});
