import type { OrderSort } from '../contract/orders';
import type { OrderStatus, Role } from './vocabulary';

/**
 * How the order list opens for each role, and which status tabs concern it (domain.md: a
 * warehouse works the 待发货 queue oldest-paid first). A tab a role can never have an order in
 * (待核销 for a warehouse, which ships physical goods only) is noise, so it is not shown; 全部
 * always is.
 */
export interface ListDefaults {
  /** The tab the list opens on; null = 全部. */
  status: OrderStatus | null;
  sort: OrderSort | null;
  hiddenStatuses: readonly OrderStatus[];
}

const NEWEST_FIRST = null;

export const LIST_DEFAULTS: Record<Role, ListDefaults> = {
  admin: { status: null, sort: NEWEST_FIRST, hiddenStatuses: [] },
  warehouse: {
    status: 'PENDING_SHIPMENT',
    sort: { field: 'paidAt', direction: 'asc' },
    hiddenStatuses: ['PENDING_REDEMPTION'],
  },
  // A store sees service orders only: nothing of theirs is ever shipped or received.
  clerk: { status: 'PENDING_REDEMPTION', sort: NEWEST_FIRST, hiddenStatuses: ['PENDING_SHIPMENT', 'PENDING_RECEIPT'] },
  dealer: { status: null, sort: NEWEST_FIRST, hiddenStatuses: [] },
  service: { status: null, sort: NEWEST_FIRST, hiddenStatuses: [] },
  integration: { status: null, sort: NEWEST_FIRST, hiddenStatuses: [] },
};

export const listDefaultsFor = (role: Role | null | undefined): ListDefaults =>
  role ? LIST_DEFAULTS[role] : LIST_DEFAULTS.admin;
