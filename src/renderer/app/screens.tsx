import { AlertOutlined, EditOutlined, ProfileOutlined, ScanOutlined } from '@ant-design/icons';
import { lazy, type ComponentType, type ReactNode } from 'react';
import { can } from '../../shared/domain/rights';
import type { Role } from '../../shared/domain/vocabulary';
import type { Messages } from '../i18n/zh-CN';
import { OrdersScreen } from '../screens/orders/OrdersScreen';
import { ExceptionsCount } from './ExceptionsCount';

/**
 * Every screen of the left navigation, in menu order: ONE entry per screen. To add a screen, append
 * an entry here (and a row to the screen tour, test/e2e/support/screen-tour.ts); the shell builds
 * the menu, the landing screen per role and the routing from this table alone.
 */
export interface ScreenEntry {
  /** Stable id: the menu key, `data-testid="nav-<id>"`, the tour's screenshot name. */
  id: string;
  /** Menu section: daily work, or setting the company up and reading it. */
  group: 'desk' | 'manage';
  label(m: Messages): string;
  icon: ReactNode;
  /** Who sees it: usually one operation right (src/shared/domain/rights.ts). */
  visibleTo(role: Role): boolean;
  /** Roles that land on this screen after sign-in; everyone else lands on their first visible screen. */
  homeOf?: readonly Role[];
  /** The screen itself, usually `lazy(...)` so it loads when first opened. */
  component: ComponentType;
  /** Beside the label in the menu (e.g. a count of what waits there). */
  Badge?: ComponentType;
}

/** A screen module loaded on first use, so the list a desk opens with does not wait for it. */
const lazyScreen = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));

export const SCREENS: readonly ScreenEntry[] = [
  {
    id: 'orders',
    group: 'desk',
    label: (m) => m.nav.orders,
    icon: <ProfileOutlined />,
    visibleTo: (role) => can(role, 'orders.read'),
    component: OrdersScreen,
  },
  {
    id: 'counter',
    group: 'desk',
    label: (m) => m.nav.counter,
    icon: <ScanOutlined />,
    visibleTo: (role) => can(role, 'redemption.redeem') || can(role, 'redemption.undo'),
    homeOf: ['clerk'],
    component: lazyScreen(() => import('../screens/counter/CounterScreen'), 'CounterScreen'),
  },
  {
    id: 'dealer',
    group: 'desk',
    label: (m) => m.dealer.nav,
    icon: <EditOutlined />,
    visibleTo: (role) => can(role, 'dealer.enterOrder'),
    homeOf: ['dealer'],
    component: lazyScreen(() => import('../screens/dealer/DealerScreen'), 'DealerScreen'),
  },
  {
    id: 'exceptions',
    group: 'desk',
    label: (m) => m.nav.exceptions,
    icon: <AlertOutlined />,
    visibleTo: (role) => can(role, 'exceptions.resolve'),
    component: lazyScreen(() => import('../screens/exceptions/ExceptionsScreen'), 'ExceptionsScreen'),
    Badge: ExceptionsCount,
  },
];

/** The screens a role may open, in menu order. */
export const screensFor = (role: Role): ScreenEntry[] => SCREENS.filter((s) => s.visibleTo(role));

/** Where a role lands after sign-in: its own main screen, else the first it may open. */
export const homeFor = (role: Role): ScreenEntry | undefined => {
  const mine = screensFor(role);
  return mine.find((s) => s.homeOf?.includes(role)) ?? mine[0];
};
