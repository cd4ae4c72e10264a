import { lazy, Suspense, useEffect } from 'react';
import { hasBridge } from '../api/client';
import { fill, useMessages } from '../i18n';
import { ShortcutHelp } from '../keyboard/ShortcutHelp';
import { useScannedOrders } from '../keyboard/useScannedOrders';
import { PrintPreview } from '../print/PrintPreview';
import { CounterScreen } from '../screens/counter/CounterScreen';
import { DealerScreen } from '../screens/dealer/DealerScreen';
import { ExceptionsScreen } from '../screens/exceptions/ExceptionsScreen';
import { OpenedOrderDetail } from '../screens/detail/OpenedOrderDetail';
import { OrdersScreen } from '../screens/orders/OrdersScreen';
import { SignInScreen } from '../screens/sign-in/SignInScreen';
import { useSession } from '../stores/session';
import { LanguageSwitch } from './LanguageSwitch';
import { useNavigation } from '../stores/navigation';
import { Nav, screensOf } from './Nav';
import { SyncStatusBar } from './SyncStatusBar';

/** The scanning station loads with Ant Design's table and inputs only when a desk opens it. */
const ScanStation = lazy(async () => ({ default: (await import('../screens/floor/ScanStation')).ScanStation }));

export function App() {
  const m = useMessages();
  const { session, start, signOut, sync } = useSession();
  const { screen, show } = useNavigation();

  useEffect(() => {
    document.title = m.ui.appTitle;
  }, [m]);
  useEffect(() => (hasBridge ? start() : undefined), [start]);
  // Every role has the order list, so a scanned order number opens the order for anyone signed in.
  useScannedOrders(Boolean(session));

  if (!hasBridge) return <div className="placeholder fatal">{m.ui.noConnection}</div>;
  if (session === undefined) return <div className="placeholder">{m.ui.loading}</div>;
  if (session === null) return <SignInScreen />;
  const screens = screensOf(session.role);
  // Each user lands on their own main screen; a new sign-in never inherits the last one's.
  const current = screen?.user === session.username && screens.includes(screen.name) ? screen.name : screens[0]!;
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
      <Nav
        screens={screens}
        current={current}
        exceptions={sync?.exceptions ?? 0}
        onOpen={(name) => show(session.username, name)}
      />
      <main>
        {current === 'dealer' && <DealerScreen key={session.username} />}
        {current === 'counter' && <CounterScreen key={session.username} />}
        {current === 'orders' && <OrdersScreen key={session.username} />}
        {current === 'floor' && (
          <Suspense fallback={null}>
            <ScanStation key={session.username} />
          </Suspense>
        )}
        {current === 'exceptions' && <ExceptionsScreen key={session.username} />}
      </main>
      <OpenedOrderDetail />
      <SyncStatusBar />
      <ShortcutHelp />
      <PrintPreview />
    </div>
  );
}
