import type { LabelSize } from '../../shared/contract/floor';

/** Sends the window's label view to a thermal printer without a dialog; only Electron's shell has one. */
export interface LabelPrinter {
  print(deviceName: string, size: LabelSize): Promise<{ printed: boolean }>;
}

/** Page sizes in microns, as webContents.print takes them. */
export const LABEL_PAGE_MICRONS: Readonly<Record<LabelSize, { width: number; height: number }>> = {
  '100x150': { width: 100_000, height: 150_000 },
  '76x130': { width: 76_000, height: 130_000 },
};
