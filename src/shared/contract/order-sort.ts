/**
 * How the order list can be sorted, and how it is at first. Plain data, no schema: the renderer's
 * first frame reads it without running the contract's zod schemas (contract/orders.ts validates
 * with it).
 */
export const ORDER_SORT_FIELDS = ['createdAt', 'paidAt', 'shippedAt', 'payable', 'dueAt'] as const;
export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export const DEFAULT_SORT = { field: 'createdAt', direction: 'desc' } as const satisfies {
  field: (typeof ORDER_SORT_FIELDS)[number];
  direction: (typeof SORT_DIRECTIONS)[number];
};
