import { fill, useI18n, useMessages } from '../i18n';
import { dateTime } from '../lib/format';
import { syncWords } from '../lib/sync-words';
import { useSession } from '../stores/session';
import { FirstSyncProgress } from './FirstSyncProgress';

/** Always in view: whether the desk is online, what waits to sync, when it last synced, what failed. */
export function SyncStatusBar() {
  const m = useMessages();
  const locale = useI18n((s) => s.locale);
  const { sync, session, syncNow } = useSession();
  if (!sync) return null;
  const state = sync.syncing ? 'syncing' : sync.online ? 'online' : 'offline';
  const words = syncWords(sync, m);
  return (
    <footer className="sync-bar" role="status" aria-label="sync" data-state={state}>
      <span className={`dot ${state}`} />
      <span className="sync-state">{m.sync[state]}</span>
      {sync.firstSync && <FirstSyncProgress progress={sync.firstSync} />}
      {words.queue && <span data-testid="queued">{words.queue}</span>}
      <span>{sync.lastSyncAt ? fill(m.sync.lastSync, { time: dateTime(sync.lastSyncAt, locale) }) : m.sync.never}</span>
      {sync.exceptions > 0 && (
        <span className="exceptions" data-testid="exceptions">
          {fill(m.sync.exceptions, { n: sync.exceptions })}
        </span>
      )}
      {sync.needsSignIn && <span className="warn">{m.sync.needsSignIn}</span>}
      {words.failure && <span className="warn">{words.failure}</span>}
      {session?.offline && <span className="warn">{m.ui.offlineSession}</span>}
      <span className="spacer" />
      <button type="button" onClick={() => void syncNow()} disabled={sync.syncing}>
        {m.sync.now}
      </button>
    </footer>
  );
}
