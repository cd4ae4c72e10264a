import { afterEach, describe, expect, it } from 'vitest';
import type { OrderRecord } from '../../../src/shared/contract/records';
import { readTable } from '../../../src/shared/files/read';
import { guessPreset, PRESETS, presetMapping } from '../../../src/shared/imports/presets';
import { readOrders } from '../../../src/shared/imports/read-orders';
import { openTestDesk, type TestDesk } from '../../support/desk';
import { encodeGb18030 } from '../../support/gb18030';
import { startTestService, type TestService } from '../../support/service';
import { SELF, sku } from '../../server/helpers';

/**
 * 导入订单 at a desk: a 拼多多 order report saved by Chinese Excel (GBK CSV) is read, mapped by its
 * preset, and handed to the service's intake as the signed-in admin; the same file again creates
 * nothing, and a row the service refuses comes back named.
 */
const CUP = sku('PHYSICAL', { merchantId: SELF });
const REPORT = [
  '商品,订单号,订单状态,商品总价(元),店铺优惠折扣(元),平台优惠折扣(元),邮费(元),用户实付金额(元),商品数量(件),收货人,手机,省,市,区,街道,支付时间,商家编码-SKU维度,商品规格',
  `保温杯,250313-100000000000001,待发货,99.00,10.00,5.00,0.00,84.00,1,张三,13800138000,浙江省,杭州市,西湖区,文三路100号,2025-03-13 10:01:02,${CUP},500ml`,
  `保温杯,250313-100000000000002,待发货,198.00,0,0,6.00,204.00,2,李四,13900139000,广东省,深圳市,福田区,农园路66号,2025-03-13 11:00:00,${CUP},500ml`,
].join('\r\n');

describe('导入订单 at a desk', () => {
  let service: TestService;
  const desks: TestDesk[] = [];
  afterEach(async () => {
    await Promise.all(desks.splice(0).map((d) => d.dispose()));
    await service?.close();
  });

  it('imports a GBK 拼多多 report into the intake pipeline once, however often it is imported', async () => {
    service = await startTestService({ demoOrders: 0 });
    const admin = openTestDesk(service, { serviceUrl: service.url });
    desks.push(admin);
    await admin.signIn('admin');

    const shops = await admin.call('imports.shops', {});
    expect(shops).toMatchObject({ ok: true });
    const pdd = (shops as { value: { shops: Array<{ id: string; channel: string }> } }).value.shops.find(
      (s) => s.channel === 'PDD',
    )!;

    const read = await readTable(encodeGb18030(REPORT));
    if (!read.ok) throw new Error(read.code);
    const [header, ...rows] = read.table.rows;
    expect(guessPreset(header!.cells)?.platform).toBe('PDD');
    const { orders, errors } = readOrders(rows, presetMapping(header!.cells, PRESETS.PDD));
    expect(errors).toEqual([]);

    const first = await admin.call('imports.submit', { shopId: pdd.id, orders });
    expect(first).toEqual({ ok: true, value: { created: 2, updated: 0, unchanged: 0, exception: 0, rejected: [] } });
    const again = await admin.call('imports.submit', { shopId: pdd.id, orders });
    expect(again).toEqual({ ok: true, value: { created: 0, updated: 0, unchanged: 2, exception: 0, rejected: [] } });

    const boss = await service.login('admin');
    const [cup] = (await boss.get('/v1/orders?externalOrderNo=250313-100000000000001')).body.orders as OrderRecord[];
    expect(cup).toMatchObject({
      status: 'PENDING_SHIPMENT',
      amounts: { goodsTotal: 9900, payable: 8400, paid: 8400 },
      receiver: { name: '张三', province: '浙江省' },
      external: { shopId: pdd.id, externalOrderNo: '250313-100000000000001' },
    });

    // An order the service refuses (a line that names no goods at all) comes back named.
    const nameless = { ...orders[0]!.lines[0]!, itemId: '', skuId: '', outerSkuId: '' };
    const refused = await admin.call('imports.submit', {
      shopId: pdd.id,
      orders: [{ ...orders[0]!, externalOrderNo: '250313-100000000000003', lines: [nameless] }],
    });
    expect(refused).toMatchObject({
      ok: true,
      value: { created: 0, rejected: [{ externalOrderNo: '250313-100000000000003' }] },
    });
    expect(await admin.call('imports.submit', { shopId: 'NO-SHOP', orders })).toMatchObject({
      ok: false,
      error: { code: 'ACTION_REFUSED', reason: 'SHOP_NOT_FOUND' },
    });
  });

  it('shows the admin every connected shop’s health and lets them pause it; a desk account may not', async () => {
    service = await startTestService({ demoOrders: 0 });
    const boss = await service.login('admin');
    const connected = await boss.post('/v1/admin/shops/SHOP-TMALL/connector', {
      platform: 'taobao',
      gateway: 'http://127.0.0.1:9/router/rest',
      appKey: '12345678',
      appSecret: 'a-secret-never-shown',
      session: 'a-session-never-shown',
    });
    expect(connected.status).toBe(200);
    const admin = openTestDesk(service, { serviceUrl: service.url });
    const floor = openTestDesk(service, { serviceUrl: service.url });
    desks.push(admin, floor);
    await admin.signIn('admin');
    await floor.signIn('warehouse1');

    const health = await admin.call('connectors.health', {});
    expect(health).toMatchObject({
      ok: true,
      value: { shops: [{ shopId: 'SHOP-TMALL', platform: 'taobao', state: 'waiting' }] },
    });
    expect(JSON.stringify(health)).not.toContain('never-shown');
    expect(await admin.call('connectors.pause', { shopId: 'SHOP-TMALL' })).toMatchObject({
      ok: true,
      value: { state: 'paused' },
    });
    expect(await admin.call('connectors.resume', { shopId: 'SHOP-PDD' })).toMatchObject({
      ok: false,
      error: { reason: 'CONNECTOR_NOT_FOUND' },
    });
    expect(await floor.call('connectors.health', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ROLE' } });
  });
});
