import { useEffect, useState } from 'react';
import type { SessionInfo } from '../../shared/contract/api';
import { api, hasBridge } from '../api/client';
import { fill, LOCALES, useI18n, useMessages, type Locale } from '../i18n';
import { OrdersScreen } from '../screens/orders/OrdersScreen';

export function App() {
  const m = useMessages();
  const { locale, setLocale } = useI18n();
  const [session, setSession] = useState<SessionInfo | null>(null);

  useEffect(() => {
    document.title = m.ui.appTitle;
  }, [m]);
  useEffect(() => {
    void api['session.current']({}).then((r) => r.ok && setSession(r.value));
  }, []);

  if (!hasBridge) return <div className="placeholder fatal">{m.ui.noConnection}</div>;
  return (
    <div className="app">
      <header className="app-header">
        <h1>{m.ui.appTitle}</h1>
        {session?.demo && <span className="badge demo">{m.ui.demoMode}</span>}
        <span className="spacer" />
        {session && (
          <span className="who">
            {fill(m.ui.signedInAs, { name: session.displayName, role: m.role[session.role] })}
          </span>
        )}
        <label className="language">
          <span>{m.ui.language}</span>
          <select value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
            {Object.keys(LOCALES).map((l) => (
              <option key={l} value={l}>
                {l === 'zh-CN' ? '简体中文' : 'English'}
              </option>
            ))}
          </select>
        </label>
      </header>
      <main>
        <OrdersScreen />
      </main>
    </div>
  );
}
