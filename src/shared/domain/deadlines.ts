import { carrierByCode } from './carriers';
import {
  afterSalesWindowEndsAt,
  autoConfirmAt,
  DEFAULT_TIMERS,
  unpaidCancelAt,
  type DeliveryMode,
  type TimerConfig,
} from './timers';
import type { OrderKind, OrderStatus } from './vocabulary';

/** What happens at an order's next deadline (domain.md "Timers"). */
export const DEADLINE_KINDS = ['AUTO_CANCEL', 'AUTO_CONFIRM', 'AFTER_SALES_ENDS'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export interface Deadline {
  kind: DeadlineKind;
  at: number;
}

/** What the deadlines need of an order. */
export interface DeadlineFacts {
  kind: OrderKind;
  status: OrderStatus;
  createdAt: number;
  paidAt: number | null;
  shippedAt: number | null;
  completedAt: number | null;
  receiptExtended: boolean;
  waybills: ReadonlyArray<{ carrier: string; signedAt: number | null }>;
}

/**
 * When a 待收货 order confirms itself. A shipment split over carriers waits for the slowest one:
 * the buyer must not be confirmed before a surface-mail parcel could arrive. Goods handed over
 * without a waybill count as NO_LOGISTICS; virtual goods count from their delivery (payment).
 * Once every parcel is signed for (签收), the countdown restarts from the last signature, never
 * later than before.
 */
export function confirmDueAt(order: DeadlineFacts, timers: TimerConfig = DEFAULT_TIMERS): number | null {
  if (order.status !== 'PENDING_RECEIPT') return null;
  const extended = order.receiptExtended;
  if (order.kind === 'VIRTUAL') {
    const deliveredAt = order.paidAt ?? order.createdAt;
    return autoConfirmAt({ shippedAt: deliveredAt, delivery: 'NO_LOGISTICS', kind: 'VIRTUAL', extended }, timers);
  }
  const shippedAt = order.shippedAt ?? order.paidAt ?? order.createdAt;
  const deliveries: DeliveryMode[] = order.waybills.map((w) => carrierByCode(w.carrier)?.delivery ?? 'EXPRESS');
  const deadlines = (deliveries.length > 0 ? deliveries : ['NO_LOGISTICS' as const]).map(
    (delivery) => autoConfirmAt({ shippedAt, delivery, kind: order.kind, extended }, timers) ?? shippedAt,
  );
  const due = Math.max(...deadlines);
  const signed = order.waybills.map((w) => w.signedAt);
  if (signed.length === 0 || signed.some((at) => at === null)) return due;
  const extension = extended ? timers.receiptExtensionMs.PHYSICAL : 0;
  return Math.min(due, Math.max(...(signed as number[])) + timers.signedConfirmMs + extension);
}

/**
 * The order's next deadline, the one a person may want to beat: an unpaid order's auto-cancel, a
 * shipped one's auto-confirm, a completed one's end of the after-sales window. None otherwise.
 */
export function nextDeadline(order: DeadlineFacts, timers: TimerConfig = DEFAULT_TIMERS): Deadline | null {
  if (order.status === 'PENDING_PAYMENT') return { kind: 'AUTO_CANCEL', at: unpaidCancelAt(order.createdAt, timers) };
  if (order.status === 'PENDING_RECEIPT') {
    const at = confirmDueAt(order, timers);
    return at === null ? null : { kind: 'AUTO_CONFIRM', at };
  }
  if (order.status === 'COMPLETED' && order.completedAt !== null && order.kind === 'PHYSICAL') {
    return { kind: 'AFTER_SALES_ENDS', at: afterSalesWindowEndsAt(order.completedAt, timers) };
  }
  return null;
}
