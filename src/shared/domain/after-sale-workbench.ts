import type { AfterSaleStatus } from './vocabulary';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The after-sales workbench's tabs (issue "After-sales workbench"): each is the statuses it lists.
 * Goods on their way back are one queue for the warehouse, whether for a refund or an exchange.
 */
export const AFTER_SALE_TABS = {
  PENDING_REVIEW: ['PENDING_REVIEW'],
  AWAITING_RETURN: ['AWAITING_RETURN', 'AWAITING_EXCHANGE_RETURN'],
  PENDING_REFUND: ['PENDING_REFUND'],
  EXCHANGE_OUTBOUND: ['EXCHANGE_OUTBOUND'],
  SUCCEEDED: ['SUCCEEDED'],
  REJECTED: ['REJECTED'],
  WITHDRAWN: ['WITHDRAWN'],
} as const satisfies Record<string, readonly AfterSaleStatus[]>;
export type AfterSaleTab = keyof typeof AFTER_SALE_TABS;
export const AFTER_SALE_TAB_IDS = Object.keys(AFTER_SALE_TABS) as AfterSaleTab[];

/**
 * How long each open step may take before it is overdue, from when the request reached it: the
 * company's own response targets (domain.md is silent; these follow what the big platforms ask of
 * a shop: decide a request within 48 h, pay a refund within 24 h, ship a replacement within 48 h,
 * and give the buyer 7 days to send goods back). Final statuses have no deadline.
 */
export const AFTER_SALE_TARGETS: Readonly<Record<AfterSaleStatus, number | null>> = {
  PENDING_REVIEW: 48 * HOUR,
  AWAITING_RETURN: 7 * DAY,
  AWAITING_EXCHANGE_RETURN: 7 * DAY,
  PENDING_REFUND: 24 * HOUR,
  EXCHANGE_OUTBOUND: 48 * HOUR,
  SUCCEEDED: null,
  REJECTED: null,
  WITHDRAWN: null,
};

/** When the request's current step is due: from when it reached that step (its last update). */
export const afterSaleDeadline = (status: AfterSaleStatus, updatedAt: number): number | null => {
  const target = AFTER_SALE_TARGETS[status];
  return target === null ? null : updatedAt + target;
};
