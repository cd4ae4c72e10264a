import type { BrowserWindow } from 'electron';
import { LABEL_PAGE_MICRONS, type LabelPrinter } from '../floor/label-printer';

/**
 * Silent printing to the desk's thermal printer (named as the OS lists it, e.g. "Deli DL-888T"),
 * at the label's own page size with no margins, so one label is one page of the roll. The print
 * CSS leaves only the label view on the page, as for the PDF.
 */
export function windowLabelPrinter(window: () => BrowserWindow | null): LabelPrinter {
  return {
    print(deviceName, size) {
      const target = window();
      if (!target || target.isDestroyed()) return Promise.resolve({ printed: false });
      return new Promise((resolve) => {
        target.webContents.print(
          {
            silent: true,
            deviceName,
            printBackground: true,
            pageSize: LABEL_PAGE_MICRONS[size],
            margins: { marginType: 'none' },
          },
          (printed) => resolve({ printed }),
        );
      });
    },
  };
}
