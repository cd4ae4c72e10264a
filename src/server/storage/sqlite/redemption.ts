import type { OrderRecord } from '../../../shared/contract/records';
import type {
  CodeRow,
  CodesRepo,
  RedeemRequestRow,
  RedeemRequestsRepo,
  RedemptionRow,
  RedemptionsRepo,
} from '../repositories';
import { placeholders } from '../sql';
import { flag, type Prepare } from './statements';

const CODE = `id, order_no AS "orderNo", merchant_id AS "merchantId", code, verifier, valid_from AS "validFrom",
  valid_to AS "validTo", uses_total AS "usesTotal", uses_left AS "usesLeft", live, live_until AS "liveUntil"`;

const toCode = (raw: Omit<CodeRow, 'live'> & { live: number }): CodeRow => ({ ...raw, live: flag(raw.live) });

export const codesRepo = (sql: Prepare): CodesRepo => ({
  async insert(row) {
    const inserted = sql(
      `INSERT INTO redemption_codes (order_no, merchant_id, code, verifier, valid_from, valid_to, uses_total, uses_left,
         live, live_until)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id`,
    ).get(
      row.orderNo,
      row.merchantId,
      row.code,
      row.verifier,
      row.validFrom,
      row.validTo,
      row.usesTotal,
      row.usesLeft,
      row.live ? 1 : 0,
      row.liveUntil,
    ) as { id: number } | undefined;
    return inserted?.id ?? null;
  },
  async byOrder(orderNo) {
    const raw = sql(`SELECT ${CODE} FROM redemption_codes WHERE order_no = ?`).get(orderNo) as
      Parameters<typeof toCode>[0] | undefined;
    return raw ? toCode(raw) : null;
  },
  async find(code) {
    const rows = sql(`SELECT ${CODE} FROM redemption_codes WHERE code = ? ORDER BY live DESC, id DESC`).all(
      code,
    ) as Array<Parameters<typeof toCode>[0]>;
    return rows.map(toCode);
  },
  async unverified(limit) {
    const rows = sql(`SELECT ${CODE} FROM redemption_codes WHERE verifier IS NULL ORDER BY id LIMIT ?`).all(
      limit,
    ) as Array<Parameters<typeof toCode>[0]>;
    return rows.map(toCode);
  },
  async setVerifier(id, verifier) {
    sql('UPDATE redemption_codes SET verifier = ? WHERE id = ?').run(verifier, id);
  },
  async takeUse(id, liveUntilIfLast) {
    // The WHERE is the single-use guard: of any number of concurrent takers, only as many as there
    // are uses left change a row. On PostgreSQL the row lock makes the same statement just as safe.
    const changed = sql(
      `UPDATE redemption_codes SET uses_left = uses_left - 1,
         live_until = CASE WHEN uses_left = 1 AND ? < live_until THEN ? ELSE live_until END
       WHERE id = ? AND uses_left > 0`,
    ).run(liveUntilIfLast, liveUntilIfLast, id).changes;
    return changed === 1;
  },
  async giveBackUse(id, liveUntil) {
    sql('UPDATE redemption_codes SET uses_left = uses_left + 1, live = 1, live_until = ? WHERE id = ?').run(
      liveUntil,
      id,
    );
  },
  async retire(id) {
    sql('UPDATE redemption_codes SET live = 0 WHERE id = ?').run(id);
  },
  async retireDue(now) {
    return sql('UPDATE redemption_codes SET live = 0 WHERE live = 1 AND live_until <= ?').run(now).changes;
  },
});

const REDEMPTION = `id, code_id AS "codeId", order_no AS "orderNo", store_id AS "storeId", actor, device,
  redeemed_at AS "redeemedAt", recorded_at AS "recordedAt", state, undone_at AS "undoneAt", undone_by AS "undoneBy"`;
const REDEMPTION_OF_R = `r.id, r.code_id AS "codeId", r.order_no AS "orderNo", r.store_id AS "storeId", r.actor,
  r.device, r.redeemed_at AS "redeemedAt", r.recorded_at AS "recordedAt", r.state, r.undone_at AS "undoneAt",
  r.undone_by AS "undoneBy"`;

export const redemptionsRepo = (sql: Prepare): RedemptionsRepo => ({
  async insert(r) {
    sql(
      `INSERT INTO redemptions (id, code_id, order_no, store_id, actor, device, redeemed_at, recorded_at, state, undone_at, undone_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      r.id,
      r.codeId,
      r.orderNo,
      r.storeId,
      r.actor,
      r.device,
      r.redeemedAt,
      r.recordedAt,
      r.state,
      r.undoneAt,
      r.undoneBy,
    );
  },
  async get(id) {
    return (sql(`SELECT ${REDEMPTION} FROM redemptions WHERE id = ?`).get(id) as RedemptionRow | undefined) ?? null;
  },
  async lastApplied(codeId) {
    return (
      (sql(
        `SELECT ${REDEMPTION} FROM redemptions WHERE code_id = ? AND state = 'applied'
         ORDER BY recorded_at DESC, redeemed_at DESC LIMIT 1`,
      ).get(codeId) as RedemptionRow | undefined) ?? null
    );
  },
  async markUndone(id, at, by) {
    sql(`UPDATE redemptions SET state = 'undone', undone_at = ?, undone_by = ? WHERE id = ?`).run(at, by, id);
  },
  async list(storeIds, from, to, limit) {
    const stores = storeIds ? `AND r.store_id IN (${placeholders(storeIds.length)})` : '';
    const rows = sql(
      `SELECT ${REDEMPTION_OF_R}, o.payable, o.record FROM redemptions r JOIN orders o ON o.order_no = r.order_no
       WHERE r.redeemed_at >= ? AND r.redeemed_at < ? ${stores} ORDER BY r.redeemed_at, r.id LIMIT ?`,
    ).all(from, to, ...(storeIds ?? []), limit) as Array<RedemptionRow & { payable: number; record: string }>;
    return rows.map(({ record, ...row }) => ({
      ...row,
      lines: (JSON.parse(record) as OrderRecord).lines.map(({ name, quantity }) => ({ name, quantity })),
    }));
  },
});

export const redeemRequestsRepo = (sql: Prepare): RedeemRequestsRepo => ({
  async get(requestId) {
    return (
      (sql(
        `SELECT request_id AS "requestId", user_id AS "userId", fingerprint, http_status AS "httpStatus", body,
           created_at AS "createdAt"
         FROM redeem_requests WHERE request_id = ?`,
      ).get(requestId) as RedeemRequestRow | undefined) ?? null
    );
  },
  async insert(r) {
    sql(
      `INSERT INTO redeem_requests (request_id, user_id, fingerprint, http_status, body, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(r.requestId, r.userId, r.fingerprint, r.httpStatus, r.body, r.createdAt);
  },
});
