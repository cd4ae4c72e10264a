import { Alert, Button, Card, Descriptions, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ExceptionItem } from '../../../shared/contract/api';
import type { ApiError } from '../../../shared/contract/result';
import { can } from '../../../shared/domain/rights';
import type { OrderStatus } from '../../../shared/domain/vocabulary';
import { onEvent } from '../../api/client';
import { fill, useI18n, useMessages } from '../../i18n';
import { refusalWords } from '../../i18n/refusal-words';
import { dateTime } from '../../lib/format';
import { useExceptions } from '../../stores/exceptions';
import { useSession } from '../../stores/session';
import { UsedBy } from '../counter/CounterScreen';
import { Amount } from '../../components/Amount';
import { EmptyState, LoadingState } from '../../components/States';
import { OrderStatusTag } from '../../components/StatusTag';
import { triedText } from './tried';
import './exceptions.css';

interface Answer {
  order?: {
    orderNo?: string;
    status?: OrderStatus;
    amounts?: { payable?: number };
    redemptionCode?: { usesLeft?: number };
  };
  conflict?: { redeemedBy: string; storeId: string; redeemedAt: number } | null;
}

/** Every intent the service rejected, with what was tried, why, and the order as the service holds it. */
export function ExceptionsScreen() {
  const m = useMessages();
  const { items, loading, reload } = useExceptions();
  const exceptions = useSession((s) => s.sync?.exceptions);

  useEffect(() => {
    void reload();
    const off = onEvent('orders.changed', () => void reload());
    return off;
  }, [reload, exceptions]);

  return (
    <section className="exceptions-screen">
      <Typography.Title level={4} className="screen-title">
        {m.exceptions.title}
      </Typography.Title>
      {loading && items.length === 0 && <LoadingState />}
      {!loading && items.length === 0 && <EmptyState text={m.exceptions.empty} />}
      {items.length > 0 && (
        <ul className="plain-list exception-list">
          {items.map((item) => (
            <li key={item.id}>
              <ExceptionCard item={item} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ExceptionCard({ item }: { item: ExceptionItem }) {
  const m = useMessages();
  const locale = useI18n((s) => s.locale);
  const role = useSession((s) => s.session?.role);
  const { retry, dismiss } = useExceptions();
  const [dismissing, setDismissing] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const answer = (item.answer ?? {}) as Answer;
  const order = answer.order;
  const mayResolve = role !== undefined && can(role, 'exceptions.resolve');

  const rows = [
    {
      key: 'tried',
      label: m.exceptions.tried,
      children: <span data-testid="exception-tried">{triedText(item.type, item.payload, { m, locale })}</span>,
    },
    {
      key: 'why',
      label: m.exceptions.why,
      children: (
        <>
          {(item.code && refusalWords(m, item.code)) ?? item.code}
          {/* The service's own words only when the code has no translation: otherwise they repeat it in English. */}
          {item.message && !(item.code && refusalWords(m, item.code)) && (
            <Typography.Text type="secondary"> ({item.message})</Typography.Text>
          )}
        </>
      ),
    },
    ...(order
      ? [
          {
            key: 'service',
            label: m.exceptions.serviceState,
            children: (
              <Space size={6} wrap>
                {order.status ? <OrderStatusTag status={order.status} /> : '—'}
                {order.amounts?.payable !== undefined && <Amount fen={order.amounts.payable} />}
                {order.redemptionCode?.usesLeft !== undefined &&
                  `${m.counter.usesLeft} ${order.redemptionCode.usesLeft}`}
              </Space>
            ),
          },
        ]
      : []),
    ...(answer.conflict
      ? [{ key: 'conflict', label: m.exceptions.conflict, children: <UsedBy used={answer.conflict} /> }]
      : []),
  ];

  return (
    <Card
      size="small"
      className="exception-card"
      data-testid="exception"
      data-type={item.type}
      title={
        <Space size={12}>
          <strong>{m.exceptions.types[item.type] ?? item.type}</strong>
          {item.orderNo && <span className="mono">{fill(m.exceptions.order, { orderNo: item.orderNo })}</span>}
        </Space>
      }
      extra={
        <Typography.Text type="secondary">
          {fill(m.exceptions.at, { time: dateTime(item.triedAt, locale) })}
        </Typography.Text>
      }
    >
      <Descriptions size="small" column={1} colon={false} items={rows} />
      {error && (
        <Alert type="error" showIcon role="alert" title={m.refusal[error.reason ?? ''] ?? m.error[error.code]} />
      )}
      {mayResolve && (
        <Space wrap className="exception-actions">
          {item.type !== 'CREATE_DEALER_ORDER' && (
            <Button type="primary" onClick={() => void retry(item.id).then(setError)}>
              {m.exceptions.retry}
            </Button>
          )}
          {!dismissing && <Button onClick={() => setDismissing(true)}>{m.exceptions.dismiss}</Button>}
          {dismissing && (
            <Space.Compact>
              <Input
                autoFocus
                aria-label={m.exceptions.dismissReason}
                placeholder={m.exceptions.dismissReason}
                value={reason}
                maxLength={200}
                onChange={(e) => setReason(e.target.value)}
                onPressEnter={() => reason.trim() && void dismiss(item.id, reason.trim()).then(setError)}
              />
              <Button
                danger
                disabled={!reason.trim()}
                onClick={() => void dismiss(item.id, reason.trim()).then(setError)}
              >
                {m.exceptions.dismissConfirm}
              </Button>
            </Space.Compact>
          )}
        </Space>
      )}
    </Card>
  );
}
