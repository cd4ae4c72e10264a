import { create } from 'zustand';
import type { ExceptionItem } from '../../shared/contract/api';
import type { ApiError } from '../../shared/contract/result';
import { api } from '../api/client';

interface ExceptionsState {
  items: ExceptionItem[];
  loading: boolean;
  error: ApiError | null;
  reload(): Promise<void>;
  retry(id: string): Promise<ApiError | null>;
  dismiss(id: string, reason: string): Promise<ApiError | null>;
  reset(): void;
}

export const useExceptions = create<ExceptionsState>((set, get) => ({
  items: [],
  loading: false,
  error: null,
  reset() {
    set({ items: [], loading: false, error: null });
  },
  async reload() {
    set({ loading: true });
    const result = await api['exceptions.list']({});
    if (!result.ok) return set({ loading: false, error: result.error });
    set({ loading: false, error: null, items: result.value });
  },
  async retry(id) {
    const result = await api['exceptions.retry']({ id });
    await get().reload();
    return result.ok ? null : result.error;
  },
  async dismiss(id, reason) {
    const result = await api['exceptions.dismiss']({ id, reason });
    await get().reload();
    return result.ok ? null : result.error;
  },
}));
