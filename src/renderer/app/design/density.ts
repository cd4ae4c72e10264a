import { create } from 'zustand';
import type { Density } from './rows';
import { applyTokens } from './tokens';

export { DENSITIES, ROW_HEIGHTS, type Density } from './rows';

const STORAGE_KEY = 'order-desk-density';

const saved = (): Density => (localStorage.getItem(STORAGE_KEY) === 'compact' ? 'compact' : 'comfortable');

/** The density's tokens apply from the first frame, before the design system loads. */
const mark = (density: Density): Density => {
  applyTokens(density);
  return density;
};

/** The density this device uses (comfortable or compact), kept like the language. */
export const useDensity = create<{ density: Density; setDensity(density: Density): void }>((set) => ({
  density: mark(saved()),
  setDensity(density) {
    localStorage.setItem(STORAGE_KEY, density);
    set({ density: mark(density) });
  },
}));
