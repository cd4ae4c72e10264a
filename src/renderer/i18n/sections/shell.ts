import type { Widen } from '../widen';

/** The app shell: navigation, header, density, and the shared states every screen uses. */
export const shellZhCN = {
  collapse: '收起导航',
  expand: '展开导航',
  groups: { desk: '工作台', manage: '管理' },
  density: '显示密度',
  densities: { comfortable: '舒适', compact: '紧凑' },
  scope: {
    all: '全部数据',
    warehouses: '仓库 {ids}',
    stores: '门店 {ids}',
    dealers: '经销商 {ids}',
  },
  empty: '暂无数据',
  loading: '加载中…',
  required: '必填',
  yuan: '元',
};

export const shellEn: Widen<typeof shellZhCN> = {
  collapse: 'Collapse navigation',
  expand: 'Expand navigation',
  groups: { desk: 'Desk', manage: 'Manage' },
  density: 'Density',
  densities: { comfortable: 'Comfortable', compact: 'Compact' },
  scope: {
    all: 'All data',
    warehouses: 'Warehouse {ids}',
    stores: 'Store {ids}',
    dealers: 'Dealer {ids}',
  },
  empty: 'Nothing here',
  loading: 'Loading…',
  required: 'Required',
  yuan: 'yuan',
};
