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
  /** An ERP's or mall's account posting through the intake and events API: its display name. */
  integration: 'ERP 接口（{name}）',
  /** Another person's account calling the API (an admin's file import, the demo mall's events). */
  apiBy: '接口（{name}）',
  /** A platform connector polling a shop's orders: the platform's open API. */
  connector: { taobao: '淘宝/天猫开放平台', pdd: '拼多多开放平台' },
  connectorOther: '平台接口',
  logistics: '物流推送',
  pos: '收银台（{place}）',
  dealerDevice: '经销商设备 {code}',
  deskAt: '工作台 {code}（{place}）',
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
  integration: 'ERP API ({name})',
  apiBy: 'API ({name})',
  connector: { taobao: 'Taobao/Tmall Open Platform', pdd: 'Pinduoduo Open Platform' },
  connectorOther: 'Platform API',
  logistics: 'Carrier push',
  pos: 'POS ({place})',
  dealerDevice: 'Dealer device {code}',
  deskAt: 'Desk {code} ({place})',
};
