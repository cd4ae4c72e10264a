import type { OrderRecord } from '../../shared/contract/records';
import { confirmDueAt } from '../../shared/domain/deadlines';
import type { TimerConfig } from '../../shared/domain/timers';
import type { OrderState } from '../../shared/intents/state';
import type { OrderWrite } from '../storage/repositories';

/** Order no., the platform's order no., receiver and tracking numbers, lower-cased: what free text looks in. */
export function searchTextOf(record: OrderRecord): string {
  return [
    record.orderNo,
    record.external?.externalOrderNo ?? '',
    record.receiver?.name ?? '',
    record.receiver?.phone ?? '',
    ...record.waybills.map((w) => w.trackingNo),
  ]
    .join(' ')
    .toLowerCase();
}

/** Every indexed column comes from the record here and nowhere else, so they cannot drift apart. */
export function orderWrite(state: OrderState, seq: number, timers: TimerConfig): OrderWrite {
  const { record } = state;
  return {
    orderNo: record.orderNo,
    parentNo: record.parentNo,
    kind: record.kind,
    source: record.source,
    platform: record.platform,
    status: record.status,
    paymentStatus: record.paymentStatus,
    refundStatus: record.refundStatus,
    locked: record.locked,
    hasException: record.exception !== null,
    merchantId: record.merchantId,
    warehouseId: record.warehouseId,
    storeId: record.storeId,
    dealerId: record.dealerId,
    province: record.receiver?.province ?? null,
    paymentChannel: record.payment.channel,
    createdAt: record.createdAt,
    paidAt: record.paidAt,
    shippedAt: record.shippedAt,
    completedAt: record.completedAt,
    payable: record.amounts.payable,
    searchText: searchTextOf(record),
    receiptExtended: state.receiptExtended,
    confirmDueAt: confirmDueAt({ ...record, receiptExtended: state.receiptExtended }, timers),
    reviewPending: record.review?.status === 'PENDING',
    reviewHeldAt: record.review?.status === 'PENDING' ? record.review.heldAt : null,
    buyerId: record.buyer.id,
    seq,
    json: JSON.stringify(record),
    trackingNos: record.waybills.map((w) => w.trackingNo),
    shopId: record.external?.shopId ?? null,
    externalOrderNo: record.external?.externalOrderNo ?? null,
  };
}
