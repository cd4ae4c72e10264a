import { create } from 'zustand';
import type { LabelSize, LabelToPrint } from '../../shared/contract/floor';

const SIZE_KEY = 'order-desk-label-size';
const PRINTER_KEY = 'order-desk-label-printer';

const savedSize = (): LabelSize => (localStorage.getItem(SIZE_KEY) === '76x130' ? '76x130' : '100x150');

interface LabelState {
  /** The labels on screen to print, in the order they will come off the roll. */
  labels: LabelToPrint[] | null;
  size: LabelSize;
  /** The thermal printer's name as the OS lists it; empty: ask with the print dialog. */
  printer: string;
  show(labels: LabelToPrint[]): void;
  close(): void;
  setSize(size: LabelSize): void;
  setPrinter(name: string): void;
}

export const useLabels = create<LabelState>((set) => ({
  labels: null,
  size: savedSize(),
  printer: localStorage.getItem(PRINTER_KEY) ?? '',
  show: (labels) => set({ labels }),
  close: () => set({ labels: null }),
  setSize: (size) => {
    localStorage.setItem(SIZE_KEY, size);
    set({ size });
  },
  setPrinter: (printer) => {
    localStorage.setItem(PRINTER_KEY, printer);
    set({ printer });
  },
}));
