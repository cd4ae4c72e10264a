/**
 * The one CSV writer of the desk: every file a user exports (order list, shift list, …) is built
 * here, so every cell is neutralised the same way.
 *
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return before one) as
 * a formula: a receiver named `=HYPERLINK("http://evil","点我")` becomes a link in the finance
 * clerk's Excel, `=cmd|' /c calc'!A0` a DDE call. OWASP's remedy is to start such a cell with a
 * single quote, which Excel and LibreOffice show as text. Full-width ＝＋－＠ are included because
 * a Chinese IME types them and some spreadsheet builds read them as their ASCII forms. A plain
 * number ("-12.50", a refund) is left alone: it is no formula, and money must stay a number.
 */

/** Starts a formula once leading blanks are trimmed. */
const FORMULA_START = /^[\s\u3000]*[=+\-@＝＋－＠]/;
/** A tab or carriage return at the very start smuggles a formula past naive checks. */
const CONTROL_START = /^[\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** The text a spreadsheet shows as typed: a formula-looking cell gets a leading single quote. */
export function neutraliseCell(text: string): string {
  if (PLAIN_NUMBER.test(text)) return text;
  return FORMULA_START.test(text) || CONTROL_START.test(text) ? `'${text}` : text;
}

export type CsvValue = string | number | null | undefined;

/** One cell, neutralised, then quoted when it holds a separator, a quote or a line break. */
export function csvCell(value: CsvValue): string {
  const text = neutraliseCell(value === null || value === undefined ? '' : String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line, CRLF-terminated as RFC 4180 and Excel expect. */
export const csvRow = (values: readonly CsvValue[]): string => values.map(csvCell).join(',') + '\r\n';

/** The byte-order mark makes Excel read the file as UTF-8 (Chinese comes out garbled otherwise). */
export const CSV_BOM = '\uFEFF';

/** A whole small file: BOM, header, rows. Large exports stream `csvRow` lines instead. */
export const csvDocument = (header: readonly CsvValue[], rows: ReadonlyArray<readonly CsvValue[]>): string =>
  CSV_BOM + csvRow(header) + rows.map(csvRow).join('');
