import { useEffect } from 'react';
import { hasBridge } from '../api/client';
import { FatalState, LoadingState } from '../components/States';
import { useMessages } from '../i18n';
import { ShortcutHelp } from '../keyboard/ShortcutHelp';
import { useScannedOrders } from '../keyboard/useScannedOrders';
import { PrintPreview } from '../print/PrintPreview';
import { OpenedOrderDetail } from '../screens/detail/OpenedOrderDetail';
import { SignInScreen } from '../screens/sign-in/SignInScreen';
import { useSession } from '../stores/session';
import { AppShell } from './AppShell';

export function App() {
  const m = useMessages();
  const { session, start } = useSession();

  useEffect(() => {
    document.title = m.ui.appTitle;
  }, [m]);
  useEffect(() => (hasBridge ? start() : undefined), [start]);
  // Every role has the order list, so a scanned order number opens the order for anyone signed in.
  useScannedOrders(Boolean(session));

  if (!hasBridge) return <FatalState text={m.ui.noConnection} />;
  if (session === undefined) return <LoadingState text={m.ui.loading} />;
  if (session === null) return <SignInScreen />;
  return (
    <>
      <AppShell session={session} />
      <OpenedOrderDetail />
      <ShortcutHelp />
      <PrintPreview />
    </>
  );
}
