import { App, Button, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState } from 'react';
import type { RecheckAnswer } from '../../../shared/contract/admin';
import type { ExceptionOrderRow } from '../../../shared/contract/exception-orders';
import type { Result } from '../../../shared/contract/result';
import { EXCEPTION_REASON_CODES, type ExceptionReasonCode } from '../../../shared/domain/exception-reasons';
import { api, onEvent } from '../../api/client';
import { Amount } from '../../components/Amount';
import { EmptyState, LoadingState } from '../../components/States';
import { OrderFlagTag } from '../../components/StatusTag';
import { fill, useI18n, useMessages } from '../../i18n';
import { refusalWords } from '../../i18n/refusal-words';
import { dateTime } from '../../lib/format';
import { useNavigation } from '../../stores/navigation';
import { MapSkuDialog, ReleaseDialog, ResolveDialog, TransferDialog } from './ResolveDialogs';
import '../review/review.css';

const MAPPABLE: readonly ExceptionReasonCode[] = ['SKU_UNKNOWN', 'SKU_UNMAPPED'];

type Acting = { kind: 'resolve' | 'mapSku' | 'release' | 'transfer'; row: ExceptionOrderRow } | null;

/**
 * 异常订单: every order that waits for a person, by reason, oldest first, from this desk's copy. An
 * order held at intake is released on the service (its SKU mapped, or a reason accepted); any other
 * exception is decided here with a note, offline too. Cancelling with a refund, a new address or
 * another warehouse are the order's own actions, a click away in its detail.
 */
