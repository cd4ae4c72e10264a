import type { Workbook, Worksheet } from 'exceljs';
import { neutraliseCell } from './csv';

/**
 * The XLSX writer every export uses beside its CSV: the same columns, typed so Excel does the
 * right thing with them. Text columns (order and tracking numbers, phones, names) are strings in
 * a text-formatted ('@') column, so a 15-digit tracking number never turns into 7.53E+14 and a
 * phone keeps its leading digits when edited; text is neutralised exactly as in CSV (harden's
 * neutraliseCell), so a receiver named =HYPERLINK(...) stays text even after a re-save as CSV.
 * Money goes in as fen and comes out as a yuan number with two decimals, so columns add up.
 * Files are streamed row by row (exceljs' WorkbookWriter) where there is a file system; small
 * sheets in a browser are built in memory.
 */

export type XlsxKind = 'text' | 'money' | 'integer';

export interface XlsxColumn {
  header: string;
  kind: XlsxKind;
  /** In characters; default from the header. */
  width?: number;
}

export type XlsxValue = string | number | null | undefined;

const FORMATS: Record<XlsxKind, string> = { text: '@', money: '0.00', integer: '0' };

/** One cell's value: text neutralised, money from fen to yuan, blanks left empty. */
export function xlsxValue(kind: XlsxKind, value: XlsxValue): string | number | null {
  if (value === null || value === undefined || value === '') return null;
  if (kind === 'text') return neutraliseCell(String(value));
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) return neutraliseCell(String(value));
  return kind === 'money' ? Math.round(n) / 100 : n;
}

function describeColumns(sheet: Worksheet, columns: readonly XlsxColumn[]): void {
  sheet.columns = columns.map((c, i) => ({
    header: c.header,
    key: String(i),
    width: c.width ?? Math.max(10, Math.min(40, [...c.header].length * 2 + 2)),
    style: { numFmt: FORMATS[c.kind] },
  }));
  sheet.getRow(1).font = { bold: true };
}

const rowValues = (columns: readonly XlsxColumn[], row: readonly XlsxValue[]) =>
  columns.map((c, i) => xlsxValue(c.kind, row[i]));

/** A whole small sheet in memory (a shift list, a report): the .xlsx bytes. */
export async function xlsxBytes(
  sheetName: string,
  columns: readonly XlsxColumn[],
  rows: ReadonlyArray<readonly XlsxValue[]>,
): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook: Workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  describeColumns(sheet, columns);
  for (const row of rows) sheet.addRow(rowValues(columns, row));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export interface XlsxStream {
  /** Appends rows; each is committed (written out and let go) at once. */
  add(rows: ReadonlyArray<readonly XlsxValue[]>): void;
  /** Finishes the workbook and closes the file. */
  close(): Promise<void>;
}

/** A workbook written to a file row by row, for exports of any size (main, the service). */
export async function openXlsxFile(
  filename: string,
  sheetName: string,
  columns: readonly XlsxColumn[],
): Promise<XlsxStream> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  describeColumns(sheet, columns);
  sheet.getRow(1).commit();
  return {
    add(rows) {
      for (const row of rows) sheet.addRow(rowValues(columns, row)).commit();
    },
    async close() {
      sheet.commit();
      await workbook.commit();
    },
  };
}
