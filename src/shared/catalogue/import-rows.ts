import { yuanToFen } from '../domain/money';
import { ORDER_KINDS, type OrderKind } from '../domain/vocabulary';

/**
 * A catalogue file (CSV, or a sheet's rows) turned into SKUs to put. The header names the columns,
 * in Chinese or English, in any order; prices are in yuan as people type them ("59.00"). Each row
 * is judged on its own: a bad row is named with its line and reasons and the rest still import.
 */
const COLUMNS = {
  sku: ['sku', '商品编码', '商家编码', 'SKU编码'],
  name: ['name', '名称', '商品名称'],
  spec: ['spec', '规格'],
  price: ['price', '价格', '售价', '价格(元)', '售价(元)'],
  merchantId: ['merchant', 'merchantid', '商户', '商户编码'],
  image: ['image', '图片', '图片地址'],
  barcode: ['barcode', '条码', '条形码'],
  kind: ['kind', '类型', '商品类型'],
  onSale: ['onsale', '在售', '上架'],
} as const;
type Column = keyof typeof COLUMNS;

const KIND_WORDS: Record<string, OrderKind> = { 实物: 'PHYSICAL', 虚拟: 'VIRTUAL', 服务: 'SERVICE' };
const YES = new Set(['1', 'true', 'yes', 'y', '是', '在售', '上架']);
const NO = new Set(['0', 'false', 'no', 'n', '否', '下架']);

export interface ImportedSku {
  sku: string;
  merchantId: string;
  name: string;
  spec: string;
  price: number;
  image: string;
  barcode: string | null;
  kind: OrderKind;
  onSale: boolean;
}

/** Why a row was not imported: a stable code, the cell at fault, and the same in English words. */
export const IMPORT_ROW_PROBLEMS = [
  'SKU_FORMAT',
  'NAME_INVALID',
  'PRICE_INVALID',
  'BARCODE_INVALID',
  'KIND_INVALID',
  'ON_SALE_INVALID',
  'MERCHANT_MISSING',
] as const;
export type ImportRowProblem = (typeof IMPORT_ROW_PROBLEMS)[number];
export interface ImportReason {
  /** One of IMPORT_ROW_PROBLEMS, or the service's error code when the store refused the row. */
  code: string;
  value: string;
  message: string;
}

export type ImportRow =
  { row: number; ok: true; sku: ImportedSku } | { row: number; ok: false; reasons: ImportReason[] };

const normalise = (header: string): string => header.trim().toLowerCase().replace(/\s+/g, '');

/** Which field each column holds; null when a column the import needs is missing. */
export function headerColumns(header: readonly string[]): Partial<Record<Column, number>> {
  const found: Partial<Record<Column, number>> = {};
  header.forEach((cell, i) => {
    const name = normalise(cell);
    for (const [column, words] of Object.entries(COLUMNS) as Array<[Column, readonly string[]]>)
      if (found[column] === undefined && words.some((w) => normalise(w) === name)) found[column] = i;
  });
  return found;
}

export const REQUIRED_COLUMNS: readonly Column[] = ['sku', 'name', 'price'];

/**
 * The rows under a header as SKUs to put. `defaultMerchant` is the company's merchant when the
 * file has no merchant column (one merchant: the usual case). `row` counts from the header's line.
 */
export function importRows(
  records: ReadonlyArray<{ line: number; fields: readonly string[] }>,
  defaultMerchant: string | null,
): { missing: Column[]; rows: ImportRow[] } {
  const [head, ...body] = records;
  const columns = headerColumns(head?.fields ?? []);
  const missing = REQUIRED_COLUMNS.filter((c) => columns[c] === undefined);
  if (missing.length > 0) return { missing, rows: [] };
  const rows = body.map(({ line, fields }): ImportRow => {
    const cell = (column: Column) => (columns[column] === undefined ? '' : (fields[columns[column]!] ?? '').trim());
    const reasons: ImportReason[] = [];
    const refuse = (code: ImportRowProblem, value: string, message: string) => reasons.push({ code, value, message });
    const sku = cell('sku');
    if (!/^[A-Za-z0-9._-]{1,64}$/.test(sku))
      refuse('SKU_FORMAT', sku, `SKU "${sku}" is not a code (letters, digits, . _ -)`);
    const name = cell('name');
    if (name === '' || name.length > 200) refuse('NAME_INVALID', name, 'the name is empty or longer than 200');
    const price = yuanToFen(cell('price'));
    if (price === null) refuse('PRICE_INVALID', cell('price'), `the price "${cell('price')}" is not an amount in yuan`);
    const barcode = cell('barcode');
    if (barcode !== '' && !/^\d{13}$/.test(barcode))
      refuse('BARCODE_INVALID', barcode, `the barcode "${barcode}" is not 13 digits`);
    const kindText = cell('kind');
    const kind =
      kindText === '' ? 'PHYSICAL' : (KIND_WORDS[kindText] ?? ORDER_KINDS.find((k) => k === kindText.toUpperCase()));
    if (!kind) refuse('KIND_INVALID', kindText, `the kind "${kindText}" is not 实物, 虚拟 or 服务`);
    const onSaleText = cell('onSale').toLowerCase();
    const onSale = onSaleText === '' || YES.has(onSaleText) ? true : NO.has(onSaleText) ? false : null;
    if (onSale === null)
      refuse('ON_SALE_INVALID', cell('onSale'), `"${cell('onSale')}" is neither yes nor no for on sale`);
    const merchantId = cell('merchantId') || defaultMerchant;
    if (!merchantId) refuse('MERCHANT_MISSING', '', 'no merchant: add a merchant column');
    if (reasons.length > 0) return { row: line, ok: false, reasons };
    return {
      row: line,
      ok: true,
      sku: {
        sku,
        merchantId: merchantId!,
        name,
        spec: cell('spec').slice(0, 200),
        price: price!,
        image: cell('image').slice(0, 500),
        barcode: barcode === '' ? null : barcode,
        kind: kind!,
        onSale: onSale!,
      },
    };
  });
  return { missing: [], rows };
}
