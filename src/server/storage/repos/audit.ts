import { sql } from 'kysely';
import type { Sql } from '../dialect';
import type { AuditRepo, AuditRow } from '../repositories';
import { json } from './values';

export const auditRepo = (db: Sql): AuditRepo => ({
  async insert(row) {
    await db.run(
      sql`INSERT INTO audit_log (at, actor, action, target, detail)
        VALUES (${row.at}, ${row.actor}, ${row.action}, ${row.target}, ${json(row.detail)})`,
    );
  },
  async list({ beforeId, target, limit }) {
    const filters = [
      beforeId === null ? null : sql`id < ${beforeId}`,
      target === null ? null : sql`target = ${target}`,
    ].filter((f) => f !== null);
    const where = filters.length === 0 ? sql`` : sql`WHERE ${sql.join(filters, sql` AND `)}`;
    const rows = await db.all(
      sql<Omit<AuditRow, 'detail'> & { detail: string }>`SELECT id, at, actor, action, target, detail
        FROM audit_log ${where} ORDER BY id DESC LIMIT ${limit}`,
    );
    return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
  },
});
