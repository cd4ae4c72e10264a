import { DownloadOutlined, FileExcelOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ShiftRow } from '../../../shared/contract/api';
import { api, onEvent } from '../../api/client';
import { Amount } from '../../components/Amount';
import { EmptyState, LoadingState } from '../../components/States';
import { RedemptionStateTag } from '../../components/StatusTag';
import { fill, useI18n, useMessages } from '../../i18n';
import { downloadCsv, downloadXlsx } from '../../lib/download';
import { useShift } from '../../stores/shift';
import { dateTime, money } from '../../lib/format';
import { ReasonDialog } from '../detail/ReasonDialog';
/** Today's redemptions (a supervisor's: all their stores'), with totals, CSV export and (for supervisors) undo. */
export function ShiftList({ version }: { version: number }) {
  const m = useMessages();
  const locale = useI18n((s) => s.locale);
  const { shift, error, reload, setError } = useShift();
  const [undoing, setUndoing] = useState<ShiftRow | null>(null);

  useEffect(() => {
    void reload();
    const off = onEvent('orders.changed', () => void reload());
    return off;
  }, [reload, version]);

  const stateOf = (state: ShiftRow['state']) => (state === 'undone' ? m.shiftStore.undone : m.shift.states[state]);
  const storeWide = shift !== null && shift.coverage !== 'desk';

  const headers = [
    m.shift.time,
    m.shift.orderNo,
    m.shift.store,
    m.shift.clerk,
    m.shift.items,
    m.shift.payable,
    m.shift.state,
  ];
  const fileName = (extension: string) => `redemptions-${new Date().toISOString().slice(0, 10)}.${extension}`;
  const exportCsv = () => {
    if (!shift) return;
    downloadCsv(
      fileName('csv'),
      headers,
      shift.rows.map((r) => [
        dateTime(r.redeemedAt, locale),
        r.orderNo,
        r.storeId,
        r.clerk,
        r.items,
        (r.payable / 100).toFixed(2),
        stateOf(r.state),
      ]),
    );
  };

  const exportXlsx = () => {
    if (!shift) return;
    void downloadXlsx(
      fileName('xlsx'),
      m.shift.title,
      headers.map((header, i) => ({ header, kind: i === 5 ? 'money' : 'text' })),
      shift.rows.map((r) => [
        dateTime(r.redeemedAt, locale),
        r.orderNo,
        r.storeId,
        r.clerk,
        r.items,
        r.payable,
        stateOf(r.state),
      ]),
    );
  };

  /** Answers the refusal's words for the dialog to show, or null once the undo is queued. */
  const undo = async (row: ShiftRow, reason: string): Promise<string | null> => {
    const result = await api['redemption.undo']({
      orderNo: row.orderNo,
      redemptionId: row.redemptionId,
      reason: reason.trim(),
    });
    if (!result.ok) return m.refusal[result.error.reason ?? ''] ?? m.error[result.error.code];
    setError(null);
    void reload();
    return null;
  };

  return (
    <Card
      className="shift-list"
      aria-label={m.shift.title}
      title={<h3 className="card-title">{storeWide ? m.shiftStore.titleStores : m.shift.title}</h3>}
      extra={
        <Space size={12}>
          {shift && (
            <Typography.Text data-testid="shift-totals">
              {fill(m.shift.totals, { count: shift.totals.count, payable: money(shift.totals.payable) })}
            </Typography.Text>
          )}
          <Button icon={<DownloadOutlined />} onClick={exportCsv} disabled={!shift || shift.rows.length === 0}>
            {m.shift.exportCsv}
          </Button>
          <Button icon={<FileExcelOutlined />} onClick={exportXlsx} disabled={!shift || shift.rows.length === 0}>
            {m.files.exportXlsx}
          </Button>
        </Space>
      }
    >
      {shift?.coverage === 'stores' && (
        <Typography.Paragraph type="secondary" data-testid="shift-coverage">
          {m.shiftStore.stores}
        </Typography.Paragraph>
      )}
      {shift?.coverage === 'desk-only' && (
        <Alert
          type="warning"
          showIcon
          role="status"
          data-testid="shift-coverage"
          title={fill(m.shiftStore.deskOnly, {
            reason: m.shiftStore.failure[shift.unavailable ?? ''] ?? shift.unavailable ?? '',
          })}
        />
      )}
      {error && (
        <Alert type="error" showIcon role="alert" title={m.refusal[error.reason ?? ''] ?? m.error[error.code]} />
      )}
      {!shift && !error && <LoadingState />}
      {shift && shift.rows.length === 0 && <EmptyState text={m.shift.empty} />}
      {shift && shift.rows.length > 0 && (
        <Table<ShiftRow>
          className="shift-table"
          size="small"
          pagination={false}
          rowKey="redemptionId"
          dataSource={shift.rows}
          onRow={(r) => ({ 'data-state': r.state }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { key: 'time', title: m.shift.time, render: (_, r) => dateTime(r.redeemedAt, locale) },
            { key: 'orderNo', title: m.shift.orderNo, dataIndex: 'orderNo', className: 'mono' },
            { key: 'store', title: m.shift.store, dataIndex: 'storeId' },
            { key: 'clerk', title: m.shift.clerk, dataIndex: 'clerk' },
            { key: 'items', title: m.shift.items, dataIndex: 'items' },
            { key: 'payable', title: m.shift.payable, align: 'right', render: (_, r) => <Amount fen={r.payable} /> },
            { key: 'state', title: m.shift.state, render: (_, r) => <RedemptionStateTag state={r.state} /> },
            {
              key: 'undo',
              title: '',
              render: (_, r) =>
                r.undoable && (
                  <Button size="small" danger onClick={() => setUndoing(r)}>
                    {m.shift.undo}
                  </Button>
                ),
            },
          ]}
        />
      )}
      {undoing && (
        <ReasonDialog
          title={`${m.shift.undo} ${undoing.orderNo}`}
          label={m.shift.undoReason}
          confirmLabel={m.shift.undoConfirm}
          testId="undo-dialog"
          maxLength={200}
          onSubmit={(reason) => undo(undoing, reason)}
          onClose={() => setUndoing(null)}
        />
      )}
    </Card>
  );
}
