import type { FloorRepo, ItemCodeRow, WarehousePolicyRow } from '../repositories';
import { placeholders } from '../sql';
import { flag, type Prepare } from './statements';

type RawPolicy = Omit<WarehousePolicyRow, 'requireVerification'> & { requireVerification: number };

export const floorRepo = (sql: Prepare): FloorRepo => ({
  async itemCodePage(afterSeq, limit) {
    return sql(
      `SELECT code_seq AS seq, sku, barcode, name, spec FROM products
       WHERE code_seq > ? AND kind = 'PHYSICAL' ORDER BY code_seq LIMIT ?`,
    ).all(afterSeq, limit) as ItemCodeRow[];
  },
  async warehousePage(ids, afterSeq, limit) {
    const only = ids === null ? '' : `AND id IN (${ids.length ? placeholders(ids.length) : 'NULL'})`;
    const rows = sql(
      `SELECT seq, id, name, require_verification AS "requireVerification" FROM warehouses
       WHERE seq > ? ${only} ORDER BY seq LIMIT ?`,
    ).all(afterSeq, ...(ids ?? []), limit) as RawPolicy[];
    return rows.map((row) => ({ ...row, requireVerification: flag(row.requireVerification) }));
  },
  async requiresVerification(warehouseId) {
    const row = sql('SELECT require_verification AS r FROM warehouses WHERE id = ?').get(warehouseId) as
      { r: number } | undefined;
    return row ? flag(row.r) : false;
  },
  async setVerificationPolicy(warehouseId, required, seq) {
    return (
      sql('UPDATE warehouses SET require_verification = ?, seq = ? WHERE id = ?').run(
        required ? 1 : 0,
        seq,
        warehouseId,
      ).changes === 1
    );
  },
});
