import type { SyncStatus } from '../../shared/contract/api';
import { fill, useMessages } from '../i18n';

/** A new store's first sync: orders stored of how many, a bar, and the time left at the rate so far. */
export function FirstSyncProgress({ progress }: { progress: NonNullable<SyncStatus['firstSync']> }) {
  const m = useMessages().firstSync;
  const { done, total, etaMs } = progress;
  const share = total ? Math.min(1, done / total) : 0;
  const time =
    etaMs === null
      ? null
      : etaMs < 90_000
        ? fill(m.seconds, { n: Math.max(1, Math.round(etaMs / 1000)) })
        : fill(m.minutes, { n: Math.round(etaMs / 60_000) });
  const n = (value: number) => value.toLocaleString();
  return (
    <span className="first-sync" data-testid="first-sync">
      <span
        className="first-sync-bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={total ?? undefined}
        aria-valuenow={done}
      >
        <span style={{ width: `${Math.round(share * 100)}%` }} />
      </span>
      {total === null
        ? fill(m.progressUnknown, { done: n(done) })
        : fill(m.progress, { done: n(done), total: n(total) })}
      {time && <span>{fill(m.timeLeft, { time })}</span>}
    </span>
  );
}
