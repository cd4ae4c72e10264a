import {
  AlertOutlined,
  ApiOutlined,
  AuditOutlined,
  BarChartOutlined,
  BarcodeOutlined,
  ControlOutlined,
  CustomerServiceOutlined,
  EditOutlined,
  ExceptionOutlined,
  ImportOutlined,
  ProfileOutlined,
  RollbackOutlined,
  ScanOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import type { ComponentType, ReactNode } from 'react';
import { can } from '../../shared/domain/rights';
import type { Role } from '../../shared/domain/vocabulary';
import type { Messages } from '../i18n/zh-CN';
import { OrdersScreen } from '../screens/orders/OrdersScreen';
import { island } from './island';

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
  /** The screen itself: `lazyScreen(() => import(...), 'XScreen')` loads it when first opened. */
  component: ComponentType;
  /** Beside the label in the menu (e.g. a count of what waits there). */
  Badge?: ComponentType;
}

/**
 * A screen built from Ant Design, loaded when first opened (an island: see island.tsx). The order
 * list is the one screen that is not: its rows paint before Ant Design has loaded.
 */
const lazyScreen = <M extends Record<K, ComponentType>, K extends keyof M & string>(load: () => Promise<M>, name: K) =>
  island(load, name) as ComponentType;

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
    id: 'floor',
    group: 'desk',
    label: (m) => m.floor.nav,
    icon: <BarcodeOutlined />,
    visibleTo: (role) => can(role, 'orders.ship'),
    component: lazyScreen(() => import('../screens/floor/ScanStation'), 'ScanStation'),
  },
  {
    id: 'returns',
    group: 'desk',
    label: (m) => m.floor.returns.nav,
    icon: <RollbackOutlined />,
    visibleTo: (role) => can(role, 'aftersales.receiveReturn'),
    component: lazyScreen(() => import('../screens/returns/ReturnScan'), 'ReturnScan'),
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
    Badge: island(() => import('./ExceptionsCount'), 'ExceptionsCount'),
  },
  {
    id: 'review',
    group: 'desk',
    label: (m) => m.review.nav,
    icon: <AuditOutlined />,
    visibleTo: (role) => can(role, 'orders.review'),
    component: lazyScreen(() => import('../screens/review/ReviewScreen'), 'ReviewScreen'),
  },
  {
    id: 'exception-orders',
    group: 'desk',
    label: (m) => m.exceptionOrders.title,
    icon: <ExceptionOutlined />,
    visibleTo: (role) => can(role, 'orders.resolveException'),
    component: lazyScreen(() => import('../screens/exception-orders/ExceptionOrdersScreen'), 'ExceptionOrdersScreen'),
  },
  {
    id: 'workbench',
    group: 'desk',
    label: (m) => m.workbench.nav,
    icon: <CustomerServiceOutlined />,
    // Whoever takes a step of a request: customer service decides and refunds, the warehouse
    // receives returns and ships replacements.
    visibleTo: (role) =>
      can(role, 'aftersales.review') ||
      can(role, 'aftersales.refund') ||
      can(role, 'aftersales.receiveReturn') ||
      can(role, 'aftersales.shipExchange'),
    component: lazyScreen(() => import('../screens/workbench/WorkbenchScreen'), 'WorkbenchScreen'),
  },
  {
    id: 'reports',
    group: 'manage',
    label: (m) => m.reports.nav,
    icon: <BarChartOutlined />,
    visibleTo: (role) => can(role, 'reports.read'),
    component: lazyScreen(() => import('../screens/reports/ReportsScreen'), 'ReportsScreen'),
  },
  {
    id: 'admin',
    group: 'manage',
    label: (m) => m.admin.nav,
    icon: <ControlOutlined />,
    visibleTo: (role) => can(role, 'admin.manage'),
    component: lazyScreen(() => import('../screens/admin/AdminScreen'), 'AdminScreen'),
  },
  {
    id: 'imports',
    group: 'manage',
    label: (m) => m.imports.nav,
    icon: <ImportOutlined />,
    visibleTo: (role) => can(role, 'intake.post') && can(role, 'admin.manage'),
    component: lazyScreen(() => import('../screens/imports/ImportScreen'), 'ImportScreen'),
  },
  {
    id: 'connectors',
    group: 'manage',
    label: (m) => m.connectors.nav,
    icon: <ApiOutlined />,
    visibleTo: (role) => can(role, 'admin.manage'),
    component: lazyScreen(() => import('../screens/connectors/ConnectorsScreen'), 'ConnectorsScreen'),
  },
  {
    // Everyone may export diagnostics for support; only an admin changes the connection (the screen says so).
    id: 'settings',
    group: 'manage',
    label: (m) => m.settings.nav,
    icon: <SettingOutlined />,
    visibleTo: () => true,
    component: lazyScreen(() => import('../screens/settings/SettingsScreen'), 'SettingsScreen'),
  },
];

/** The screens a role may open, in menu order. */
export const screensFor = (role: Role): ScreenEntry[] => SCREENS.filter((s) => s.visibleTo(role));

/** Where a role lands after sign-in: its own main screen, else the first it may open. */
export const homeFor = (role: Role): ScreenEntry | undefined => {
  const mine = screensFor(role);
  return mine.find((s) => s.homeOf?.includes(role)) ?? mine[0];
};
