import { SyncOutlined } from '@ant-design/icons';
import { Badge, Button, Space, Tooltip, Typography } from 'antd';
import { fill, useI18n, useMessages } from '../i18n';
import { dateTime, recentTime } from '../lib/format';
import { syncBarStill } from '../lib/sync-motion';
import { syncWords } from '../lib/sync-words';
import { useSession } from '../stores/session';
import { FirstSyncProgress } from './FirstSyncProgress';

const DOT = { online: 'success', syncing: 'processing', offline: 'error' } as const;

/** In the header, always in view: online or not, what waits to sync, when the desk last synced. */
export function SyncState() {
  const m = useMessages();
  const locale = useI18n((s) => s.locale);
  const { sync, syncNow } = useSession();
  if (!sync) return null;
  const state = sync.syncing ? 'syncing' : sync.online ? 'online' : 'offline';
  const { queue } = syncWords(sync, m);
  const still = syncBarStill(sync);
  return (
    <Space
      size={8}
      className={still ? 'sync-bar sync-bar-still' : 'sync-bar'}
      role="status"
      aria-label="sync"
      data-state={state}
    >
      <Badge status={DOT[state]} text={m.sync[state]} />
      {sync.firstSync && <FirstSyncProgress progress={sync.firstSync} />}
      {queue && (
        <Typography.Text type={sync.queued > 0 ? 'warning' : 'secondary'} data-testid="queued">
          {queue}
        </Typography.Text>
      )}
      <Typography.Text
        type="secondary"
        className="last-sync"
        title={sync.lastSyncAt ? dateTime(sync.lastSyncAt, locale) : undefined}
      >
        {sync.lastSyncAt ? fill(m.sync.lastSync, { time: recentTime(sync.lastSyncAt, locale) }) : m.sync.never}
      </Typography.Text>
      <Tooltip title={m.sync.now}>
        <Button
          size="small"
          type="text"
          aria-label={m.sync.now}
          icon={<SyncOutlined spin={sync.syncing && !still} />}
          onClick={() => void syncNow()}
          disabled={sync.syncing}
        />
      </Tooltip>
    </Space>
  );
}
