import { csvDocument, type CsvValue } from '../../shared/files/csv';

/** Downloads rows as a CSV through the shared writer (BOM, neutralised cells). */
export function downloadCsv(fileName: string, header: CsvValue[], rows: CsvValue[][]): void {
  const blob = new Blob([csvDocument(header, rows)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Midnight today in the user's own time zone, as epoch ms. */
export function startOfToday(now = new Date()): number {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
}
