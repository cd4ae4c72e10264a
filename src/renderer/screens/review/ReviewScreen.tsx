import { App, Button, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState } from 'react';
import type { ReviewDecision, ReviewQueueRow } from '../../../shared/contract/review';
import type { Result } from '../../../shared/contract/result';
import { api, onEvent } from '../../api/client';
import { Amount } from '../../components/Amount';
import { EmptyState, LoadingState } from '../../components/States';
import { OrderFlagTag } from '../../components/StatusTag';
import { fill, useI18n, useMessages } from '../../i18n';
import { refusalWords } from '../../i18n/refusal-words';
import { dateTime } from '../../lib/format';
import { spanWords } from '../../lib/span';
import { useNavigation } from '../../stores/navigation';
import { RejectDialog } from './RejectDialog';
import './review.css';

/**
 * 审单: the orders the admin's rules hold, oldest payment first, from this desk's own copy (it works
 * offline). A supervisor approves or rejects one or many at once; each order is decided on its own,
 * so one already decided elsewhere is named and the rest go on.
 */
export function ReviewScreen() {
  const m = useMessages();
  const locale = useI18n((s) => s.locale);
  const { message } = App.useApp();
  const openOrder = useNavigation((s) => s.openOrder);
  const [rows, setRows] = useState<ReviewQueueRow[] | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [rejecting, setRejecting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [now, setNow] = useState(() => Date.now());

  const load = useCallback(
    () =>
      api['review.queue']({}).then((answer) => {
        if (!answer.ok) return;
        setRows(answer.value);
        setSelected((kept) => kept.filter((no) => answer.value.some((row) => row.orderNo === no)));
        setNow(Date.now());
      }),
    [],
  );
  useEffect(() => {
    void load();
    return onEvent('orders.changed', () => void load());
  }, [load]);

  /** Says what was decided and names each order that was not, with why. */
  const settle = (answer: Result<ReviewDecision>, words: string): boolean => {
    if (!answer.ok) {
      void message.error(refusalWords(m, answer.error.reason ?? answer.error.code) ?? answer.error.message);
      return false;
    }
    const { decided, refused } = answer.value;
    if (decided.length > 0) void message.success(fill(words, { n: decided.length }));
    for (const { orderNo, code } of refused)
      void message.warning(fill(m.review.refused, { orderNo, reason: refusalWords(m, code) ?? code }));
    void load();
    return true;
  };

  const approve = async () => {
    setBusy(true);
    settle(await api['review.approve']({ orderNos: selected }), m.review.approved);
    setBusy(false);
  };

  const columns: ColumnsType<ReviewQueueRow> = [
    {
      title: m.review.column.orderNo,
      dataIndex: 'orderNo',
      width: 200,
      render: (orderNo: string, row) => (
        <Space size={4}>
          <Typography.Link onClick={() => openOrder(orderNo)} data-testid="review-order">
            {orderNo}
          </Typography.Link>
          {row.pendingSync > 0 && <OrderFlagTag flag="pendingSync" />}
        </Space>
      ),
    },
    { title: m.review.column.buyer, dataIndex: 'buyerName', width: 110, ellipsis: true },
    { title: m.review.column.items, dataIndex: 'itemSummary', ellipsis: true },
    {
      title: m.review.column.payable,
      dataIndex: 'payable',
      align: 'right',
      width: 120,
      sorter: (a, b) => a.payable - b.payable,
      render: (fen: number) => <Amount fen={fen} />,
    },
    {
      title: m.review.column.reasons,
      dataIndex: 'reasons',
      render: (reasons: ReviewQueueRow['reasons']) =>
        reasons.map((reason) => (
          <Tag key={reason} color="orange">
            {m.review.reason[reason]}
          </Tag>
        )),
    },
    {
      title: m.review.column.paidAt,
      dataIndex: 'paidAt',
      width: 170,
      render: (paidAt: number | null) => dateTime(paidAt, locale),
    },
    {
      title: m.review.column.waiting,
      dataIndex: 'heldAt',
      width: 110,
      defaultSortOrder: 'descend',
      sorter: (a, b) => b.heldAt - a.heldAt,
      render: (heldAt: number) => spanWords(now - heldAt, m.review),
    },
  ];

  if (rows === null) return <LoadingState />;
  return (
    <section className="review-screen" data-testid="review-screen">
      <header className="review-head">
        <Typography.Title level={4}>{m.review.title}</Typography.Title>
        <Typography.Text type="secondary">{m.review.hint}</Typography.Text>
      </header>
      <div className="review-bar" data-testid="review-bar">
        <Typography.Text>{fill(m.review.selected, { n: selected.length })}</Typography.Text>
        <Button
          type="primary"
          disabled={selected.length === 0}
          loading={busy}
          onClick={() => void approve()}
          data-testid="review-approve"
        >
          {m.review.approve}
        </Button>
        <Button danger disabled={selected.length === 0} onClick={() => setRejecting(true)} data-testid="review-reject">
          {m.review.reject}
        </Button>
      </div>
      {rows.length === 0 ? (
        <EmptyState text={m.review.empty} testId="review-empty" />
      ) : (
        <Table<ReviewQueueRow>
          className="review-table"
          data-testid="review-table"
          rowKey="orderNo"
          size="middle"
          columns={columns}
          dataSource={rows}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ y: 'calc(100vh - 300px)' }}
          rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
          onRow={(row) => ({ 'data-order-no': row.orderNo }) as React.HTMLAttributes<HTMLElement>}
        />
      )}
      {rejecting && (
        <RejectDialog
          count={selected.length}
          onClose={() => setRejecting(false)}
          onReject={async (reason, then) => {
            const done = settle(await api['review.reject']({ orderNos: selected, reason, then }), m.review.rejected);
            if (done) setRejecting(false);
          }}
        />
      )}
    </section>
  );
}
