import type { ImportField } from './fields';

/**
 * The order reports platforms let a shop export, by their column titles, as far as public
 * material shows them (docs/connectors.md "Order files" names the sources). A preset lists, per
 * field, the titles that column goes by (full-width and half-width brackets both occur); the
 * mapping step picks the preset whose titles the file's header matches best, and a person can
 * change any column before importing.
 */
export const IMPORT_PLATFORMS = ['TAOBAO', 'PDD', 'JD', 'DOUYIN'] as const;
export type ImportPlatform = (typeof IMPORT_PLATFORMS)[number];

export type Preset = Partial<Record<ImportField, readonly string[]>>;

export const PRESETS: Record<ImportPlatform, Preset> = {
  // 淘宝/天猫 卖家中心 → 已卖出的宝贝 → 批量导出 (订单报表).
  TAOBAO: {
    orderNo: ['订单编号'],
    status: ['订单状态'],
    createdAt: ['订单创建时间'],
    paidAt: ['订单付款时间'],
    buyerAccount: ['买家会员名'],
    receiverName: ['收货人姓名'],
    receiverPhone: ['联系手机', '联系电话'],
    fullAddress: ['收货地址'],
    sku: ['商家编码'],
    title: ['宝贝标题', '商品标题'],
    spec: ['商品属性', '商品属性SKU'],
    quantity: ['宝贝总数量', '购买数量'],
    lineTotal: ['买家应付货款'],
    freight: ['买家应付邮费'],
    payable: ['买家实际支付金额', '买家实付金额'],
    remark: ['买家留言', '订单备注'],
  },
  // 拼多多 商家后台 → 订单查询 → 导出.
  PDD: {
    orderNo: ['订单号'],
    status: ['订单状态'],
    createdAt: ['订单成交时间', '支付时间'],
    paidAt: ['支付时间'],
    receiverName: ['收货人'],
    receiverPhone: ['手机', '收货人手机'],
    province: ['省'],
    city: ['市'],
    district: ['区'],
    address: ['街道'],
    sku: ['商家编码-SKU维度', '商家编码-商品维度'],
    title: ['商品'],
    spec: ['商品规格'],
    quantity: ['商品数量(件)', '商品数量（件）'],
    lineTotal: ['商品总价(元)', '商品总价（元）'],
    sellerDiscount: ['店铺优惠折扣(元)', '店铺优惠折扣（元）'],
    platformDiscount: ['平台优惠折扣(元)', '平台优惠折扣（元）'],
    freight: ['邮费(元)', '邮费（元）'],
    payable: ['用户实付金额(元)', '用户实付金额（元）'],
    remark: ['买家留言'],
  },
  // 京东 商家后台 → 订单管理 → 订单导出.
  JD: {
    orderNo: ['订单号'],
    status: ['订单状态'],
    createdAt: ['下单时间'],
    paidAt: ['付款确认时间'],
    buyerAccount: ['下单帐号', '下单账号'],
    receiverName: ['客户姓名'],
    receiverPhone: ['联系电话'],
    fullAddress: ['客户地址'],
    sku: ['货号', '商品ID'],
    title: ['商品名称'],
    quantity: ['订购数量'],
    unitPrice: ['京东价'],
    freight: ['运费金额'],
    payable: ['应付金额'],
    remark: ['订单备注'],
  },
  // 抖店 → 订单管理 → 批量导出.
  DOUYIN: {
    orderNo: ['主订单编号'],
    status: ['订单状态'],
    createdAt: ['订单提交时间'],
    paidAt: ['支付完成时间'],
    receiverName: ['收件人'],
    receiverPhone: ['收件人手机号'],
    province: ['省'],
    city: ['市'],
    district: ['区'],
    address: ['详细地址'],
    sku: ['商家编码'],
    title: ['选购商品'],
    spec: ['商品规格'],
    quantity: ['商品数量'],
    lineTotal: ['商品金额'],
    sellerDiscount: ['商家实际承担优惠金额'],
    platformDiscount: ['平台实际承担优惠金额'],
    freight: ['运费'],
    payable: ['订单应付金额'],
    remark: ['商家备注'],
  },
};

/** The words each platform's report uses for an order's state, read as ours. */
export const STATUS_WORDS: ReadonlyArray<
  readonly [RegExp, 'PENDING_PAYMENT' | 'PENDING_SHIPMENT' | 'PENDING_RECEIPT' | 'COMPLETED' | 'CANCELLED' | 'CLOSED']
> = [
  [/等待买家付款|待付款|待支付|未付款/, 'PENDING_PAYMENT'],
  [/关闭|已取消|取消/, 'CANCELLED'],
  [/退款成功|全额退款/, 'CLOSED'],
  [/等待卖家发货|买家已付款|待发货|等待出库|已付款|待出库|已支付|部分发货/, 'PENDING_SHIPMENT'],
  [/卖家已发货|已发货|待收货|等待确认收货|待签收/, 'PENDING_RECEIPT'],
  [/交易成功|已签收|已完成|完成/, 'COMPLETED'],
];

const normalise = (title: string) => title.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');

/** Which column each of a preset's fields is in, for this header. */
export function presetMapping(header: readonly string[], preset: Preset): Partial<Record<ImportField, number>> {
  const index = new Map(header.map((title, i) => [normalise(title), i] as const));
  const mapping: Partial<Record<ImportField, number>> = {};
  for (const [field, titles] of Object.entries(preset) as Array<[ImportField, readonly string[]]>) {
    const found = titles.map((t) => index.get(normalise(t))).find((i) => i !== undefined);
    if (found !== undefined) mapping[field] = found;
  }
  return mapping;
}

/** The preset that explains most of the header, with how many of its fields it found. */
export function guessPreset(header: readonly string[]): { platform: ImportPlatform; matched: number } | null {
  let best: { platform: ImportPlatform; matched: number } | null = null;
  for (const platform of IMPORT_PLATFORMS) {
    const matched = Object.keys(presetMapping(header, PRESETS[platform])).length;
    if (matched >= 3 && (!best || matched > best.matched)) best = { platform, matched };
  }
  return best;
}
