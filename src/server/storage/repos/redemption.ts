import { sql } from 'kysely';
import type { OrderRecord } from '../../../shared/contract/records';
import type { Sql } from '../dialect';
import type {
  CodeRow,
  CodesRepo,
  RedeemRequestRow,
  RedeemRequestsRepo,
  RedemptionRow,
  RedemptionsRepo,
} from '../repositories';
import { matchesAny, TRUE_CLAUSE } from '../sql';
import { flag } from './values';

const CODE = sql`id, order_no AS "orderNo", merchant_id AS "merchantId", code, verifier, valid_from AS "validFrom",
  valid_to AS "validTo", uses_total AS "usesTotal", uses_left AS "usesLeft", live, live_until AS "liveUntil"`;

type RawCode = Omit<CodeRow, 'live'> & { live: unknown };
const toCode = (raw: RawCode): CodeRow => ({ ...raw, live: flag(raw.live) });

export const codesRepo = (db: Sql): CodesRepo => {
  // Redeeming reads a code, judges it, then takes a use: on PostgreSQL the code stays locked from
  // the read, so a concurrent redeem on any node waits and then judges the code as it is now.
  const forUpdate = db.dialect === 'postgres' ? sql`FOR UPDATE` : sql``;
  return {
    async insert(row) {
      // No conflict target: the partial unique index on live codes decides, on both engines.
      const inserted = await db.first(
        sql<{ id: number }>`INSERT INTO redemption_codes (order_no, merchant_id, code, verifier, valid_from, valid_to,
         uses_total, uses_left, live, live_until)
       VALUES (${row.orderNo}, ${row.merchantId}, ${row.code}, ${row.verifier}, ${row.validFrom}, ${row.validTo},
         ${row.usesTotal}, ${row.usesLeft}, ${row.live}, ${row.liveUntil})
       ON CONFLICT DO NOTHING RETURNING id`,
      );
      return inserted?.id ?? null;
    },
    async byOrder(orderNo) {
      const raw = await db.first(
        sql<RawCode>`SELECT ${CODE} FROM redemption_codes WHERE order_no = ${orderNo} ${forUpdate}`,
      );
      return raw ? toCode(raw) : null;
    },
    async find(code, { lock } = { lock: true }) {
      const rows = await db.all(
        sql<RawCode>`SELECT ${CODE} FROM redemption_codes WHERE code = ${code} ORDER BY live DESC, id DESC
          ${lock ? forUpdate : sql``}`,
      );
      return rows.map(toCode);
    },
    async unverified(limit) {
      const rows = await db.all(
        sql<RawCode>`SELECT ${CODE} FROM redemption_codes WHERE verifier IS NULL ORDER BY id LIMIT ${limit}`,
      );
      return rows.map(toCode);
    },
    async setVerifier(id, verifier) {
      await db.run(sql`UPDATE redemption_codes SET verifier = ${verifier} WHERE id = ${id}`);
    },
    async takeUse(id, liveUntilIfLast) {
      // The WHERE is the single-use guard: of any number of concurrent takers, only as many as there
      // are uses left change a row (on PostgreSQL a second taker waits for the row lock, then sees
      // the row as the first left it).
      const changed = await db.run(
        sql`UPDATE redemption_codes SET uses_left = uses_left - 1,
         live_until = CASE WHEN uses_left = 1 AND ${liveUntilIfLast} < live_until THEN ${liveUntilIfLast}
           ELSE live_until END
       WHERE id = ${id} AND uses_left > 0`,
      );
      return changed === 1;
    },
    async giveBackUse(id, liveUntil) {
      await db.run(
        sql`UPDATE redemption_codes SET uses_left = uses_left + 1, live = ${true}, live_until = ${liveUntil}
        WHERE id = ${id}`,
      );
    },
    async retire(id) {
      await db.run(sql`UPDATE redemption_codes SET live = ${false} WHERE id = ${id}`);
    },
    async retireDue(now) {
      return db.run(sql`UPDATE redemption_codes SET live = ${false} WHERE live = ${true} AND live_until <= ${now}`);
    },
  };
};

const REDEMPTION = sql`r.id, r.code_id AS "codeId", r.order_no AS "orderNo", r.store_id AS "storeId", r.actor,
  r.device, r.redeemed_at AS "redeemedAt", r.recorded_at AS "recordedAt", r.state, r.undone_at AS "undoneAt",
  r.undone_by AS "undoneBy"`;

export const redemptionsRepo = (db: Sql): RedemptionsRepo => ({
  async insert(r) {
    await db.run(
      sql`INSERT INTO redemptions (id, code_id, order_no, store_id, actor, device, redeemed_at, recorded_at, state,
         undone_at, undone_by)
       VALUES (${r.id}, ${r.codeId}, ${r.orderNo}, ${r.storeId}, ${r.actor}, ${r.device}, ${r.redeemedAt},
         ${r.recordedAt}, ${r.state}, ${r.undoneAt}, ${r.undoneBy})`,
    );
  },
  async get(id) {
    return (await db.first(sql<RedemptionRow>`SELECT ${REDEMPTION} FROM redemptions r WHERE r.id = ${id}`)) ?? null;
  },
  async lastApplied(codeId) {
    return (
      (await db.first(
        sql<RedemptionRow>`SELECT ${REDEMPTION} FROM redemptions r WHERE r.code_id = ${codeId} AND r.state = 'applied'
         ORDER BY r.recorded_at DESC, r.redeemed_at DESC LIMIT 1`,
      )) ?? null
    );
  },
  async markUndone(id, at, by) {
    await db.run(sql`UPDATE redemptions SET state = 'undone', undone_at = ${at}, undone_by = ${by} WHERE id = ${id}`);
  },
  async list(storeIds, from, to, limit) {
    const stores = storeIds ? matchesAny('r.store_id', storeIds) : TRUE_CLAUSE;
    const rows = await db.all(
      sql<RedemptionRow & { payable: number; record: string }>`SELECT ${REDEMPTION}, o.payable, o.record
       FROM redemptions r JOIN orders o ON o.order_no = r.order_no
       WHERE r.redeemed_at >= ${from} AND r.redeemed_at < ${to} AND ${stores}
       ORDER BY r.redeemed_at, r.id LIMIT ${limit}`,
    );
    return rows.map(({ record, ...row }) => ({
      ...row,
      lines: (JSON.parse(record) as OrderRecord).lines.map(({ name, quantity }) => ({ name, quantity })),
    }));
  },
});

export const redeemRequestsRepo = (db: Sql): RedeemRequestsRepo => ({
  async get(requestId) {
    // Like an intent id: claimed until the unit ends (4612), so a retry on another node waits for
    // the first attempt's answer instead of redeeming again.
    if (db.dialect === 'postgres') await db.run(sql`SELECT pg_advisory_xact_lock(4612, hashtext(${requestId}))`);
    return (
      (await db.first(
        sql<RedeemRequestRow>`SELECT request_id AS "requestId", user_id AS "userId", fingerprint,
           http_status AS "httpStatus", body, created_at AS "createdAt"
         FROM redeem_requests WHERE request_id = ${requestId}`,
      )) ?? null
    );
  },
  async insert(r) {
    await db.run(
      sql`INSERT INTO redeem_requests (request_id, user_id, fingerprint, http_status, body, created_at)
       VALUES (${r.requestId}, ${r.userId}, ${r.fingerprint}, ${r.httpStatus}, ${r.body}, ${r.createdAt})`,
    );
  },
});
