import { useEffect } from 'react';
import { hasBridge } from '../api/client';
import { fill, useMessages } from '../i18n';
import { OrdersScreen } from '../screens/orders/OrdersScreen';
import { SignInScreen } from '../screens/sign-in/SignInScreen';
import { useSession } from '../stores/session';
import { LanguageSwitch } from './LanguageSwitch';
import { SyncStatusBar } from './SyncStatusBar';

export function App() {
  const m = useMessages();
  const { session, start, signOut } = useSession();

  useEffect(() => {
    document.title = m.ui.appTitle;
  }, [m]);
  useEffect(() => (hasBridge ? start() : undefined), [start]);

  if (!hasBridge) return <div className="placeholder fatal">{m.ui.noConnection}</div>;
  if (session === undefined) return <div className="placeholder">{m.ui.loading}</div>;
  if (session === null) return <SignInScreen />;
  return (
    <div className="app">
      <header className="app-header">
        <h1>{m.ui.appTitle}</h1>
        {session.demo && <span className="badge demo">{m.ui.demoMode}</span>}
        <span className="spacer" />
        <span className="who">{fill(m.ui.signedInAs, { name: session.displayName, role: m.role[session.role] })}</span>
        <LanguageSwitch />
        <button type="button" onClick={() => void signOut()}>
          {m.ui.signOut}
        </button>
      </header>
      <main>
        <OrdersScreen key={session.username} />
      </main>
      <SyncStatusBar />
    </div>
  );
}
