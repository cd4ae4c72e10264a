import { useEffect } from 'react';
import { hasBridge } from '../api/client';
import { useMessages } from '../i18n';
import { ShortcutHelp } from '../keyboard/ShortcutHelp';
import { useScannedOrders } from '../keyboard/useScannedOrders';
import { PrintPreview } from '../print/PrintPreview';
import { OpenedOrderDetail } from '../screens/detail/OpenedOrderDetail';
import { useSession } from '../stores/session';
import { AppShell } from './AppShell';
import { island } from './island';

const FatalState = island(() => import('../components/States'), 'FatalState');
const SignInScreen = island(() => import('../screens/sign-in/SignInScreen'), 'SignInScreen');

export function App() {
  const m = useMessages();
  const session = useSession((s) => s.session);

  useEffect(() => {
    document.title = m.ui.appTitle;
  }, [m]);
  // Every role has the order list, so a scanned order number opens the order for anyone signed in.
  useScannedOrders(Boolean(session));

  if (!hasBridge) return <FatalState text={m.ui.noConnection} />;
  // Main answers who is signed in within milliseconds: nothing to show in between.
  if (session === undefined) return null;
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
