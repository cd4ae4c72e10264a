import { Button, Table, Typography } from 'antd';
import { useCallback, useState } from 'react';
import type { AuditEntry } from '../../../shared/contract/admin';
import { useI18n, useMessages } from '../../i18n';
import { dateTime } from '../../lib/format';
import { useAdminCall, useLoadOnOpen } from './use-admin';

/** Who changed what in the company, newest first. */
export function AuditPanel() {
  const m = useMessages();
  const t = m.admin.audit;
  const locale = useI18n((s) => s.locale);
  const call = useAdminCall();
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const load = useCallback(async () => {
    const answer = await call('admin.audit', {});
    if (answer) setEntries(answer);
  }, [call]);
  useLoadOnOpen(load);
  return (
    <div data-testid="admin-audit">
      <Button style={{ marginBottom: 12 }} onClick={() => void load()}>
        {m.admin.refresh}
      </Button>
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        dataSource={entries}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t.at, dataIndex: 'at', render: (at: number) => dateTime(at, locale) },
          { title: t.actor, dataIndex: 'actor' },
          { title: t.action, dataIndex: 'action', render: (action: string) => t.actions[action] ?? action },
          { title: t.target, dataIndex: 'target' },
          {
            title: t.detail,
            dataIndex: 'detail',
            render: (d: Record<string, unknown>) => (
              <Typography.Text ellipsis={{ tooltip: JSON.stringify(d) }} style={{ maxWidth: 420 }}>
                {JSON.stringify(d)}
              </Typography.Text>
            ),
          },
        ]}
      />
    </div>
  );
}
