import { app, dialog, type BrowserWindow } from 'electron';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PdfPrinter } from '../print/handlers';

/**
 * Prints the window to a PDF with print media, as Chromium's "Save as PDF" would: the print CSS
 * hides the app around the print view and sets the page size, which preferCSSPageSize honours.
 * The file is rendered before the save dialog opens, so what is saved is what was on screen when
 * the user asked, even if a sync changes the orders while the dialog is open.
 */
export function windowPdfPrinter(window: () => BrowserWindow | null): PdfPrinter {
  return {
    async toPdf(fileName) {
      const target = window();
      if (!target || target.isDestroyed()) return { path: null };
      const pdf = await target.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true });
      const choice = await dialog.showSaveDialog(target, {
        defaultPath: join(app.getPath('documents'), fileName),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      });
      if (choice.canceled || !choice.filePath) return { path: null };
      await writeFile(choice.filePath, pdf);
      return { path: choice.filePath };
    },
  };
}
