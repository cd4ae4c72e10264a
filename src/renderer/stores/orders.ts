import { create } from 'zustand';
import { DEFAULT_COLUMNS, type ListColumn } from '../../shared/contract/list-columns';
import type { OrderListFilter, OrderListRow, OrderSort, StatusCounts } from '../../shared/contract/orders';
import { DEFAULT_SORT } from '../../shared/contract/order-sort';
import type { ApiError } from '../../shared/contract/result';
import type { OrderStatus } from '../../shared/domain/vocabulary';
import { api } from '../api/client';

/** Rows per window asked of main (a page: a few ms there, one round trip here). */
export const PAGE_SIZE = 200;
/**
 * Pages kept. The renderer never holds the whole result (a million rows would be hundreds of
 * MB): it keeps the pages around the viewport and recent jumps, and shows placeholders for rows
 * it has not loaded yet. 60 pages are 12,000 rows, a few MB.
 */
const MAX_PAGES = 60;
/** Windows asked at once: a fast drag of the scrollbar must not queue hundreds of them. */
const MAX_IN_FLIGHT = 3;

/** The search area's fields; the status tab and the free text are kept apart (they have their own controls). */
export type SearchArea = Omit<OrderListFilter, 'statuses' | 'text' | 'orderNos'>;

interface OrdersState {
  status: OrderStatus | null;
  text: string;
  search: SearchArea;
  sort: OrderSort;
  columns: ListColumn[];
  /** Orders matching the current filter; null until the first answer. */
  total: number | null;
  counts: StatusCounts | null;
  /** Loaded pages by index (rows page*PAGE_SIZE …), least recently used first. */
  pages: Map<number, OrderListRow[]>;
  loading: boolean;
  error: ApiError | null;
  /** The keyboard's row (0-based position in the result). */
  cursor: number;
  /** Order numbers ticked one by one (or by shift-click ranges). */
  selected: ReadonlySet<string>;
  /** "All N matching": the whole filter is selected, loaded or not. */
  allMatching: boolean;
  /** Where the last plain click was, for shift-click ranges. */
  rangeFrom: number | null;
  setStatus(status: OrderStatus | null): void;
  setText(text: string): void;
  setSearch(search: SearchArea): void;
  setSort(sort: OrderSort): void;
  setColumns(columns: ListColumn[]): void;
  /** A saved view: filters, columns and sort at once. */
  applySettings(settings: { filter: OrderListFilter; columns: ListColumn[]; sort: OrderSort }): void;
  reload(): Promise<void>;
  /** Asks for the pages covering rows first..last (inclusive) that are not loaded yet. */
  want(first: number, last: number): void;
  rowAt(index: number): OrderListRow | undefined;
  setCursor(index: number): void;
  toggle(index: number, range: boolean): void;
  selectAllMatching(): void;
  clearSelection(): void;
  /** Forgets everything shown: a new user must never see the last one's orders, not even for a frame. */
  reset(): void;
}

/** The filter the list, the export and "all matching" apply: tab, search area and free text. */
export const filterOf = ({
  status,
  text,
  search,
}: Pick<OrdersState, 'status' | 'text' | 'search'>): OrderListFilter => ({
  ...search,
  ...(status ? { statuses: [status] } : {}),
  ...(text.trim() ? { text: text.trim() } : {}),
});

// Answers to an older filter must not overwrite the list of the current one.
let generation = 0;
/**
 * The generation whose answer the shown total came from. A reload keeps the old total on screen
 * (no flicker) but must not trust it for what to ask: a total of 0 fetched before the first sync
 * landed would otherwise stop the reload from asking for any page, and the list would stay empty.
 */
let totalGeneration = -1;
/**
 * Pages answered in the current generation. A reload after orders.changed keeps the rows on
 * screen until their new answer replaces them (blanking them made rows flash as placeholders
 * after every sync, and a click in that moment was lost); only these count as loaded.
 */
const fresh = new Set<number>();
/** Changes with the filter or the sort (not with a reload): answers of the same result can still be shown. */
let result = 0;
const inFlight = new Set<number>();
let wanted: [number, number] = [0, 0];

const EMPTY = {
  status: null,
  text: '',
  search: {},
  sort: DEFAULT_SORT,
  columns: [...DEFAULT_COLUMNS],
  total: null,
  counts: null,
  pages: new Map<number, OrderListRow[]>(),
  loading: false,
  error: null,
  cursor: 0,
  selected: new Set<string>(),
  allMatching: false,
  rangeFrom: null,
} satisfies Partial<OrdersState>;

const NO_SELECTION = { selected: new Set<string>(), allMatching: false, rangeFrom: null, cursor: 0 };

const inView = (page: number) => page >= Math.floor(wanted[0] / PAGE_SIZE) && page <= Math.floor(wanted[1] / PAGE_SIZE);

/** The counts with the shown tab's count set to its list's total (the same filter, read later). */
export function withTabTotal(
  counts: StatusCounts | null,
  status: OrderStatus | null,
  total: number,
): StatusCounts | null {
  if (!counts) return counts;
  if (status === null) return counts.all === total ? counts : { ...counts, all: total };
  if (counts.byStatus[status] === total) return counts;
  return { ...counts, byStatus: { ...counts.byStatus, [status]: total } };
}

