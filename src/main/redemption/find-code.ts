import type { OrderRecord } from '../../shared/contract/records';
import { maskPhone, redemptionRefusal } from '../../shared/domain/redemption-code';
import type { RedemptionPreview } from '../../shared/contract/api';
import { getOrderDetail } from '../db/orders-query';
import type { CallContext } from '../ipc/dispatcher';
import { ApiFailure } from '../ipc/failure';
import type { WrongCodeLimiter } from './attempts';

/** The verifier keys (salt and cost, one per merchant) of the codes this desk holds. */
function verifierKeys(ctx: CallContext): string[] {
  return ctx.db
    .prepare(
      `SELECT DISTINCT substr(code, 1, instr(code, '$sealed:') - 1) FROM redemption_codes
       WHERE code LIKE 'scrypt$%$sealed:%'`,
    )
    .pluck()
    .all() as string[];
}

/**
 * The service order a typed code belongs to, within the clerk's scope. The desk holds no code, only
 * sealed verifiers: the typed code is hashed under each merchant key (one scrypt each, off the
 * event loop) and the result looked up by index. Wrong codes count against the clerk here, so this
 * lookup is no faster a guessing oracle than the service's own.
 */
export async function findByCode(
  ctx: CallContext,
  limiter: WrongCodeLimiter,
  code: string,
  storeId: string,
): Promise<OrderRecord> {
  const { db, session } = ctx;
  const { now, seal } = ctx.stamp();
  if (!session.scope.all && !session.scope.storeIds.includes(storeId)) {
    throw new ApiFailure('ACTION_REFUSED', `Store ${storeId} is not yours`, 'STORE_NOT_IN_SCOPE');
  }
  if (limiter.blocked(session.username, now))
    throw new ApiFailure('RATE_LIMITED', 'Too many wrong codes; wait a while');
  const keys = (await seal.lookupKeys(code, verifierKeys(ctx))).filter(Boolean);
  // The user may have signed out while the hash ran.
  if (!db.open) throw new ApiFailure('UNAUTHENTICATED', 'Signed out');
  // Six digits repeat over a million orders: the service keeps a code unique only while it can be
  // used, so an old, used-up order may share the digits. The one that can still be redeemed wins.
  const candidates =
    keys.length === 0
      ? []
      : (db
          .prepare(
            `SELECT o.order_no AS orderNo FROM redemption_codes c JOIN orders o ON o.id = c.order_id
             WHERE c.code IN (${keys.map(() => '?').join(', ')}) ORDER BY c.uses_left > 0 DESC, c.valid_to DESC`,
          )
          .all(...keys) as Array<{ orderNo: string }>);
  const detail =
    candidates.map((c) => getOrderDetail(db, session.scope, c.orderNo)).find((found) => found !== null) ?? null;
  if (!detail) {
    limiter.record(session.username, now);
    throw new ApiFailure('ACTION_REFUSED', 'No such code at this store', 'CODE_NOT_FOUND');
  }
  const { pendingSync: _pending, ...record } = detail;
  return record;
}

/** The order as stored now (inside a transaction, after the lookup's wait). */
export function currentRecord(ctx: CallContext, orderNo: string): OrderRecord {
  const detail = getOrderDetail(ctx.db, ctx.session.scope, orderNo);
  if (!detail) throw new ApiFailure('ACTION_REFUSED', 'No such code at this store', 'CODE_NOT_FOUND');
  const { pendingSync: _pending, ...record } = detail;
  return record;
}

export function previewOf(record: OrderRecord): RedemptionPreview {
  const code = record.redemptionCode!;
  return {
    orderNo: record.orderNo,
    merchantName: record.merchantName,
    items: record.lines.map((l) => ({ name: l.name, spec: l.spec, quantity: l.quantity })),
    buyerName: record.buyer.name,
    buyerPhone: maskPhone(record.receiver?.phone ?? record.buyer.account),
    payable: record.amounts.payable,
    validFrom: code.validFrom,
    validTo: code.validTo,
    usesLeft: code.usesLeft,
    usesTotal: code.usesTotal,
  };
}

/**
 * A code found but not redeemable now (used up, not yet valid, expired) is refused at once, at the
 * preview as at the confirmation: the clerk hears "used up, by whom, where, when" before the
 * customer is asked to wait for a confirm that cannot succeed.
 */
export function redeemableOrRefuse(record: OrderRecord, now: number): OrderRecord {
  const refused = redemptionRefusal(
    { ...record.redemptionCode!, merchantId: record.merchantId },
    now,
    record.merchantId,
  );
  if (refused) throw new ApiFailure('ACTION_REFUSED', `Code cannot be redeemed: ${refused}`, refused);
  return record;
}