export function ExceptionOrdersScreen() {
  const m = useMessages();
  const locale = useI18n((s) => s.locale);
  const { message } = App.useApp();
  const openOrder = useNavigation((s) => s.openOrder);
  const [reason, setReason] = useState<ExceptionReasonCode | null>(null);
  const [rows, setRows] = useState<ExceptionOrderRow[] | null>(null);
  const [acting, setActing] = useState<Acting>(null);

  const load = useCallback(
    () =>
      api['exceptionOrders.queue']({ reason }).then((answer) => {
        if (answer.ok) setRows(answer.value);
      }),
    [reason],
  );
  useEffect(() => {
    void load();
    return onEvent('orders.changed', () => void load());
  }, [load]);

  const failed = (error: { code: string; reason?: string; message: string }) =>
    refusalWords(m, error.reason ?? error.code) ?? error.message;

  /** A release answered: released orders leave the queue; one still held stays, and says so. */
  const released = (answer: Result<RecheckAnswer>): string | null => {
    if (!answer.ok) return failed(answer.error);
    if (answer.value.released.length > 0)
      void message.success(fill(m.exceptionOrders.released, { n: answer.value.released.length }));
    else void message.warning(m.exceptionOrders.stillHeld);
    setActing(null);
    void load();
    return null;
  };

  const columns: ColumnsType<ExceptionOrderRow> = [
    {
      title: m.column.orderNo,
      dataIndex: 'orderNo',
      width: 200,
      render: (orderNo: string, row) => (
        <Space size={4} wrap>
          <Typography.Link onClick={() => openOrder(orderNo)}>{orderNo}</Typography.Link>
          {row.pendingSync > 0 && <OrderFlagTag flag="pendingSync" />}
        </Space>
      ),
    },
    {
      title: m.exceptionOrders.column.shop,
      width: 130,
      ellipsis: true,
      render: (_: unknown, row) => row.shopName ?? m.source[row.source],
    },
    { title: m.column.items, dataIndex: 'itemSummary', ellipsis: true },
    {
      title: m.detail.amount.payable,
      dataIndex: 'payable',
      align: 'right',
      width: 110,
      render: (fen: number) => <Amount fen={fen} />,
    },
    {
      title: m.exceptionOrders.column.reasons,
      render: (_: unknown, row) => (
        <div className="exception-reasons">
          {row.heldAtIntake && <Tag color="red">{m.exceptionOrders.heldAtIntake}</Tag>}
          {row.exception.reasons.map((r, i) => (
            <div key={i} className="exception-reason" data-reason={r.code}>
              <Tag color="volcano">{m.exceptionOrders.reason[r.code]}</Tag>
              <Typography.Text type="secondary">{r.detail}</Typography.Text>
            </div>
          ))}
        </div>
      ),
    },
    {
      title: m.exceptionOrders.column.openedAt,
      width: 170,
      render: (_: unknown, row) => dateTime(row.exception.openedAt, locale),
    },
    {
      title: m.exceptionOrders.column.actions,
      width: 200,
      render: (_: unknown, row) => {
        const codes = row.exception.reasons.map((r) => r.code);
        return row.heldAtIntake ? (
          <Space size={4} wrap>
            {codes.some((c) => MAPPABLE.includes(c)) && (
              <Button
                size="small"
                type="primary"
                onClick={() => setActing({ kind: 'mapSku', row })}
                data-testid="exception-map-sku"
              >
                {m.exceptionOrders.action.mapSku}
              </Button>
            )}
            <Button size="small" onClick={() => setActing({ kind: 'release', row })} data-testid="exception-release">
              {m.exceptionOrders.action.release}
            </Button>
          </Space>
        ) : (
          <Space size={4} wrap>
            <Button
              size="small"
              type="primary"
              onClick={() => setActing({ kind: 'resolve', row })}
              data-testid="exception-resolve"
            >
              {m.exceptionOrders.action.resolve}
            </Button>
            {row.warehouseId !== null && (
              <Button
                size="small"
                onClick={() => setActing({ kind: 'transfer', row })}
                data-testid="exception-transfer"
              >
                {m.exceptionOrders.action.transfer}
              </Button>
            )}
            <Button size="small" onClick={() => openOrder(row.orderNo)}>
              {m.exceptionOrders.action.open}
            </Button>
          </Space>
        );
      },
    },
  ];

  return (
    <section className="exception-orders-screen" data-testid="exception-orders-screen">
      <header>
        <Typography.Title level={4}>{m.exceptionOrders.title}</Typography.Title>
        <Typography.Text type="secondary">{m.exceptionOrders.hint}</Typography.Text>
      </header>
      <div className="review-bar">
        <Select<ExceptionReasonCode | 'ALL'>
          style={{ width: 200 }}
          value={reason ?? 'ALL'}
          onChange={(value) => setReason(value === 'ALL' ? null : value)}
          data-testid="exception-reason-filter"
          options={[
            { value: 'ALL', label: m.exceptionOrders.allReasons },
            ...EXCEPTION_REASON_CODES.map((code) => ({ value: code, label: m.exceptionOrders.reason[code] })),
          ]}
        />
      </div>
      {rows === null ? (
        <LoadingState />
      ) : rows.length === 0 ? (
        <EmptyState text={m.exceptionOrders.empty} testId="exception-orders-empty" />
      ) : (
        <Table<ExceptionOrderRow>
          data-testid="exception-orders-table"
          rowKey="orderNo"
          size="middle"
          columns={columns}
          dataSource={rows}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          onRow={(row) => ({ 'data-order-no': row.orderNo }) as React.HTMLAttributes<HTMLElement>}
        />
      )}
      {acting?.kind === 'resolve' && (
        <ResolveDialog
          orderNo={acting.row.orderNo}
          onClose={() => setActing(null)}
          onResolve={async (note) => {
            const answer = await api['exceptionOrders.resolve']({ orderNo: acting.row.orderNo, note });
            if (!answer.ok) return failed(answer.error);
            void message.success(m.exceptionOrders.resolved);
            setActing(null);
            void load();
            return null;
          }}
        />
      )}
      {acting?.kind === 'transfer' && (
        <TransferDialog
          row={acting.row}
          onClose={() => setActing(null)}
          onTransfer={async (warehouseId) => {
            const answer = await api['exceptionOrders.transfer']({ orderNo: acting.row.orderNo, warehouseId });
            if (!answer.ok) return failed(answer.error);
            void message.success(m.exceptionOrders.transferred);
            setActing(null);
            void load();
            return null;
          }}
        />
      )}
      {acting?.kind === 'mapSku' && (
        <MapSkuDialog
          row={acting.row}
          onClose={() => setActing(null)}
          onMap={async (lines) => released(await api['exceptionOrders.mapSku']({ orderNo: acting.row.orderNo, lines }))}
        />
      )}
      {acting?.kind === 'release' && (
        <ReleaseDialog
          row={acting.row}
          onClose={() => setActing(null)}
          onRelease={async (waive) =>
            released(await api['exceptionOrders.release']({ orderNo: acting.row.orderNo, waive }))
          }
        />
      )}
    </section>
  );
}
