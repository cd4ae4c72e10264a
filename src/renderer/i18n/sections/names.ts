import type { Widen } from '../widen';

/** How people, devices and places are named on screen instead of their codes. */
export const namesZhCN = {
  system: '系统',
  buyer: '买家',
  buyerNamed: '买家 {name}',
  atPlace: '{name}（{place}）',
  device: '设备 {code}',
  desk: '工作台 {code}',
  server: '订单服务',
  api: '接口',
  platform: '平台',
  shop: '店铺',
};

export const namesEn: Widen<typeof namesZhCN> = {
  system: 'System',
  buyer: 'Buyer',
  buyerNamed: 'Buyer {name}',
  atPlace: '{name} ({place})',
  device: 'Device {code}',
  desk: 'Desk {code}',
  server: 'Order service',
  api: 'API',
  platform: 'Platform',
  shop: 'Shop',
};
