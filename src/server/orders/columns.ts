import type { OrderRecord } from '../../shared/contract/records';
import { carrierByCode } from '../../shared/domain/carriers';
import { autoConfirmAt, type DeliveryMode, type TimerConfig } from '../../shared/domain/timers';
import type { OrderState } from '../../shared/intents/state';
import type { OrderWrite } from '../storage/repositories';

/**
 * When a 待收货 order confirms itself. A shipment split over carriers waits for the slowest one:
 * the buyer must not be confirmed before a surface-mail parcel could arrive. Goods handed over
 * without a waybill count as NO_LOGISTICS.
 */
export function confirmDueAt({ record, receiptExtended }: OrderState, timers: TimerConfig): number | null {
  if (record.status !== 'PENDING_RECEIPT') return null;
  const extended = receiptExtended;
  if (record.kind === 'VIRTUAL') {
    const deliveredAt = record.paidAt ?? record.createdAt;
    return autoConfirmAt({ shippedAt: deliveredAt, delivery: 'NO_LOGISTICS', kind: 'VIRTUAL', extended }, timers);
  }
  const shippedAt = record.shippedAt ?? record.paidAt ?? record.createdAt;
  const deliveries: DeliveryMode[] = record.waybills.map((w) => carrierByCode(w.carrier)?.delivery ?? 'EXPRESS');
  const deadlines = (deliveries.length > 0 ? deliveries : ['NO_LOGISTICS' as const]).map(
    (delivery) => autoConfirmAt({ shippedAt, delivery, kind: record.kind, extended }, timers) ?? shippedAt,
  );
  const due = Math.max(...deadlines);
  // Signed for (签收) everywhere: the countdown restarts from the last signature, never later than before.
  const signed = record.waybills.map((w) => w.signedAt);
  if (signed.length === 0 || signed.some((at) => at === null)) return due;
  const extension = extended ? timers.receiptExtensionMs.PHYSICAL : 0;
  return Math.min(due, Math.max(...(signed as number[])) + timers.signedConfirmMs + extension);
}

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
    confirmDueAt: confirmDueAt(state, timers),
    seq,
    json: JSON.stringify(record),
    trackingNos: record.waybills.map((w) => w.trackingNo),
    shopId: record.external?.shopId ?? null,
    externalOrderNo: record.external?.externalOrderNo ?? null,
  };
}
