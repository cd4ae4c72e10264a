/**
 * How tightly screens are packed. Comfortable for occasional users and forms; compact for the
 * people who work the order list all day (≥ 22 rows at 1366×768).
 */
export const DENSITIES = ['comfortable', 'compact'] as const;
export type Density = (typeof DENSITIES)[number];

/** Height of one order-list row, in pixels: the virtual table lays rows out by it. */
export const ROW_HEIGHTS: Record<Density, number> = { comfortable: 36, compact: 24 };
