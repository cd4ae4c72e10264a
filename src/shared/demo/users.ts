import type { DataScope, Role } from '../domain/vocabulary';

/**
 * The demo company's people, one per role (domain.md "Who uses the client"). The order service
 * seeds them with a password in demo mode; the client uses them as the local session until
 * sign-in exists. Ids match the demo data generator's warehouses, stores and dealers.
 */
export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  scope: DataScope;
}

const scope = (s: Partial<DataScope>): DataScope => ({
  all: false,
  warehouseIds: [],
  storeIds: [],
  dealerIds: [],
  ...s,
});

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', scope: scope({ all: true }) },
  { username: 'warehouse1', displayName: '上海仓发货台', role: 'warehouse', scope: scope({ warehouseIds: ['WH-SH'] }) },
  { username: 'clerk1', displayName: '静安门店', role: 'clerk', scope: scope({ storeIds: ['ST-01', 'ST-02'] }) },
  { username: 'dealer1', displayName: '华东经销商', role: 'dealer', scope: scope({ dealerIds: ['DL-01'] }) },
  { username: 'service1', displayName: '客服主管', role: 'service', scope: scope({ all: true }) },
  // The demo company's ERP account: feeds every shop's orders and buyer events in (npm run simulate).
  { username: 'erp1', displayName: '订单中台对接', role: 'integration', scope: scope({ all: true, shopIds: [] }) },
];

export const findDemoUser = (username: string): DemoUser | undefined => DEMO_USERS.find((u) => u.username === username);
