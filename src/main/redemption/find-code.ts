import type { OrderRecord } from '../../shared/contract/records';
import { maskPhone, redemptionRefusal } from '../../shared/domain/redemption-code';
import type { RedemptionPreview } from '../../shared/contract/api';
import { getOrderDetail } from '../db/orders-query';
import type { CallContext } from '../ipc/dispatcher';
import { ApiFailure } from '../ipc/failure';
import type { WrongCodeLimiter } from './attempts';

/** The service order a code belongs to, found by its seal within the clerk's scope. */
export function findByCode(ctx: CallContext, limiter: WrongCodeLimiter, code: string, storeId: string): OrderRecord {
  const { db, session } = ctx;
  const { now, seal } = ctx.stamp();
  if (!session.scope.all && !session.scope.storeIds.includes(storeId)) {
    throw new ApiFailure('ACTION_REFUSED', `Store ${storeId} is not yours`, 'STORE_NOT_IN_SCOPE');
  }
  if (limiter.blocked(session.username, now))
    throw new ApiFailure('RATE_LIMITED', 'Too many wrong codes; wait a while');
  // Six digits repeat over a million orders: the service keeps a code unique only while it can be
  // used, so an old, used-up order may share the digits. The one that can still be redeemed wins.
  const candidates = db
    .prepare(
      `SELECT o.order_no AS orderNo FROM redemption_codes c JOIN orders o ON o.id = c.order_id
       WHERE c.code = ? ORDER BY c.uses_left > 0 DESC, c.valid_to DESC`,
    )
    .all(seal.seal(code)) as Array<{ orderNo: string }>;
  const detail =
    candidates.map((c) => getOrderDetail(db, session.scope, c.orderNo)).find((found) => found !== null) ?? null;
  if (!detail) {
    limiter.record(session.username, now);
    throw new ApiFailure('ACTION_REFUSED', 'No such code at this store', 'CODE_NOT_FOUND');
  }
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
