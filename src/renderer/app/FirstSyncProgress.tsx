import { Progress, Space, Typography } from 'antd';
import type { SyncStatus } from '../../shared/contract/api';
import { fill, useMessages } from '../i18n';

/** A new store's first sync: orders stored of how many, a bar, and the time left at the rate so far. */
export function FirstSyncProgress({ progress }: { progress: NonNullable<SyncStatus['firstSync']> }) {
  const m = useMessages().firstSync;
  const { done, total, etaMs } = progress;
  const time =
    etaMs === null
      ? null
      : etaMs < 90_000
        ? fill(m.seconds, { n: Math.max(1, Math.round(etaMs / 1000)) })
        : fill(m.minutes, { n: Math.round(etaMs / 60_000) });
  const n = (value: number) => value.toLocaleString();
  return (
    <Space size={8} data-testid="first-sync">
      {total !== null && (
        <Progress
          // It moves in a step a page; an easing per step ran into the next one, so the bar was
          // laid out and painted every frame of the sync.
          styles={{ track: { transition: 'none' } }}
          percent={Math.min(100, Math.floor((done / Math.max(1, total)) * 100))}
          size={[120, 6]}
          showInfo={false}
        />
      )}
      <Typography.Text type="secondary">
        {total === null
          ? fill(m.progressUnknown, { done: n(done) })
          : fill(m.progress, { done: n(done), total: n(total) })}
        {time && ` · ${fill(m.timeLeft, { time })}`}
      </Typography.Text>
    </Space>
  );
}