export const useOrders = create<OrdersState>((set, get) => {
  /** Fetches wanted pages, a few at a time, newest wish first. */
  const pump = () => {
    const { pages } = get();
    const total = totalGeneration === generation ? get().total : null;
    const [first, last] = wanted;
    const lastRow = total === null ? last : Math.min(last, total - 1);
    for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(lastRow / PAGE_SIZE); page++) {
      if (inFlight.size >= MAX_IN_FLIGHT) return;
      if ((pages.has(page) && fresh.has(page)) || inFlight.has(page)) continue;
      void fetchPage(page);
    }
  };

  const fetchPage = async (page: number) => {
    const mine = generation;
    const ofResult = result;
    inFlight.add(page);
    const { sort } = get();
    const answer = await api['orders.window']({
      filter: filterOf(get()),
      sort,
      offset: page * PAGE_SIZE,
      limit: PAGE_SIZE,
    });
    if (mine !== generation) {
      // Asked before the last reload: not current, yet better than a placeholder while orders keep
      // changing (each reload would otherwise drop the far page a jump is waiting for). Shown as an
      // old page, until the reload's own answer replaces it.
      const { pages } = get();
      if (ofResult === result && answer.ok && !pages.has(page) && inView(page)) {
        set({ pages: new Map(pages).set(page, answer.value.rows) });
      }
      return;
    }
    inFlight.delete(page);
    if (!answer.ok) return set({ error: answer.error });
    totalGeneration = mine;
    fresh.add(page);
    const pages = new Map(get().pages);
    pages.delete(page);
    pages.set(page, answer.value.rows);
    // Forget the least recently used pages, never those in view; old answers out of view at once.
    for (const key of pages.keys()) {
      if (!fresh.has(key) && !inView(key)) pages.delete(key);
    }
    for (const key of pages.keys()) {
      if (pages.size <= MAX_PAGES) break;
      if (!inView(key)) {
        pages.delete(key);
        fresh.delete(key);
      }
    }
    const { total } = answer.value;
    // The tab of this result counts exactly the rows its list holds: both from the newest read, so
    // a first sync never shows 全部 1,400 over a list of 共 1,600.
    set({ pages, total, counts: withTabTotal(get().counts, get().status, total), loading: false });
    pump();
  };

  const refilter = (patch: Partial<OrdersState>) => {
    // A new result starts at its top.
    wanted = [0, wanted[1] - wanted[0]];
    result++;
    set({ ...patch, ...NO_SELECTION, total: null, pages: new Map() });
    void get().reload();
  };

  return {
    ...EMPTY,
    reset() {
      generation++;
      result++;
      wanted = [0, 0];
      inFlight.clear();
      fresh.clear();
      set({ ...EMPTY, pages: new Map(), selected: new Set() });
    },
    setStatus: (status) => refilter({ status }),
    setText: (text) => refilter({ text }),
    setSearch: (search) => refilter({ search }),
    setSort: (sort) => refilter({ sort }),
    setColumns: (columns) => set({ columns }),
    applySettings({ filter, columns, sort }) {
      const { statuses, text, orderNos: _selection, ...search } = filter;
      refilter({
        status: statuses?.length === 1 ? (statuses[0] ?? null) : null,
        text: text ?? '',
        search,
        columns,
        sort,
      });
    },
    async reload() {
      const mine = ++generation;
      inFlight.clear();
      fresh.clear();
      set({ loading: true, error: null });
      const { statuses: _tab, ...countFilter } = filterOf(get());
      // The rows in view are asked again first (and the total with them), the tabs' counts beside
      // them: the first rows paint one round trip sooner than if they waited for the counts.
      // Pages answered since this reload began are current; the rest are shown until replaced.
      pump();
      const counts = await api['orders.counts']({ filter: countFilter });
      if (mine !== generation) return;
      // A page's own failure (answered meanwhile) stays shown; the counts only add theirs. A page
      // answered already set the total: the shown tab counts exactly that list.
      const { total, status } = get();
      if (!counts.ok) set({ counts: null, error: counts.error });
      else
        set({
          counts: totalGeneration === mine && total !== null ? withTabTotal(counts.value, status, total) : counts.value,
        });
      if (inFlight.size === 0) set({ loading: false });
    },
    want(first, last) {
      wanted = [first, last];
      pump();
    },
    rowAt(index) {
      return get().pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
    },
    setCursor(index) {
      const { total } = get();
      set({ cursor: Math.max(0, Math.min(index, (total ?? 1) - 1)) });
    },
    toggle(index, range) {
      const { rangeFrom, selected, rowAt, allMatching } = get();
      if (allMatching) return;
      const next = new Set(selected);
      const clicked = rowAt(index);
      if (!clicked) return;
      if (range && rangeFrom !== null) {
        // A range takes the rows shown between the two clicks (placeholders have no number yet).
        const on = selected.has(rowAt(rangeFrom)?.orderNo ?? clicked.orderNo) || !selected.has(clicked.orderNo);
        for (let i = Math.min(rangeFrom, index); i <= Math.max(rangeFrom, index); i++) {
          const no = rowAt(i)?.orderNo;
          if (no) {
            if (on) next.add(no);
            else next.delete(no);
          }
        }
      } else if (next.has(clicked.orderNo)) next.delete(clicked.orderNo);
      else next.add(clicked.orderNo);
      set({ selected: next, rangeFrom: index, cursor: index });
    },
    selectAllMatching: () => set({ allMatching: true, selected: new Set() }),
    clearSelection: () => set({ selected: new Set(), allMatching: false, rangeFrom: null }),
  };
});

/** Settles once the list has its first answer (its rows and total, or why it has none). */
export const firstAnswer = (): Promise<void> =>
  new Promise((resolve) => {
    const answered = (s: OrdersState) => s.total !== null || s.error !== null;
    if (answered(useOrders.getState())) return resolve();
    const stop = useOrders.subscribe((s) => {
      if (!answered(s)) return;
      stop();
      resolve();
    });
  });
