/**
 * What an imported order report can tell us, column by column. A report has one row per order
 * line (淘宝's 宝贝, 京东's 商品, 抖店's 子订单) or per order with one line (拼多多); rows of one order
 * share its order number and repeat the order's own fields.
 */
export const IMPORT_FIELDS = [
  'orderNo',
  'status',
  'createdAt',
  'paidAt',
  'buyerAccount',
  'receiverName',
  'receiverPhone',
  'province',
  'city',
  'district',
  'address',
  /** One field holding province, city, district and street, split by the division table. */
  'fullAddress',
  'postcode',
  /** 商家编码: the merchant's own SKU code. */
  'sku',
  'title',
  'spec',
  'quantity',
  'unitPrice',
  /** What the line cost in all (price × quantity), when the report gives no unit price. */
  'lineTotal',
  'freight',
  /** The order's discounts in one sum, taken as the platform's promotion. */
  'discount',
  'sellerDiscount',
  'platformDiscount',
  /** What the buyer paid for the whole order. */
  'payable',
  'remark',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Without these an order cannot be identified or priced. */
export const REQUIRED_FIELDS: readonly ImportField[] = ['orderNo', 'quantity', 'payable'];

/** Fields that belong to the order, not the line: every row of an order must agree on them. */
export const ORDER_FIELDS: ReadonlySet<ImportField> = new Set<ImportField>([
  'status',
  'createdAt',
  'paidAt',
  'buyerAccount',
  'receiverName',
  'receiverPhone',
  'province',
  'city',
  'district',
  'address',
  'fullAddress',
  'postcode',
  'freight',
  'discount',
  'sellerDiscount',
  'platformDiscount',
  'payable',
  'remark',
]);

/** A column mapping: each field → the index of the column it is read from, or none. */
export type ColumnMapping = Partial<Record<ImportField, number>>;
