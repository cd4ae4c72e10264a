import { create } from 'zustand';
import type { OrderListFilter, OrderListRow, StatusCounts } from '../../shared/contract/orders';
import type { ApiError } from '../../shared/contract/result';
import type { OrderStatus } from '../../shared/domain/vocabulary';
import { api } from '../api/client';

const PAGE_SIZE = 200;

interface OrdersState {
  status: OrderStatus | null;
  text: string;
  rows: OrderListRow[];
  next: string | null;
  counts: StatusCounts | null;
  loading: boolean;
  loadingMore: boolean;
  error: ApiError | null;
  setStatus(status: OrderStatus | null): void;
  setText(text: string): void;
  reload(): Promise<void>;
  loadMore(): Promise<void>;
  /** Forgets everything shown: a new user must never see the last one's orders, not even for a frame. */
  reset(): void;
}

const filterOf = ({ status, text }: Pick<OrdersState, 'status' | 'text'>): OrderListFilter => ({
  ...(status ? { statuses: [status] } : {}),
  ...(text.trim() ? { text: text.trim() } : {}),
});

// Answers to an older filter must not overwrite the list of the current one.
let generation = 0;

const EMPTY = {
  status: null,
  text: '',
  rows: [],
  next: null,
  counts: null,
  loading: false,
  loadingMore: false,
  error: null,
} satisfies Partial<OrdersState>;

export const useOrders = create<OrdersState>((set, get) => ({
  ...EMPTY,
  reset() {
    generation++;
    set(EMPTY);
  },
  setStatus(status) {
    set({ status });
    void get().reload();
  },
  setText(text) {
    set({ text });
    void get().reload();
  },
  async reload() {
    const mine = ++generation;
    set({ loading: true, error: null });
    const filter = filterOf(get());
    const { statuses: _ignored, ...countFilter } = filter;
    const [page, counts] = await Promise.all([
      api['orders.list']({ filter, limit: PAGE_SIZE }),
      api['orders.counts']({ filter: countFilter }),
    ]);
    if (mine !== generation) return;
    if (!page.ok) return set({ loading: false, error: page.error, rows: [], next: null });
    set({
      loading: false,
      rows: page.value.rows,
      next: page.value.next,
      counts: counts.ok ? counts.value : null,
      error: counts.ok ? null : counts.error,
    });
  },
  async loadMore() {
    const { next, loadingMore, loading } = get();
    if (!next || loadingMore || loading) return;
    const mine = generation;
    set({ loadingMore: true });
    const page = await api['orders.list']({ filter: filterOf(get()), limit: PAGE_SIZE, after: next });
    if (mine !== generation) return;
    if (!page.ok) return set({ loadingMore: false, error: page.error });
    set((s) => ({ loadingMore: false, rows: [...s.rows, ...page.value.rows], next: page.value.next }));
  },
}));
