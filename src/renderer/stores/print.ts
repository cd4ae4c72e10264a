import { create } from 'zustand';

export type PrintKind = 'packing' | 'pick';

interface PrintState {
  /** What the print preview shows: packing slips (one per order) or one pick list for all. */
  /** `at`: when the user asked to print, the time a pick list shows. */
  job: { kind: PrintKind; orderNos: string[]; at: number } | null;
  open(kind: PrintKind, orderNos: string[]): void;
  close(): void;
}

export const usePrint = create<PrintState>((set) => ({
  job: null,
  open: (kind, orderNos) => set({ job: { kind, orderNos, at: Date.now() } }),
  close: () => set({ job: null }),
}));
