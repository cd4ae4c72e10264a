import { useState } from 'react';
import type { SessionInfo } from '../../shared/contract/api';
import { useMessages } from '../i18n';
import { useNavigation } from '../stores/navigation';
import { holdIslandsUntil, island } from './island';
import { firstAnswer } from '../stores/orders';
import { homeFor, screensFor } from './screens';

const COLLAPSED_KEY = 'order-desk-nav-collapsed';

// The navigation and the header are Ant Design: they load beside the screen, never before it.
const NavMenu = island(() => import('./NavMenu'), 'NavMenu');
const HeaderBar = island(() => import('./HeaderBar'), 'HeaderBar');
const SyncAlerts = island(() => import('./SyncAlerts'), 'SyncAlerts');

/**
 * The frame around every screen once signed in: the left navigation (built from the screen
 * registry for the user's role), the header (sync state, scope, language, density, user), and the
 * screen itself. Each user lands on their own main screen; a new sign-in never inherits the last one's.
 */
export function AppShell({ session }: { session: SessionInfo }) {
  const m = useMessages();
  const { screen, show } = useNavigation();
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(COLLAPSED_KEY) === '1');
  const screens = screensFor(session.role);
  const chosen = screen?.user === session.username ? screens.find((s) => s.id === screen.name) : undefined;
  const current = chosen ?? homeFor(session.role);
  const toggle = () => {
    localStorage.setItem(COLLAPSED_KEY, collapsed ? '0' : '1');
    setCollapsed(!collapsed);
  };
  const Screen = current?.component;
  // A desk that lands on the order list sees its rows first; the shell's Ant parts follow.
  if (current?.id === 'orders') holdIslandsUntil(firstAnswer());

  return (
    <div className={collapsed ? 'app collapsed' : 'app'}>
      <aside className="app-sider">
        <div className="brand" title={m.ui.appTitle}>
          <span className="brand-mark" aria-hidden>
            单
          </span>
          {!collapsed && <h1 className="brand-name">{m.ui.appTitle}</h1>}
        </div>
        <NavMenu screens={screens} current={current} onOpen={(id) => show(session.username, id)} />
      </aside>
      <div className="app-main">
        <header className="app-header">
          <HeaderBar session={session} collapsed={collapsed} onToggleNav={toggle} />
        </header>
        <SyncAlerts />
        <main className="app-content">{Screen && <Screen key={session.username} />}</main>
      </div>
    </div>
  );
}
