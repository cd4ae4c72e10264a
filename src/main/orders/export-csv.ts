import type { ListColumn } from '../../shared/contract/list';
import type { OrderListRow } from '../../shared/contract/orders';
import { formatFen } from '../../shared/domain/money';
import { CSV_BOM, csvRow } from '../../shared/files/csv';

export interface CsvStyle {
  headers: Record<ListColumn, string>;
  labels: Record<string, string>;
  timeZone: string;
}

/**
 * Turns list rows into CSV lines: money as yuan with two decimals (Excel must not read fen),
 * times as "YYYY-MM-DD HH:mm:ss" in the user's zone, coded values in the user's words.
 */
export function csvWriter(columns: readonly ListColumn[], { headers, labels, timeZone }: CsvStyle) {
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
  const value: Record<ListColumn, (r: OrderListRow) => string> = {
    orderNo: (r) => r.orderNo,
    paymentSerialNo: (r) => r.paymentSerialNo ?? '',
    status: (r) => word('status', r.status),
    paymentStatus: (r) => word('paymentStatus', r.paymentStatus),
    refundStatus: (r) => word('refundStatus', r.refundStatus),
    receiverName: (r) => r.receiverName ?? '',
    receiverPhone: (r) => r.receiverPhone ?? '',
    region: (r) => [r.province, r.city].filter(Boolean).join(' '),
    itemSummary: (r) => r.itemSummary,
    payable: (r) => formatFen(r.payable),
    paymentChannel: (r) => word('channel', r.paymentChannel),
    platform: (r) => word('platform', r.platform),
    source: (r) => word('source', r.source),
    warehouseId: (r) => r.warehouseId ?? '',
    createdAt: (r) => at(r.createdAt),
    paidAt: (r) => at(r.paidAt),
    shippedAt: (r) => at(r.shippedAt),
    trackingNos: (r) => r.trackingNos,
  };
  return {
    header: CSV_BOM + csvRow(columns.map((c) => headers[c])),
    lines: (rows: readonly OrderListRow[]): string => rows.map((r) => csvRow(columns.map((c) => value[c](r)))).join(''),
  };
}
