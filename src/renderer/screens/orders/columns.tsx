import { createColumnHelper, type RowData } from '@tanstack/react-table';
import type { ListColumn } from '../../../shared/contract/list';
import type { OrderListRow } from '../../../shared/contract/orders';
import { fill, type Locale } from '../../i18n';
import type { Messages } from '../../i18n/zh-CN';
import { Amount } from '../../components/Amount';
import { OrderFlagMark, OrderStatusTag, PaymentStatusTag, RefundStatusTag } from '../../components/StatusTag';
import { dateTime } from '../../lib/format';

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the augmented interface must keep react-table's parameters
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Right-aligned, tabular figures (amounts). */
    numeric?: boolean;
  }
}

const column = createColumnHelper<OrderListRow>();

/** Each column's title in the active language (the header, the column chooser, the CSV). */
export const columnTitle = (m: Messages, id: ListColumn): string =>
  ({
    orderNo: m.column.orderNo,
    paymentSerialNo: m.column.serialNo,
    status: m.column.status,
    paymentStatus: m.column.paymentStatus,
    refundStatus: m.column.refundStatus,
    receiverName: m.column.receiver,
    receiverPhone: m.column.phone,
    region: m.column.region,
    itemSummary: m.column.items,
    payable: m.column.payable,
    paymentChannel: m.column.channel,
    platform: m.column.platform,
    source: m.column.source,
    warehouseId: m.list.warehouse,
    createdAt: m.column.createdAt,
    paidAt: m.column.paidAt,
    shippedAt: m.list.shippedAt,
    dueAt: m.list.dueAt,
    trackingNos: m.column.trackingNos,
  })[id];

/** The list's columns; labels come from the active language, values are formatted here only. */
export const orderColumns = (m: Messages, locale: Locale) => [
  column.accessor('orderNo', {
    header: m.column.orderNo,
    // A 19-character number in the code font and all three flag marks, side by side.
    size: 240,
    cell: (c) => (
      <span className="order-no">
        <span className="number">{c.getValue()}</span>
        {c.row.original.locked && <OrderFlagMark flag="locked" />}
        {c.row.original.exception && <OrderFlagMark flag="exception" />}
        {c.row.original.pendingSync > 0 && <OrderFlagMark flag="pendingSync" />}
      </span>
    ),
  }),
  column.accessor('paymentSerialNo', { header: m.column.serialNo, size: 170, cell: (c) => c.getValue() ?? '—' }),
  column.accessor('status', {
    header: m.column.status,
    size: 90,
    cell: (c) => <OrderStatusTag status={c.getValue()} />,
  }),
  column.accessor('paymentStatus', {
    header: m.column.paymentStatus,
    size: 90,
    cell: (c) => <PaymentStatusTag status={c.getValue()} />,
  }),
  column.accessor('refundStatus', {
    header: m.column.refundStatus,
    size: 90,
    cell: (c) => <RefundStatusTag status={c.getValue()} />,
  }),
  column.accessor('receiverName', { header: m.column.receiver, size: 80, cell: (c) => c.getValue() ?? '—' }),
  column.accessor('receiverPhone', { header: m.column.phone, size: 110, cell: (c) => c.getValue() ?? '—' }),
  column.accessor((r) => [r.province, r.city].filter(Boolean).join(' '), {
    id: 'region',
    header: m.column.region,
    size: 120,
  }),
  column.accessor('itemSummary', { header: m.column.items, size: 220 }),
  column.accessor('payable', {
    header: m.column.payable,
    size: 100,
    meta: { numeric: true },
    cell: (c) => <Amount fen={c.getValue()} />,
  }),
  column.accessor('paymentChannel', {
    header: m.column.channel,
    size: 80,
    cell: (c) => {
      const channel = c.getValue();
      return channel ? m.channel[channel] : '—';
    },
  }),
  column.accessor('platform', { header: m.column.platform, size: 80, cell: (c) => m.platform[c.getValue()] }),
  column.accessor('source', { header: m.column.source, size: 70, cell: (c) => m.source[c.getValue()] }),
  column.accessor('warehouseId', { header: m.list.warehouse, size: 80, cell: (c) => c.getValue() ?? '—' }),
  column.accessor('createdAt', { header: m.column.createdAt, size: 150, cell: (c) => dateTime(c.getValue(), locale) }),
  column.accessor('paidAt', { header: m.column.paidAt, size: 150, cell: (c) => dateTime(c.getValue(), locale) }),
  column.accessor('shippedAt', { header: m.list.shippedAt, size: 150, cell: (c) => dateTime(c.getValue(), locale) }),
  column.accessor('dueAt', {
    header: m.list.dueAt,
    size: 190,
    cell: (c) => {
      const { dueAt, dueKind } = c.row.original;
      if (dueAt === null || dueKind === null) return '—';
      const words = fill(m.list.due[dueKind], { time: dateTime(dueAt, locale) });
      return dueAt <= Date.now() ? <span className="due overdue">{`${m.list.overdue} · ${words}`}</span> : words;
    },
  }),
  column.accessor('trackingNos', { header: m.column.trackingNos, size: 160, cell: (c) => c.getValue() || '—' }),
];
