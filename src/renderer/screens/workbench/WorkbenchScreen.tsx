import { App, Button, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState, type ReactElement } from 'react';
import type { AfterSaleList, AfterSaleRow } from '../../../shared/contract/aftersales';
import type { OrderDetail } from '../../../shared/contract/orders';
import type { ApiError, Result } from '../../../shared/contract/result';
import { AFTER_SALE_TAB_IDS, type AfterSaleTab } from '../../../shared/domain/after-sale-workbench';
import { can } from '../../../shared/domain/rights';
import { AFTER_SALE_TYPES, type AfterSaleType } from '../../../shared/domain/vocabulary';
import { api, onEvent } from '../../api/client';
import { Amount } from '../../components/Amount';
import { AfterSaleStatusTag, OrderFlagTag } from '../../components/StatusTag';
import { EmptyState, LoadingState } from '../../components/States';
import { fill, useI18n, useMessages } from '../../i18n';
import { refusalWords } from '../../i18n/refusal-words';
import { dateTime } from '../../lib/format';
import { spanWords } from '../../lib/span';
import { useNavigation } from '../../stores/navigation';
import { useSession } from '../../stores/session';
import { ReasonDialog } from '../detail/ReasonDialog';
import { RefundDialog, ShipExchangeDialog } from './StepDialogs';
import '../review/review.css';

type Acting = { kind: 'reject' | 'refund' | 'ship'; row: AfterSaleRow } | null;

/**
 * 售后工作台: every request by the step it waits at (the shared AFTER_SALE_TABS), with its age and
 * when the step is due, from this desk's copy. Each row offers the step's action to the role that
 * may take it: customer service approves and refunds, the warehouse receives returns and ships
 * exchanges. Actions apply at once on the desk and sync like every change.
 */
