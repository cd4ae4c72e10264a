import { describe, expect, it } from 'vitest';
import { actorName, deviceName, placeName } from '../../../src/renderer/lib/names';
import { en } from '../../../src/renderer/i18n/en';
import { zhCN } from '../../../src/renderer/i18n/zh-CN';

const directory = {
  warehouses: [{ id: 'WH-SH', name: '上海仓' }],
  stores: [{ id: 'ST-02', name: '静安寺店' }],
  dealers: [{ id: 'DL-01', name: '华东经销商' }],
  users: [
    { username: 'clerk1', displayName: '静安门店' },
    { username: 'warehouse1', displayName: '上海仓发货台' },
    { username: 'erp1', displayName: '订单中台对接' },
    { username: 'admin', displayName: '系统管理员' },
  ],
};

describe('names instead of codes', () => {
  it('names people by their display name, with the place they act for', () => {
    expect(actorName('warehouse:warehouse1', directory, zhCN)).toBe('上海仓发货台');
    expect(actorName('warehouse:WH-SH/zhang.wei', directory, zhCN)).toBe('zhang.wei（上海仓）');
    expect(actorName('clerk:clerk1', directory, zhCN)).toBe('静安门店');
    expect(actorName('system', directory, zhCN)).toBe('系统');
  });

  it('names the buyer of the order, and never shows a buyer id', () => {
    const buyer = { id: 'U10000887', name: '王芳' };
    expect(actorName('buyer:U10000887', directory, zhCN, { buyer })).toBe('买家 王芳');
    expect(actorName('buyer:U10000999', directory, zhCN, { buyer })).toBe('买家');
  });

  it('names the platform, shop or dealer an order came from, never their codes', () => {
    const shop = { id: 'SHOP-TMALL', name: '官方旗舰店（天猫）' };
    expect(actorName('platform:TMALL', directory, zhCN)).toBe('天猫');
    expect(actorName('platform:SOMEWHERE', directory, zhCN)).toBe('平台');
    expect(actorName('shop:SHOP-TMALL', directory, zhCN, { shop })).toBe('官方旗舰店（天猫）');
    expect(actorName('shop:SHOP-JD', directory, zhCN, { shop })).toBe('店铺');
    expect(actorName('dealer:DL-01', directory, zhCN)).toBe('华东经销商');
  });

  it('names devices and places in words', () => {
    expect(deviceName('DEV-1011', directory, zhCN)).toBe('设备 1011');
    expect(deviceName('server', directory, zhCN)).toBe('订单服务');
    expect(deviceName('DESK-CS-01', directory, zhCN)).toBe('工作台 CS-01');
    expect(deviceName('DESK-WH-SH-02', directory, zhCN)).toBe('工作台 02（上海仓）');
    expect(deviceName('DESK-WH-SH', directory, zhCN)).toBe('工作台 WH-SH');
    expect(deviceName('DESK-01', directory, zhCN)).toBe('工作台 01');
    expect(deviceName('DESK-WH-XX-3', directory, zhCN)).toBe('工作台 WH-XX-3');
    expect(deviceName('DESK-', directory, zhCN)).toBe('DESK-');
    expect(deviceName('POS-ST-02', directory, zhCN)).toBe('收银台（静安寺店）');
    expect(deviceName('DEALER-1010', directory, zhCN)).toBe('经销商设备 1010');
    expect(deviceName('MINI_PROGRAM', directory, zhCN)).toBe('小程序');
    expect(placeName('ST-02', directory)).toBe('静安寺店');
    expect(placeName('ST-09', directory)).toBe('ST-09');
  });

  it('names the account or platform an order came in through, never "integration:erp1" or "connector:taobao"', () => {
    expect(deviceName('integration:erp1', directory, zhCN)).toBe('ERP 接口（订单中台对接）');
    expect(deviceName('integration:erp1', directory, en)).toBe('ERP API (订单中台对接)');
    expect(deviceName('admin:admin', directory, zhCN)).toBe('接口（系统管理员）');
    expect(deviceName('connector:taobao', directory, zhCN)).toBe('淘宝/天猫开放平台');
    expect(deviceName('connector:pdd', directory, en)).toBe('Pinduoduo Open Platform');
    expect(deviceName('connector:jd', directory, zhCN)).toBe('平台接口');
    expect(deviceName('logistics', directory, zhCN)).toBe('物流推送');
    expect(actorName('carrier:ZTO', directory, zhCN, { carrierName: () => '中通快递' })).toBe('中通快递');
  });
});
