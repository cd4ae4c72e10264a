import { fill, useI18n, useMessages } from '../i18n';
import { dateTime } from '../lib/format';
import { useSession } from '../stores/session';
import { FirstSyncProgress } from './FirstSyncProgress';

/** Always in view: whether the desk is online, what waits to sync, when it last synced, what failed. */
export function SyncStatusBar() {
  const m = useMessages();
  const locale = useI18n((s) => s.locale);
  const { sync, session, syncNow } = useSession();
  if (!sync) return null;
  const state = sync.syncing ? 'syncing' : sync.online ? 'online' : 'offline';
  return (
    <footer className="sync-bar" role="status" aria-label="sync" data-state={state}>
      <span className={`dot ${state}`} />
      <span className="sync-state">{m.sync[state]}</span>
      {sync.firstSync && <FirstSyncProgress progress={sync.firstSync} />}
      {/* "All synced" only once a sync has finished: before the first, nothing is queued yet nothing is here either. */}
      {(sync.queued > 0 || sync.lastSyncAt) && (
        <span data-testid="queued">{sync.queued > 0 ? fill(m.sync.queued, { n: sync.queued }) : m.sync.allSynced}</span>
      )}
      <span>{sync.lastSyncAt ? fill(m.sync.lastSync, { time: dateTime(sync.lastSyncAt, locale) }) : m.sync.never}</span>
      {sync.exceptions > 0 && (
        <span className="exceptions" data-testid="exceptions">
          {fill(m.sync.exceptions, { n: sync.exceptions })}
        </span>
      )}
      {sync.needsSignIn && <span className="warn">{m.sync.needsSignIn}</span>}
      {!sync.needsSignIn && sync.lastError && !sync.syncing && (
        <span className="warn">{fill(m.sync.failed, { message: sync.lastError.message })}</span>
      )}
      {session?.offline && <span className="warn">{m.ui.offlineSession}</span>}
      <span className="spacer" />
      <button type="button" onClick={() => void syncNow()} disabled={sync.syncing}>
        {m.sync.now}
      </button>
    </footer>
  );
}