export function WorkbenchScreen() {
  const m = useMessages();
  const locale = useI18n((s) => s.locale);
  const role = useSession((s) => s.session?.role);
  const { message } = App.useApp();
  const openOrder = useNavigation((s) => s.openOrder);
  const [tab, setTab] = useState<AfterSaleTab>('PENDING_REVIEW');
  const [type, setType] = useState<AfterSaleType | null>(null);
  const [text, setText] = useState('');
  const [list, setList] = useState<AfterSaleList | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [acting, setActing] = useState<Acting>(null);
  const [now, setNow] = useState(() => Date.now());

  const load = useCallback(
    () =>
      api['aftersales.list']({ tab, type, text }).then((answer) => {
        if (!answer.ok) return;
        setList(answer.value);
        setNow(Date.now());
      }),
    [tab, type, text],
  );
  useEffect(() => {
    void load();
    return onEvent('orders.changed', () => void load());
  }, [load]);

  const words = (error: ApiError) => refusalWords(m, error.reason ?? error.code) ?? error.message;
  /** An action's answer: a toast when done, the refusal in words otherwise (for a dialog to show). */
  const settle = (answer: Result<OrderDetail>): string | null => {
    if (!answer.ok) return words(answer.error);
    void message.success(m.workbench.done);
    setActing(null);
    void load();
    return null;
  };
  const act = async (call: Promise<Result<OrderDetail>>) => {
    const refused = settle(await call);
    if (refused) void message.error(refused);
  };
  const ref = (row: AfterSaleRow) => ({ orderNo: row.orderNo, afterSaleId: row.afterSaleId });
  const may = (op: Parameters<typeof can>[1]) => role !== undefined && can(role, op);

  const batchApprove = async () => {
    const rows = list?.rows.filter((r) => selected.includes(r.afterSaleId)) ?? [];
    const answer = await api['aftersales.batchApprove']({ requests: rows.map(ref) });
    if (!answer.ok) return void message.error(words(answer.error));
    if (answer.value.decided.length > 0)
      void message.success(fill(m.workbench.decided, { n: answer.value.decided.length }));
    for (const { afterSaleId, code } of answer.value.refused) {
      const afterSaleNo = rows.find((r) => r.afterSaleId === afterSaleId)?.afterSaleNo ?? afterSaleId;
      void message.warning(fill(m.workbench.refused, { afterSaleNo, reason: refusalWords(m, code) ?? code }));
    }
    setSelected([]);
    void load();
  };

  const stepActions = (row: AfterSaleRow) => {
    const buttons: ReactElement[] = [];
    const button = (key: string, label: string, onClick: () => void, primary = false) =>
      buttons.push(
        <Button
          key={key}
          size="small"
          type={primary ? 'primary' : 'default'}
          onClick={onClick}
          data-testid={`step-${key}`}
        >
          {label}
        </Button>,
      );
    if (row.status === 'PENDING_REVIEW' && may('aftersales.review')) {
      button('approve', m.workbench.action.approve, () => void act(api['aftersales.approve'](ref(row))), true);
      button('reject', m.workbench.action.reject, () => setActing({ kind: 'reject', row }));
    }
    if (
      (row.status === 'AWAITING_RETURN' || row.status === 'AWAITING_EXCHANGE_RETURN') &&
      may('aftersales.receiveReturn')
    )
      button('receive', m.workbench.action.receive, () => void act(api['aftersales.receiveReturn'](ref(row))), true);
    if (row.status === 'PENDING_REFUND' && may('aftersales.refund'))
      button('refund', m.workbench.action.refund, () => setActing({ kind: 'refund', row }), true);
    if (row.status === 'EXCHANGE_OUTBOUND' && may('aftersales.shipExchange'))
      button('ship', m.workbench.action.shipExchange, () => setActing({ kind: 'ship', row }), true);
    return <Space size={4}>{buttons}</Space>;
  };

  const deadline = (row: AfterSaleRow) => {
    if (row.deadlineAt === null) return <Typography.Text type="secondary">{m.reports.none}</Typography.Text>;
    const left = row.deadlineAt - now;
    return left < 0 ? (
      <Tag color="red" data-testid="overdue">
        {fill(m.workbench.overdue, { time: spanWords(-left, m.review) })}
      </Tag>
    ) : (
      <span title={dateTime(row.deadlineAt, locale)}>
        {fill(m.workbench.dueIn, { time: spanWords(left, m.review) })}
      </span>
    );
  };

  const columns: ColumnsType<AfterSaleRow> = [
    {
      title: m.workbench.column.afterSaleNo,
      dataIndex: 'afterSaleNo',
      width: 190,
      render: (no: string, row) => (
        <Space size={4} wrap>
          <span>{no}</span>
          {row.pendingSync > 0 && <OrderFlagTag flag="pendingSync" />}
        </Space>
      ),
    },
    {
      title: m.workbench.column.orderNo,
      dataIndex: 'orderNo',
      width: 200,
      render: (orderNo: string) => <Typography.Link onClick={() => openOrder(orderNo)}>{orderNo}</Typography.Link>,
    },
    {
      title: m.workbench.column.type,
      dataIndex: 'type',
      width: 90,
      render: (t: AfterSaleType) => m.detail.afterSaleType[t],
    },
    {
      title: m.workbench.column.status,
      dataIndex: 'status',
      width: 110,
      render: (status: AfterSaleRow['status']) => <AfterSaleStatusTag status={status} />,
    },
    { title: m.workbench.column.reason, dataIndex: 'reason', ellipsis: true },
    { title: m.workbench.column.items, dataIndex: 'itemSummary', ellipsis: true },
    {
      title: m.workbench.column.amount,
      dataIndex: 'amount',
      align: 'right',
      width: 110,
      sorter: (a, b) => a.amount - b.amount,
      render: (fen: number) => <Amount fen={fen} />,
    },
    {
      title: m.workbench.column.age,
      dataIndex: 'createdAt',
      width: 100,
      sorter: (a, b) => b.createdAt - a.createdAt,
      render: (createdAt: number) => (
        <span title={dateTime(createdAt, locale)}>{spanWords(now - createdAt, m.review)}</span>
      ),
    },
    {
      title: m.workbench.column.deadline,
      width: 140,
      defaultSortOrder: 'ascend',
      sorter: (a, b) => (a.deadlineAt ?? Infinity) - (b.deadlineAt ?? Infinity),
      render: (_: unknown, row) => deadline(row),
    },
    { title: m.workbench.column.actions, width: 190, render: (_: unknown, row) => stepActions(row) },
  ];

  const reviewing = tab === 'PENDING_REVIEW' && may('aftersales.review');
  return (
    <section className="workbench-screen" data-testid="workbench-screen">
      <Typography.Title level={4}>{m.workbench.title}</Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          setTab(key as AfterSaleTab);
          setSelected([]);
        }}
        items={AFTER_SALE_TAB_IDS.map((id) => ({
          key: id,
          label: (
            <span data-testid={`workbench-tab-${id}`}>
              {m.workbench.tab[id]} <Tag>{list?.counts[id] ?? 0}</Tag>
            </span>
          ),
        }))}
      />
      <div className="review-bar">
        <Select<AfterSaleType | 'ALL'>
          style={{ width: 140 }}
          value={type ?? 'ALL'}
          onChange={(value) => {
            setType(value === 'ALL' ? null : value);
            setSelected([]);
          }}
          data-testid="workbench-type"
          options={[
            { value: 'ALL', label: m.workbench.allTypes },
            ...AFTER_SALE_TYPES.map((t) => ({ value: t, label: m.detail.afterSaleType[t] })),
          ]}
        />
        <Input.Search
          allowClear
          style={{ width: 260 }}
          placeholder={m.workbench.search}
          aria-label={m.workbench.search}
          onSearch={(value) => {
            setText(value.trim());
            setSelected([]);
          }}
        />
        {reviewing && (
          <>
            <Typography.Text>{fill(m.workbench.selected, { n: selected.length })}</Typography.Text>
            <Button
              type="primary"
              disabled={selected.length === 0}
              onClick={() => void batchApprove()}
              data-testid="workbench-batch-approve"
            >
              {m.workbench.batchApprove}
            </Button>
          </>
        )}
      </div>
      {list === null ? (
        <LoadingState />
      ) : list.rows.length === 0 ? (
        <EmptyState text={m.workbench.empty} testId="workbench-empty" />
      ) : (
        <Table<AfterSaleRow>
          data-testid="workbench-table"
          rowKey="afterSaleId"
          size="middle"
          columns={columns}
          dataSource={list.rows}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          rowSelection={
            reviewing ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) } : undefined
          }
          onRow={(row) => ({ 'data-after-sale-no': row.afterSaleNo }) as React.HTMLAttributes<HTMLElement>}
        />
      )}
      {acting?.kind === 'reject' && (
        <ReasonDialog
          title={fill(m.workbench.rejectTitle, { afterSaleNo: acting.row.afterSaleNo })}
          label={m.workbench.rejectReason}
          confirmLabel={m.workbench.rejectConfirm}
          testId="workbench-reject-dialog"
          maxLength={200}
          onClose={() => setActing(null)}
          onSubmit={async (reason) => settle(await api['aftersales.reject']({ ...ref(acting.row), reason }))}
        />
      )}
      {acting?.kind === 'refund' && (
        <RefundDialog
          row={acting.row}
          onClose={() => setActing(null)}
          onRefund={async () => settle(await api['aftersales.refund'](ref(acting.row)))}
        />
      )}
      {acting?.kind === 'ship' && (
        <ShipExchangeDialog
          row={acting.row}
          onClose={() => setActing(null)}
          onShip={async (carrier, trackingNo) =>
            settle(await api['aftersales.shipExchange']({ ...ref(acting.row), carrier, trackingNo }))
          }
        />
      )}
    </section>
  );
}
