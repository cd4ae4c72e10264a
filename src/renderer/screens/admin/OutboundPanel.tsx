import { App, Button, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import type { OutboundEventView } from '../../../shared/contract/admin';
import { fill, useI18n, useMessages } from '../../i18n';
import { dateTime } from '../../lib/format';
import { useAdminCall, useLoadOnOpen } from './use-admin';

type State = 'dead' | 'pending' | 'delivered' | 'all';
const COLORS = { pending: 'blue', delivered: 'green', dead: 'red' } as const;

/** The write-back queue: what each shop was told or is still owed; a dead letter is sent again from here. */
export function OutboundPanel() {
  const m = useMessages();
  const t = m.admin.outbound;
  const locale = useI18n((s) => s.locale);
  const call = useAdminCall();
  const { message } = App.useApp();
  const [state, setState] = useState<State>('dead');
  const [events, setEvents] = useState<OutboundEventView[]>([]);
  const [counts, setCounts] = useState({ pending: 0, delivered: 0, dead: 0 });

  const load = useCallback(async () => {
    const answer = await call('admin.outbound', { state: state === 'all' ? null : state });
    if (!answer) return;
    setEvents(answer.events);
    setCounts(answer.counts);
  }, [call, state]);
  useLoadOnOpen(load);

  const replay = async (event: OutboundEventView) => {
    if (!(await call('admin.outbound.replay', { id: event.id }))) return;
    void message.success(t.replayed);
    await load();
  };

  return (
    <div data-testid="admin-outbound">
      <Space style={{ marginBottom: 12 }} wrap>
        <Segmented<State>
          value={state}
          onChange={setState}
          options={[
            { value: 'dead', label: t.states.dead },
            { value: 'pending', label: t.states.pending },
            { value: 'delivered', label: t.states.delivered },
            { value: 'all', label: t.all },
          ]}
        />
        <Button onClick={() => void load()}>{m.admin.refresh}</Button>
        <Typography.Text type="secondary">{fill(t.counts, counts)}</Typography.Text>
      </Space>
      <Table<OutboundEventView>
        rowKey="id"
        size="small"
        dataSource={events}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t.createdAt, dataIndex: 'createdAt', render: (at: number) => dateTime(at, locale) },
          { title: t.type, dataIndex: 'type', render: (type: OutboundEventView['type']) => t.types[type] },
          { title: t.shop, dataIndex: 'shopId' },
          { title: t.order, dataIndex: 'orderNo' },
          { title: t.externalNo, dataIndex: 'externalOrderNo' },
          {
            title: m.admin.users.state,
            dataIndex: 'state',
            render: (s: OutboundEventView['state']) => <Tag color={COLORS[s]}>{t.states[s]}</Tag>,
          },
          { title: t.attempts, dataIndex: 'attempts', align: 'right' },
          {
            title: t.lastError,
            dataIndex: 'lastError',
            render: (e: string | null) => (
              <Typography.Text type="danger" ellipsis={{ tooltip: e }} style={{ maxWidth: 280 }}>
                {e ?? ''}
              </Typography.Text>
            ),
          },
          {
            title: m.admin.actions,
            render: (_v, e) =>
              e.state === 'dead' ? (
                <Button
                  size="small"
                  type="primary"
                  onClick={() => void replay(e)}
                  data-testid={`admin-outbound-replay-${e.id}`}
                >
                  {t.replay}
                </Button>
              ) : null,
          },
        ]}
      />
    </div>
  );
}
