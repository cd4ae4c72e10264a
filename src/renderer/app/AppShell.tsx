import { LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Layout, Menu, Space, Tag, Typography, type MenuProps } from 'antd';
import { Suspense, useState } from 'react';
import type { SessionInfo } from '../../shared/contract/api';
import { LoadingState } from '../components/States';
import { useMessages } from '../i18n';
import { useNavigation } from '../stores/navigation';
import { useSession } from '../stores/session';
import { DensitySwitch } from './DensitySwitch';
import { LanguageSwitch } from './LanguageSwitch';
import { ScopeTag } from './ScopeTag';
import { homeFor, screensFor, type ScreenEntry } from './screens';
import { SyncAlerts } from './SyncAlerts';
import { SyncState } from './SyncState';

const COLLAPSED_KEY = 'order-desk-nav-collapsed';

/**
 * The frame around every screen once signed in: the left navigation (built from the screen
 * registry for the user's role), the header (sync state, scope, language, density, user), and the
 * screen itself. Each user lands on their own main screen; a new sign-in never inherits the last one's.
 */
export function AppShell({ session }: { session: SessionInfo }) {
  const m = useMessages();
  const { screen, show } = useNavigation();
  const signOut = useSession((s) => s.signOut);
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(COLLAPSED_KEY) === '1');
  const screens = screensFor(session.role);
  const chosen = screen?.user === session.username ? screens.find((s) => s.id === screen.name) : undefined;
  const current = chosen ?? homeFor(session.role);
  const toggle = () => {
    localStorage.setItem(COLLAPSED_KEY, collapsed ? '0' : '1');
    setCollapsed(!collapsed);
  };
  const Screen = current?.component;

  return (
    <Layout className="app">
      <Layout.Sider
        className="app-sider"
        theme="light"
        width={188}
        collapsedWidth={56}
        collapsed={collapsed}
        trigger={null}
        collapsible
      >
        <div className="brand" title={m.ui.appTitle}>
          <span className="brand-mark" aria-hidden>
            单
          </span>
          {!collapsed && <h1 className="brand-name">{m.ui.appTitle}</h1>}
        </div>
        <Menu
          mode="inline"
          aria-label={m.nav.label}
          selectedKeys={current ? [current.id] : []}
          items={menuItems(m, screens, current)}
          onClick={({ key }) => show(session.username, key)}
        />
      </Layout.Sider>
      <Layout className="app-main">
        <Layout.Header className="app-header">
          <Button
            type="text"
            icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            aria-label={collapsed ? m.shell.expand : m.shell.collapse}
            onClick={toggle}
          />
          <span className="spacer" />
          <SyncState />
          <ScopeTag scope={session.scope} />
          {session.demo && (
            <Tag color="green" variant="outlined">
              {m.ui.demoMode}
            </Tag>
          )}
          <LanguageSwitch />
          <DensitySwitch />
          <Space size={6} className="who" title={`${session.username} · ${m.role[session.role]}`}>
            <Avatar size="small" icon={<UserOutlined />} />
            <Typography.Text data-testid="who">{session.displayName}</Typography.Text>
          </Space>
          <Button type="text" icon={<LogoutOutlined />} onClick={() => void signOut()}>
            {m.ui.signOut}
          </Button>
        </Layout.Header>
        <SyncAlerts />
        <Layout.Content className="app-content">
          <Suspense fallback={<LoadingState />}>{Screen && <Screen key={session.username} />}</Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

type MenuItem = Required<MenuProps>['items'][number];

function menuItems(m: ReturnType<typeof useMessages>, screens: ScreenEntry[], current: ScreenEntry | undefined) {
  const item = (s: ScreenEntry): MenuItem => ({
    key: s.id,
    icon: s.icon,
    label: (
      <span className="nav-label">
        <span>{s.label(m)}</span>
        {s.Badge && <s.Badge />}
      </span>
    ),
    // Tests and assistive tech find the entry and whether it is the open screen.
    ...({ 'data-testid': `nav-${s.id}`, 'aria-current': s === current ? 'page' : undefined } as object),
  });
  const groups = (['desk', 'manage'] as const)
    .map((group) => ({ group, entries: screens.filter((s) => s.group === group) }))
    .filter((g) => g.entries.length > 0);
  // One section needs no heading; with two, each gets its own.
  if (groups.length < 2) return screens.map(item);
  return groups.map(({ group, entries }): MenuItem => ({
    type: 'group',
    key: group,
    label: m.shell.groups[group],
    children: entries.map(item),
  }));
}
