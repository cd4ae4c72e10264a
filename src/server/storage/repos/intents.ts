import { sql } from 'kysely';
import type { Sql } from '../dialect';
import type { IntentRow, IntentsRepo, RefundsRepo } from '../repositories';
import { json } from './values';

interface RawIntent extends Omit<IntentRow, 'fieldErrors' | 'conflict'> {
  fieldErrors: string | null;
  conflict: string | null;
}

/**
 * An intent id is claimed on PostgreSQL with a two-int advisory lock (4611) held until the unit
 * ends, so the same intent pushed again to another node meanwhile waits, then finds this one's
 * outcome instead of applying it a second time.
 */
export const intentsRepo = (db: Sql): IntentsRepo => {
  // Ids this unit holds already (a push claims its batch up front): no second round trip each.
  const claimed = new Set<string>();
  const claim = async (id: string) => {
    if (db.dialect !== 'postgres' || claimed.has(id)) return;
    await db.run(sql`SELECT pg_advisory_xact_lock(4611, hashtext(${id}))`);
    claimed.add(id);
  };
  return {
    async claimAll(ids) {
      const fresh = [...new Set(ids)].filter((id) => !claimed.has(id)).sort();
      if (db.dialect !== 'postgres' || fresh.length === 0) return;
      // One round trip, in id order (the sorted subquery is read row by row, each locked in turn).
      await db.run(
        sql`SELECT pg_advisory_xact_lock(4611, hashtext(id)) FROM (SELECT unnest(${fresh}::text[]) AS id ORDER BY 1) ids`,
      );
      for (const id of fresh) claimed.add(id);
    },
    async get(id) {
      await claim(id);
      const raw = await db.first(
        sql<RawIntent>`SELECT id, user_id AS "userId", device_id AS "deviceId", device_seq AS "deviceSeq", type,
         order_no AS "orderNo", status, code, message, field_errors AS "fieldErrors", conflict,
         client_time AS "clientTime", received_at AS "receivedAt"
       FROM intents WHERE id = ${id}`,
      );
      if (!raw) return null;
      return {
        ...raw,
        fieldErrors: raw.fieldErrors === null ? null : (JSON.parse(raw.fieldErrors) as IntentRow['fieldErrors']),
        conflict: raw.conflict === null ? null : (JSON.parse(raw.conflict) as IntentRow['conflict']),
      };
    },
    async insert(r) {
      await db.run(
        sql`INSERT INTO intents (id, user_id, device_id, device_seq, type, order_no, status, code, message, field_errors,
         conflict, client_time, received_at)
       VALUES (${r.id}, ${r.userId}, ${r.deviceId}, ${r.deviceSeq}, ${r.type}, ${r.orderNo}, ${r.status}, ${r.code},
         ${r.message}, ${r.fieldErrors === null ? null : json(r.fieldErrors)},
         ${r.conflict === null ? null : json(r.conflict)}, ${r.clientTime}, ${r.receivedAt})`,
      );
    },
  };
};

export const refundsRepo = (db: Sql): RefundsRepo => ({
  async insert(r) {
    await db.run(
      sql`INSERT INTO refunds (id, order_no, after_sale_id, amount, channel, original_serial_no, refunded_at, refunded_by)
       VALUES (${r.id}, ${r.orderNo}, ${r.afterSaleId}, ${r.amount}, ${r.channel}, ${r.originalSerialNo},
         ${r.refundedAt}, ${r.refundedBy})`,
    );
  },
});
