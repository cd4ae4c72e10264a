import { create } from 'zustand';
import type { ShiftList } from '../../shared/contract/api';
import type { ApiError } from '../../shared/contract/result';
import { api } from '../api/client';
import { startOfToday } from '../lib/format';

interface ShiftState {
  shift: ShiftList | null;
  error: ApiError | null;
  reload(): Promise<void>;
  setError(error: ApiError | null): void;
  reset(): void;
}

/** Today's redemptions at this desk (from midnight in the user's own zone). */
export const useShift = create<ShiftState>((set) => ({
  shift: null,
  error: null,
  reset() {
    set({ shift: null, error: null });
  },
  setError(error) {
    set({ error });
  },
  async reload() {
    const result = await api['redemption.shift']({ from: startOfToday() });
    if (result.ok) set({ shift: result.value });
    else set({ error: result.error });
  },
}));
