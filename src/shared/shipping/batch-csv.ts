import type { BatchRowError } from '../contract/shipping';
import { CARRIERS, checkTrackingNo } from '../domain/carriers';
import { splitCsv } from '../files/read-csv';

/**
 * A batch-ship file as warehouses export it from their label printers or spreadsheets: one parcel
 * per row, order no., carrier, tracking no. Comma or tab separated, fields optionally quoted
 * (RFC 4180: "" is a quote inside), an optional header row, a UTF-8 BOM from Excel. Each row is
 * judged on its own so one bad row never holds back the good ones.
 */

export interface BatchRow {
  /** 1-based line of the file, as a spreadsheet shows it. */
  line: number;
  orderNo: string;
  /** The carrier's code when the file named a known one (by code or name), else what the file said. */
  carrier: string;
  /** Normalized when it checked out, else as written. */
  trackingNo: string;
  error: BatchRowError | null;
}

const HEADER_WORDS = /订单|order|快递|carrier|运单|tracking|物流/i;

/** A header names its columns; a data row's first field is an order number (digits and letters). */
function isHeader(fields: readonly string[]): boolean {
  return fields.some((f) => HEADER_WORDS.test(f)) && !/\d{6,}/.test(fields[0] ?? '');
}

const CARRIER_NAMES = new Map<string, string>(
  CARRIERS.flatMap((c) => [
    [c.code.toUpperCase(), c.code],
    [c.nameZh.toUpperCase(), c.code],
    [c.nameEn.toUpperCase(), c.code],
  ]),
);

/** SF, sf, 顺丰速运 and "SF Express" are all SF; anything else stays as written and is refused. */
export function carrierCodeOf(raw: string): string | null {
  return CARRIER_NAMES.get(raw.trim().toUpperCase()) ?? null;
}

function judgeRow(line: number, fields: readonly string[]): BatchRow {
  const [orderNo = '', carrierRaw = '', trackingRaw = ''] = fields.map((f) => f.trim());
  const row = { line, orderNo, carrier: carrierRaw, trackingNo: trackingRaw };
  if (orderNo === '' || carrierRaw === '') return { ...row, error: 'MISSING_FIELD' };
  const carrier = carrierCodeOf(carrierRaw);
  if (carrier === null) return { ...row, error: 'UNKNOWN_CARRIER' };
  const check = checkTrackingNo(carrier, trackingRaw);
  if (!check.ok) return { ...row, carrier, error: check.code };
  return { ...row, carrier, trackingNo: check.normalized, error: null };
}

/** Rows after the first of the same order or tracking number are refused: each ships once. */
function markDuplicates(rows: BatchRow[]): BatchRow[] {
  const orders = new Set<string>();
  const trackingNos = new Set<string>();
  return rows.map((row) => {
    if (row.error !== null) return row;
    if (orders.has(row.orderNo)) return { ...row, error: 'DUPLICATE_ORDER_IN_FILE' };
    if (trackingNos.has(row.trackingNo)) return { ...row, error: 'DUPLICATE_TRACKING_IN_FILE' };
    orders.add(row.orderNo);
    trackingNos.add(row.trackingNo);
    return row;
  });
}

export function parseBatchCsv(text: string): BatchRow[] {
  const records = splitCsv(text);
  const data = records.length > 0 && isHeader(records[0]!.fields) ? records.slice(1) : records;
  return markDuplicates(data.map((r) => judgeRow(r.line, r.fields)));
}
