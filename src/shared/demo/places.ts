import type { WarehouseId } from './regions';

/** The demo company's sites. Ids match DEMO_USERS' scopes (users.ts). */
export const WAREHOUSES: ReadonlyArray<{ id: WarehouseId; name: string; city: string; hub: string }> = [
  { id: 'WH-SH', name: '上海仓', city: '上海市', hub: '上海青浦转运中心' },
  { id: 'WH-GZ', name: '广州仓', city: '广州市', hub: '广州白云转运中心' },
  { id: 'WH-BJ', name: '北京仓', city: '北京市', hub: '北京顺义转运中心' },
];

export const warehouseNamed = (id: WarehouseId) => {
  const found = WAREHOUSES.find((w) => w.id === id);
  if (!found) throw new RangeError(`unknown warehouse ${id}`);
  return found;
};

/** Stores of the service merchant, where redemption codes are redeemed. */
export const STORES = [
  { id: 'ST-01', name: '静安店', clerks: ['zhangli', 'wangfang'] },
  { id: 'ST-02', name: '徐汇店', clerks: ['chenjing', 'liuyang'] },
  { id: 'ST-03', name: '浦东店', clerks: ['zhoumin'] },
  { id: 'ST-04', name: '杭州西湖店', clerks: ['sunhao', 'hujie'] },
  { id: 'ST-05', name: '南京新街口店', clerks: ['gaolei'] },
] as const;

/** Dealers enter offline orders for customers of their own region, on their own laptop (device code). */
export const DEALERS = [
  { id: 'DL-01', name: '华东经销商', province: '上海市', deviceCode: 1001 },
  { id: 'DL-02', name: '杭州恒达商贸', province: '浙江省', deviceCode: 1002 },
  { id: 'DL-03', name: '南京金陵商贸', province: '江苏省', deviceCode: 1003 },
  { id: 'DL-04', name: '广州粤通贸易', province: '广东省', deviceCode: 1004 },
  { id: 'DL-05', name: '深圳鹏程供应链', province: '广东省', deviceCode: 1005 },
  { id: 'DL-06', name: '北京京华商贸', province: '北京市', deviceCode: 1006 },
  { id: 'DL-07', name: '天津津门贸易', province: '天津市', deviceCode: 1007 },
  { id: 'DL-08', name: '成都天府商贸', province: '四川省', deviceCode: 1008 },
  { id: 'DL-09', name: '武汉江城经销', province: '湖北省', deviceCode: 1009 },
  { id: 'DL-10', name: '西安长安商贸', province: '陕西省', deviceCode: 1010 },
] as const;
