/**
 * The columns of the order list, in their default order. A saved view and a CSV export name
 * their columns from this list; the renderer renders each and main writes each. Plain data, no
 * schema: the renderer's first frame reads it without running the contract's zod schemas
 * (contract/list.ts validates with it).
 */
export const LIST_COLUMNS = [
  'orderNo',
  'paymentSerialNo',
  'status',
  'paymentStatus',
  'refundStatus',
  'receiverName',
  'receiverPhone',
  'region',
  'itemSummary',
  'payable',
  'paymentChannel',
  'platform',
  'source',
  'warehouseId',
  'createdAt',
  'paidAt',
  'shippedAt',
  'dueAt',
  'trackingNos',
] as const;
export type ListColumn = (typeof LIST_COLUMNS)[number];

/** Shown only once the user picks them (the column chooser, a saved view). */
const HIDDEN_BY_DEFAULT: ReadonlySet<ListColumn> = new Set<ListColumn>([
  'paymentSerialNo',
  'platform',
  'warehouseId',
  'paidAt',
  'shippedAt',
  'dueAt',
]);
/** What a new list shows: every column but the hidden ones, in the list's order. */
export const DEFAULT_COLUMNS: readonly ListColumn[] = LIST_COLUMNS.filter((column) => !HIDDEN_BY_DEFAULT.has(column));
