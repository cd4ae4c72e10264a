import { Alert } from 'antd';
import { useMessages } from '../i18n';
import { syncWords } from '../lib/sync-words';
import { useSession } from '../stores/session';

/** What the user must know about sync and cannot miss: shown above the screen, not in a corner. */
export function SyncAlerts() {
  const m = useMessages();
  const { sync, session } = useSession();
  const alerts: Array<{ key: string; text: string; type: 'warning' | 'info' }> = [];
  const failure = sync ? syncWords(sync, m).failure : null;
  if (sync?.needsSignIn) alerts.push({ key: 'sign-in', text: m.sync.needsSignIn, type: 'warning' });
  else if (failure) alerts.push({ key: 'failed', text: failure, type: 'warning' });
  if (session?.offline) alerts.push({ key: 'offline', text: m.ui.offlineSession, type: 'info' });
  if (alerts.length === 0) return null;
  return (
    <div className="sync-alerts">
      {alerts.map((a) => (
        <Alert key={a.key} banner showIcon type={a.type} title={a.text} data-testid={`sync-alert-${a.key}`} />
      ))}
    </div>
  );
}
