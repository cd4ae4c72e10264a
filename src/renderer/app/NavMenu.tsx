import { Menu, type MenuProps } from 'antd';
import { useMessages } from '../i18n';
import type { Messages } from '../i18n/zh-CN';
import type { ScreenEntry } from './screens';

interface Props {
  screens: ScreenEntry[];
  current: ScreenEntry | undefined;
  onOpen(id: string): void;
}

/** The left navigation: the screens of the registry this role may open, in two sections at most. */
export function NavMenu({ screens, current, onOpen }: Props) {
  const m = useMessages();
  return (
    <Menu
      mode="inline"
      aria-label={m.nav.label}
      selectedKeys={current ? [current.id] : []}
      items={menuItems(m, screens, current)}
      onClick={({ key }) => onOpen(key)}
    />
  );
}

type MenuItem = Required<MenuProps>['items'][number];

function menuItems(m: Messages, screens: ScreenEntry[], current: ScreenEntry | undefined) {
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
