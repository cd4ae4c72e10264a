import type { ListColumn } from '../../shared/contract/list';
import type { OrderListRow } from '../../shared/contract/orders';
import { formatFen } from '../../shared/domain/money';
import { CSV_BOM, csvRow } from '../../shared/files/csv';
import type { XlsxColumn, XlsxValue } from '../../shared/files/xlsx';

export interface CsvStyle {
  headers: Record<ListColumn, string>;
  labels: Record<string, string>;
  timeZone: string;
}

/**
 * The list's columns as an export writes them: times as "YYYY-MM-DD HH:mm:ss" in the user's zone,
 * coded values in the user's words, money in fen (each format writes it as yuan its own way).
 */
function exportColumns({ labels, timeZone }: CsvStyle) {
  const time = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  const at = (ms: number | null): string => {
    if (ms === null) return '';
    const part = Object.fromEntries(time.formatToParts(ms).map((p) => [p.type, p.value]));
    return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}:${part.second}`;
  };
  const word = (group: string, code: string | null): string =>
    code === null ? '' : (labels[`${group}.${code}`] ?? code);
  const value: Record<ListColumn, (r: OrderListRow) => string | number> = {
    orderNo: (r) => r.orderNo,
    paymentSerialNo: (r) => r.paymentSerialNo ?? '',
    status: (r) => word('status', r.status),
    paymentStatus: (r) => word('paymentStatus', r.paymentStatus),
    refundStatus: (r) => word('refundStatus', r.refundStatus),
    receiverName: (r) => r.receiverName ?? '',
    receiverPhone: (r) => r.receiverPhone ?? '',
    region: (r) => [r.province, r.city].filter(Boolean).join(' '),
    itemSummary: (r) => r.itemSummary,
    payable: (r) => r.payable,
    paymentChannel: (r) => word('channel', r.paymentChannel),
    platform: (r) => word('platform', r.platform),
    source: (r) => word('source', r.source),
    warehouseId: (r) => r.warehouseId ?? '',
    createdAt: (r) => at(r.createdAt),
    paidAt: (r) => at(r.paidAt),
    shippedAt: (r) => at(r.shippedAt),
    trackingNos: (r) => r.trackingNos,
  };
  return value;
}

/** CSV lines: money as yuan with two decimals (Excel must not read fen). */
export function csvWriter(columns: readonly ListColumn[], style: CsvStyle) {
  const value = exportColumns(style);
  const cell = (c: ListColumn, r: OrderListRow) => (c === 'payable' ? formatFen(r.payable) : value[c](r));
  return {
    header: CSV_BOM + csvRow(columns.map((c) => style.headers[c])),
    lines: (rows: readonly OrderListRow[]): string => rows.map((r) => csvRow(columns.map((c) => cell(c, r)))).join(''),
  };
}

/** The same columns for XLSX: the amount a money column, everything else text. */
export function xlsxRows(columns: readonly ListColumn[], style: CsvStyle) {
  const value = exportColumns(style);
  return {
    columns: columns.map((c): XlsxColumn => ({ header: style.headers[c], kind: c === 'payable' ? 'money' : 'text' })),
    rows: (rows: readonly OrderListRow[]): XlsxValue[][] => rows.map((r) => columns.map((c) => value[c](r))),
  };
}
