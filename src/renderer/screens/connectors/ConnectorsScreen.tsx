import { ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Badge, Button, DatePicker, Popover, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import type { ShopHealth } from '../../../shared/contract/connectors';
import { api } from '../../api/client';
import { EmptyState, LoadingState } from '../../components/States';
import { fill, useI18n, useMessages } from '../../i18n';
import { refusalWords } from '../../i18n/refusal-words';
import { dateTime } from '../../lib/format';
import './connectors.css';

const STATE_BADGE: Record<ShopHealth['state'], 'success' | 'error' | 'default' | 'processing'> = {
  ok: 'success',
  failing: 'error',
  paused: 'default',
  waiting: 'processing',
};

/** How far behind the shop's reading is, in the unit a person reads at a glance. */
function lagText(t: ReturnType<typeof useMessages>['connectors'], ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 120) return fill(t.lagMinutes, { n: minutes });
  if (minutes < 48 * 60) return fill(t.lagHours, { n: Math.round(minutes / 60) });
  return fill(t.lagDays, { n: Math.round(minutes / 1440) });
}

/**
 * 平台店铺: every shop connected to 淘宝/天猫 or 拼多多 with its health as the service sees it — last
 * poll, lag, orders in the last hour, last error, failed write-backs — and what an admin may do
 * about it: pause, resume, re-read everything modified since a time (nothing is taken in twice).
 */
export function ConnectorsScreen() {
  const m = useMessages();
  const t = m.connectors;
  const locale = useI18n((s) => s.locale);
  const { message } = App.useApp();
  const [shops, setShops] = useState<ShopHealth[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [since, setSince] = useState<Dayjs | null>(null);

  const refusal = useCallback(
    (e: { code: string; reason?: string; message: string }) => refusalWords(m, e.reason ?? e.code) ?? e.message,
    [m],
  );
  const load = useCallback(
    () =>
      api['connectors.health']({}).then((answer) => {
        if (answer.ok) {
          setShops(answer.value.shops);
          setError(null);
        } else setError(refusal(answer.error));
      }),
    [refusal],
  );

  useEffect(() => {
    void load();
    // Health moves on its own (polls, failures): it is read again every 10 s while shown.
    const timer = setInterval(() => void load(), 10_000);
    return () => clearInterval(timer);
  }, [load]);

  const act = async (shop: ShopHealth, action: 'pause' | 'resume') => {
    const answer = await api[`connectors.${action}`]({ shopId: shop.shopId });
    if (!answer.ok) return setError(refusal(answer.error));
    message.success(fill(action === 'pause' ? t.paused : t.resumed, { shop: shop.shopName }));
    void load();
  };
  const repull = async (shop: ShopHealth) => {
    if (!since) return;
    const answer = await api['connectors.repull']({ shopId: shop.shopId, since: since.valueOf() });
    if (!answer.ok) return setError(refusal(answer.error));
    message.success(fill(t.repullOk, { since: dateTime(since.valueOf(), locale) }));
    void load();
  };

  return (
    <section className="connectors-screen" data-testid="connectors-screen">
      <Space className="connectors-head" align="baseline">
        <Typography.Title level={4} className="screen-title">
          {t.title}
        </Typography.Title>
        <Button icon={<ReloadOutlined />} onClick={() => void load()}>
          {t.refresh}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} data-testid="connectors-error" />}
      {shops === null && !error && <LoadingState />}
      {shops?.length === 0 && <EmptyState text={t.empty} />}
      {shops && shops.length > 0 && (
        <Table<ShopHealth>
          size="small"
          rowKey="shopId"
          pagination={false}
          dataSource={shops}
          data-testid="connectors-table"
          onRow={(shop) => ({ 'data-shop': shop.shopId }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              key: 'shop',
              title: t.shop,
              render: (_v, s) => (
                <Space direction="vertical" size={0}>
                  <Typography.Text strong>{s.shopName}</Typography.Text>
                  <Typography.Text type="secondary">
                    {t.platform[s.platform]} · {s.shopId}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              key: 'state',
              title: t.status,
              render: (_v, s) => <Badge status={STATE_BADGE[s.state]} text={t.state[s.state]} />,
            },
            {
              key: 'lastPoll',
              title: t.lastPoll,
              render: (_v, s) => (s.lastPollAt === null ? t.never : dateTime(s.lastPollAt, locale)),
            },
            {
              key: 'lag',
              title: t.lag,
              align: 'right',
              render: (_v, s) => lagText(t, s.lagMs),
            },
            { key: 'orders', title: t.ordersLastHour, align: 'right', dataIndex: 'ordersLastHour' },
            {
              key: 'error',
              title: t.lastError,
              render: (_v, s) =>
                s.lastError ? (
                  <Popover content={s.lastError.message}>
                    <Tag color={s.state === 'failing' ? 'red' : 'default'}>{s.lastError.code}</Tag>
                    <Typography.Text type="secondary">{dateTime(s.lastError.at, locale)}</Typography.Text>
                  </Popover>
                ) : (
                  '—'
                ),
            },
            {
              key: 'dead',
              title: t.deadLetters,
              align: 'right',
              render: (_v, s) => (s.deadLetters > 0 ? <Tag color="red">{s.deadLetters}</Tag> : 0),
            },
            {
              key: 'actions',
              title: t.actions,
              render: (_v, s) => (
                <Space>
                  {s.state === 'paused' ? (
                    <Button size="small" onClick={() => void act(s, 'resume')} data-testid={`resume-${s.shopId}`}>
                      {t.resume}
                    </Button>
                  ) : (
                    <Button size="small" onClick={() => void act(s, 'pause')} data-testid={`pause-${s.shopId}`}>
                      {t.pause}
                    </Button>
                  )}
                  <Popover
                    trigger="click"
                    title={t.repullSince}
                    content={
                      <Space>
                        <DatePicker showTime value={since} onChange={setSince} />
                        <Button type="primary" size="small" disabled={!since} onClick={() => void repull(s)}>
                          {t.repull}
                        </Button>
                      </Space>
                    }
                  >
                    <Button size="small">{t.repull}</Button>
                  </Popover>
                </Space>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}
