import { csvDocument, type CsvValue } from '../../shared/files/csv';
import { xlsxBytes, type XlsxColumn, type XlsxValue } from '../../shared/files/xlsx';

/** Hands bytes to the user as a file download (browser mode and Electron alike). */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Rows as a CSV through the shared writer (BOM, neutralised cells). */
export function downloadCsv(fileName: string, header: CsvValue[], rows: CsvValue[][]): void {
  downloadBlob(fileName, new Blob([csvDocument(header, rows)], { type: 'text/csv;charset=utf-8' }));
}

/** The same rows as an Excel workbook through the shared XLSX writer (typed columns, neutralised text). */
export async function downloadXlsx(
  fileName: string,
  sheet: string,
  columns: XlsxColumn[],
  rows: XlsxValue[][],
): Promise<void> {
  const bytes = await xlsxBytes(sheet, columns, rows);
  downloadBlob(
    fileName,
    new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
  );
}
