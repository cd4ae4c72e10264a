import { splitCsv } from './read-csv';

/**
 * Reading a table a person picked: an order report from a platform, a batch-ship sheet. What
 * Chinese offices hand over is CSV in UTF-8 (with or without the BOM Excel adds), CSV in GBK /
 * GB18030 (what Excel on a Chinese Windows saves as "CSV"), UTF-16 text (Excel's "Unicode text"),
 * or an XLSX workbook. The bytes say which: an XLSX is a zip (PK\3\4); a BOM names its Unicode
 * form; text that is not valid UTF-8 is GB18030 (a superset of GBK and GB2312). Runs in the
 * renderer, main and the service alike (TextDecoder, and exceljs loaded only for a workbook).
 */

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface Table {
  format: 'csv' | 'xlsx';
  /** The text encoding a CSV was read in; null for a workbook. */
  encoding: TextEncodingName | null;
  /** The worksheet read (the first); null for CSV. */
  sheet: string | null;
  /** Every non-blank row, cells as text, each with its 1-based row number in the file. */
  rows: Array<{ line: number; cells: string[] }>;
}

export type TableReadFailure = 'FILE_EMPTY' | 'FILE_UNREADABLE';
export type TableRead = { ok: true; table: Table } | { ok: false; code: TableReadFailure };

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

export const isZip = (bytes: Uint8Array): boolean =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

export async function readTable(bytes: Uint8Array): Promise<TableRead> {
  if (bytes.length === 0) return { ok: false, code: 'FILE_EMPTY' };
  if (isZip(bytes)) return readWorkbook(bytes);
  const { text, encoding } = decodeText(bytes);
  const rows = splitCsv(text).map((r) => ({ line: r.line, cells: r.fields }));
  if (rows.length === 0) return { ok: false, code: 'FILE_EMPTY' };
  return { ok: true, table: { format: 'csv', encoding, sheet: null, rows } };
}

async function readWorkbook(bytes: Uint8Array): Promise<TableRead> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    await workbook.xlsx.load(copy);
  } catch {
    return { ok: false, code: 'FILE_UNREADABLE' };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, code: 'FILE_EMPTY' };
  const rows: Table['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    const cells = Array.from(values, cellText);
    if (cells.some((c) => c.trim() !== '')) rows.push({ line, cells });
  });
  if (rows.length === 0) return { ok: false, code: 'FILE_EMPTY' };
  const width = Math.max(...rows.map((r) => r.cells.length));
  for (const row of rows) while (row.cells.length < width) row.cells.push('');
  return { ok: true, table: { format: 'xlsx', encoding: null, sheet: sheet.name, rows } };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A cell as the text a person sees: numbers as written (a phone number typed as a number stays
 * its digits), dates as yyyy-MM-dd HH:mm:ss (Excel's dates carry no zone: read as they show),
 * rich text joined, a formula's last result, a hyperlink's text.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    const d = value;
    const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
    return time === '00:00:00' ? date : `${date} ${time}`;
  }
  if (typeof value === 'object') {
    const v = value as { richText?: Array<{ text: string }>; result?: unknown; text?: unknown; error?: string };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result);
    if ('text' in v) return cellText(v.text);
    if (typeof v.error === 'string') return v.error;
  }
  return String(value);
}
