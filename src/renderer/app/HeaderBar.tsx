import { LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Space, Tag, Typography } from 'antd';
import type { SessionInfo } from '../../shared/contract/api';
import { useMessages } from '../i18n';
import { useSession } from '../stores/session';
import { DensitySwitch } from './DensitySwitch';
import { LanguageSwitch } from './LanguageSwitch';
import { ScopeTag } from './ScopeTag';
import { SyncState } from './SyncState';

interface Props {
  session: SessionInfo;
  collapsed: boolean;
  onToggleNav(): void;
}

/** The header: the navigation's fold, sync state, scope, language, density, who is signed in. */
export function HeaderBar({ session, collapsed, onToggleNav }: Props) {
  const m = useMessages();
  const signOut = useSession((s) => s.signOut);
  return (
    <>
      <Button
        type="text"
        icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
        aria-label={collapsed ? m.shell.expand : m.shell.collapse}
        onClick={onToggleNav}
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
    </>
  );
}
