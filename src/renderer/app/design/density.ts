import { create } from 'zustand';

/**
 * How tightly screens are packed. Comfortable for occasional users and forms; compact for the
 * people who work the order list all day (≥ 22 rows at 1366×768). Kept per device, like the language.
 */
export const DENSITIES = ['comfortable', 'compact'] as const;
export type Density = (typeof DENSITIES)[number];
const STORAGE_KEY = 'order-desk-density';

const saved = (): Density => (localStorage.getItem(STORAGE_KEY) === 'compact' ? 'compact' : 'comfortable');

export const useDensity = create<{ density: Density; setDensity(density: Density): void }>((set) => ({
  density: saved(),
  setDensity(density) {
    localStorage.setItem(STORAGE_KEY, density);
    set({ density });
  },
}));

/** Height of one order-list row, in pixels: the virtual table lays rows out by it. */
export const ROW_HEIGHTS: Record<Density, number> = { comfortable: 36, compact: 24 };
