import { describe, expect, it } from 'vitest';
import { amountsAddUp } from '../../../src/shared/external/order';
import { readTable } from '../../../src/shared/files/read';
import { splitAddress } from '../../../src/shared/imports/address';
import { guessPreset, PRESETS, presetMapping } from '../../../src/shared/imports/presets';
import { cleanCell, missingRequired, parseReportTime, readOrders } from '../../../src/shared/imports/read-orders';
import { encodeGb18030 } from '../../support/gb18030';

const PDD_REPORT = [
  '商品,订单号,订单状态,商品总价(元),店铺优惠折扣(元),平台优惠折扣(元),邮费(元),用户实付金额(元),商品数量(件),收货人,手机,省,市,区,街道,支付时间,商家编码-SKU维度,商品规格',
  '不锈钢保温杯,240906-232165250623755,待发货,"99.00",10.00,5.00,0.00,84.00,1,张三,13800138000,浙江省,杭州市,西湖区,文三路100号,2024-09-06 10:01:02,SKU-CUP-500,500ml',
  '不锈钢保温杯,240906-232165250623756,已发货，待签收,99.00,0,0,6.00,105.00,1,李四,13900139000,广东省,深圳市,福田区,农园路66号,2024-09-06 11:00:00,SKU-CUP-500,500ml',
  '不锈钢保温杯,240906-232165250623757,待发货,abc,0,0,0,84.00,x,王五,13700137000,广东省,深圳市,福田区,农园路66号,2024-09-06 11:00:00,SKU-CUP-500,500ml',
].join('\r\n');

describe('reading a platform order report', () => {
  it('recognises 拼多多’s export in GBK, maps it by its preset and reads orders that add up', async () => {
    const read = await readTable(encodeGb18030(PDD_REPORT));
    if (!read.ok) throw new Error(read.code);
    const [header, ...rows] = read.table.rows;
    expect(guessPreset(header!.cells)).toEqual({ platform: 'PDD', matched: expect.any(Number) });
    const mapping = presetMapping(header!.cells, PRESETS.PDD);
    expect(missingRequired(mapping)).toEqual([]);
    const { orders, errors, refused } = readOrders(rows, mapping);
    expect(orders.map((o) => o.externalOrderNo)).toEqual(['240906-232165250623755', '240906-232165250623756']);
    for (const order of orders) expect(amountsAddUp(order)).toBe(true);
    expect(orders[0]).toMatchObject({
      status: 'PENDING_SHIPMENT',
      paymentStatus: 'PAID',
      payable: 8400,
      goodsTotal: 9900,
      promotions: [
        { kind: 'COUPON', name: '店铺优惠', amount: 1000 },
        { kind: 'CAMPAIGN', name: '平台优惠', amount: 500 },
      ],
      receiver: {
        name: '张三',
        phone: '13800138000',
        province: '浙江省',
        city: '杭州市',
        district: '西湖区',
        address: '文三路100号',
      },
      lines: [{ outerSkuId: 'SKU-CUP-500', title: '不锈钢保温杯', spec: '500ml', unitPrice: 9900, quantity: 1 }],
    });
    expect(orders[1]).toMatchObject({ status: 'PENDING_RECEIPT', freight: 600, payable: 10500 });
    expect(refused).toEqual(['240906-232165250623757']);
    expect(errors.map((e) => [e.line, e.code, e.field])).toEqual([
      [4, 'BAD_QUANTITY', 'quantity'],
      [4, 'BAD_AMOUNT', 'lineTotal'],
    ]);
  });

  it('reads one order from its several line rows, and flags rows that disagree on the order', () => {
    const header =
      '订单号,商品ID,商品名称,订购数量,下单时间,应付金额,运费金额,客户姓名,客户地址,联系电话,京东价,货号,订单状态';
    const rows = [
      'JD-1,1001,商品甲,1,2026-01-15 10:00:00,545.00,0.00,冯颖,广东深圳市福田区农园路66号,13812345678,250.00,A-1,等待出库',
      'JD-1,1002,商品乙,2,2026-01-15 10:00:00,545.00,0.00,冯颖,广东深圳市福田区农园路66号,13812345678,150.00,B-2,等待出库',
      'JD-2,1001,商品甲,1,2026-01-15 10:00:00,250.00,0.00,冯颖,广东深圳市福田区农园路66号,13812345678,250.00,A-1,等待出库',
      'JD-2,1002,商品乙,1,2026-01-15 10:00:00,999.00,0.00,冯颖,广东深圳市福田区农园路66号,13812345678,150.00,B-2,等待出库',
    ].map((r, i) => ({ line: i + 2, cells: r.split(',') }));
    const mapping = presetMapping(header.split(','), PRESETS.JD);
    expect(guessPreset(header.split(','))?.platform).toBe('JD');
    const { orders, errors } = readOrders(rows, mapping);
    expect(orders).toHaveLength(1);
    const [order] = orders;
    expect(order).toMatchObject({
      externalOrderNo: 'JD-1',
      goodsTotal: 55000,
      payable: 54500,
      promotions: [{ amount: 500 }],
      receiver: { province: '广东省', city: '深圳市', district: '福田区', address: '农园路66号' },
    });
    expect(order!.lines.map((l) => [l.lineId, l.outerSkuId, l.quantity])).toEqual([
      ['JD-1-1', 'A-1', 1],
      ['JD-1-2', 'B-2', 2],
    ]);
    expect(amountsAddUp(order!)).toBe(true);
    expect(errors).toEqual([{ line: 5, code: 'ORDER_CONFLICT', field: 'payable', value: '999.00', orderNo: 'JD-2' }]);
  });

  it('understands the cells spreadsheets protect long numbers with, and report times', () => {
    expect(cleanCell('\t6917926768823643751')).toBe('6917926768823643751');
    expect(cleanCell('="4201234567890123456"')).toBe('4201234567890123456');
    expect(cleanCell("'13800138000 ")).toBe('13800138000');
    expect(parseReportTime('2024-09-06 10:01:02')).toBe(Date.UTC(2024, 8, 6, 2, 1, 2));
    expect(parseReportTime('2024/9/6 10:01')).toBe(Date.UTC(2024, 8, 6, 2, 1, 0));
    expect(parseReportTime('2024-02-30 10:00:00')).toBeNull();
    expect(splitAddress('上海 上海市 浦东新区 张江路88号')).toEqual({
      province: '上海市',
      city: '上海市',
      district: '浦东新区',
      address: '张江路88号',
    });
  });
});
