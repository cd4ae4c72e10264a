import { chinaClock, chinaInstant } from '../domain/business-day';
import { yuanToFen, type Fen } from '../domain/money';
import type { OrderStatus } from '../domain/vocabulary';
import { spread, type ExternalOrder, type ExternalLine, type ExternalPromotion } from '../external/order';
import { splitAddress } from './address';
import { ORDER_FIELDS, REQUIRED_FIELDS, type ColumnMapping, type ImportField } from './fields';
import { STATUS_WORDS } from './presets';

/**
 * Rows of an order report, through a column mapping, into orders the intake pipeline takes; each
 * row that cannot be read says why (its 1-based line in the file), and an order with such a row
 * is left out whole rather than imported half. Rows of one order (same order number) become its
 * lines; its order fields must agree across them.
 */

export const IMPORT_ROW_ERRORS = [
  'MISSING_ORDER_NO',
  'MISSING_ITEM',
  'BAD_QUANTITY',
  'BAD_AMOUNT',
  'BAD_TIME',
  'UNKNOWN_STATUS',
  'ORDER_CONFLICT',
] as const;
export type ImportRowErrorCode = (typeof IMPORT_ROW_ERRORS)[number];

export interface ImportRowError {
  line: number;
  code: ImportRowErrorCode;
  field: ImportField | null;
  /** The value as the file had it. */
  value: string;
  orderNo: string;
}

export interface ReadOrders {
  orders: ExternalOrder[];
  errors: ImportRowError[];
  /** Order numbers with an error: not imported. */
  refused: string[];
}

export const missingRequired = (mapping: ColumnMapping): ImportField[] =>
  REQUIRED_FIELDS.filter((f) => mapping[f] === undefined);

/** Spreadsheet habits that keep long numbers as text: a leading tab or quote, ="…". */
export function cleanCell(raw: string | undefined): string {
  const text = (raw ?? '').replace(/^[\t\s\u3000']+|[\t\s\u3000]+$/g, '');
  const formula = /^="(.*)"$/.exec(text);
  return formula ? formula[1]! : text;
}

const TIME = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
/** A report's time, written in Beijing time, as epoch ms; null when it is no time. */
export function parseReportTime(text: string): number | null {
  const m = TIME.exec(text);
  if (!m) return null;
  const [y, mo, d, h = 0, mi = 0, s = 0] = m.slice(1).map((v) => (v === undefined ? undefined : Number(v)));
  const at = chinaInstant(y!, mo!, d!, h ?? 0, mi ?? 0, s ?? 0);
  const shown = chinaClock(at);
  return shown.month === mo && shown.day === d ? at : null;
}

export function statusOf(word: string): OrderStatus | null {
  return STATUS_WORDS.find(([pattern]) => pattern.test(word))?.[1] ?? null;
}

interface RowValues {
  line: number;
  get(field: ImportField): string;
}

export function readOrders(
  rows: ReadonlyArray<{ line: number; cells: readonly string[] }>,
  mapping: ColumnMapping,
): ReadOrders {
  const groups = new Map<string, RowValues[]>();
  const errors: ImportRowError[] = [];
  for (const row of rows) {
    const values: RowValues = {
      line: row.line,
      get: (field) => (mapping[field] === undefined ? '' : cleanCell(row.cells[mapping[field]!])),
    };
    const orderNo = values.get('orderNo');
    if (!orderNo) {
      errors.push({ line: row.line, code: 'MISSING_ORDER_NO', field: 'orderNo', value: '', orderNo: '' });
      continue;
    }
    groups.set(orderNo, [...(groups.get(orderNo) ?? []), values]);
  }
  const orders: ExternalOrder[] = [];
  const refused = new Set<string>();
  for (const [orderNo, group] of groups) {
    const problems: ImportRowError[] = [];
    const order = readOne(orderNo, group, (line, code, field, value) =>
      problems.push({ line, code, field, value, orderNo }),
    );
    if (problems.length > 0 || !order) {
      errors.push(...problems);
      refused.add(orderNo);
    } else orders.push(order);
  }
  errors.sort((a, b) => a.line - b.line);
  return { orders, errors, refused: [...refused] };
}

type Report = (line: number, code: ImportRowErrorCode, field: ImportField | null, value: string) => void;

function money(row: RowValues, field: ImportField, report: Report, required = false): Fen {
  const text = row.get(field).replace(/^[¥￥]/, '');
  if (text === '' || text === '-') {
    if (required) report(row.line, 'BAD_AMOUNT', field, text);
    return 0;
  }
  const fen = yuanToFen(text);
  if (fen === null) report(row.line, 'BAD_AMOUNT', field, text);
  return fen ?? 0;
}

function time(row: RowValues, field: ImportField, report: Report): number | null {
  const text = row.get(field);
  if (text === '' || text === '-') return null;
  const at = parseReportTime(text);
  if (at === null) report(row.line, 'BAD_TIME', field, text);
  return at;
}

function readOne(orderNo: string, rows: readonly RowValues[], report: Report): ExternalOrder | null {
  const first = rows[0]!;
  for (const row of rows.slice(1)) {
    for (const field of ORDER_FIELDS) {
      if (row.get(field) !== '' && row.get(field) !== first.get(field)) {
        report(row.line, 'ORDER_CONFLICT', field, row.get(field));
      }
    }
  }
  const lines: ExternalLine[] = rows.map((row, i) => {
    const quantity = Number(row.get('quantity'));
    if (!Number.isSafeInteger(quantity) || quantity < 1)
      report(row.line, 'BAD_QUANTITY', 'quantity', row.get('quantity'));
    const sku = row.get('sku');
    const title = row.get('title');
    if (!sku && !title) report(row.line, 'MISSING_ITEM', 'sku', '');
    const count = Math.max(1, Number.isSafeInteger(quantity) ? quantity : 1);
    const unitPrice = row.get('unitPrice')
      ? money(row, 'unitPrice', report)
      : Math.round(money(row, 'lineTotal', report) / count);
    return {
      lineId: rows.length === 1 ? orderNo : `${orderNo}-${i + 1}`,
      itemId: sku || title,
      skuId: '',
      outerSkuId: sku,
      title: title || sku,
      spec: row.get('spec'),
      image: '',
      unitPrice,
      quantity: count,
      discount: 0,
      payable: unitPrice * count,
      refund: 'NONE',
      refundId: null,
      shipped: null,
    };
  });
  const goodsTotal = lines.reduce((s, l) => s + l.unitPrice * l.quantity, 0);
  const freight = money(first, 'freight', report);
  const payable = money(first, 'payable', report, true);
  const promotions: ExternalPromotion[] = [
    { kind: 'COUPON' as const, refId: 'seller', name: '店铺优惠', amount: money(first, 'sellerDiscount', report) },
    {
      kind: 'CAMPAIGN' as const,
      refId: 'platform',
      name: '平台优惠',
      amount: money(first, 'platformDiscount', report),
    },
    { kind: 'CAMPAIGN' as const, refId: 'discount', name: '平台优惠', amount: money(first, 'discount', report) },
  ].filter((p) => p.amount > 0);
  // A report that gives no discount column still charged one when the buyer paid less than the
  // goods and postage: that difference is the platform's discount as charged.
  const unexplained = goodsTotal + freight - promotions.reduce((s, p) => s + p.amount, 0) - payable;
  if (unexplained > 0) promotions.push({ kind: 'CAMPAIGN', refId: 'report', name: '平台优惠', amount: unexplained });
  const shares = spread(
    promotions.reduce((s, p) => s + p.amount, 0),
    lines.map((l) => l.unitPrice * l.quantity),
  );
  lines.forEach((l, i) => {
    l.discount = shares[i]!;
    l.payable = l.unitPrice * l.quantity - shares[i]!;
  });

  const statusWord = first.get('status');
  const paidAt = time(first, 'paidAt', report);
  const createdAt = time(first, 'createdAt', report) ?? paidAt;
  const status = statusWord ? statusOf(statusWord) : paidAt !== null ? 'PENDING_SHIPMENT' : 'PENDING_PAYMENT';
  if (status === null) report(first.line, 'UNKNOWN_STATUS', 'status', statusWord);
  const place = first.get('fullAddress')
    ? splitAddress(first.get('fullAddress'))
    : {
        province: first.get('province'),
        city: first.get('city'),
        district: first.get('district'),
        address: first.get('address'),
      };
  const name = first.get('receiverName');
  return {
    externalOrderNo: orderNo,
    platformStatus: statusWord,
    status: status ?? 'PENDING_PAYMENT',
    paymentStatus:
      status === 'PENDING_PAYMENT' || status === 'CANCELLED' ? 'UNPAID' : status === 'CLOSED' ? 'REFUNDED' : 'PAID',
    refundStatus: status === 'CLOSED' ? 'REFUNDED' : 'NONE',
    createdAt: createdAt ?? 0,
    paidAt,
    modifiedAt: paidAt ?? createdAt ?? 0,
    buyer: { id: first.get('buyerAccount') || name, account: first.get('buyerAccount') || name, name: '' },
    receiver:
      name && place.address
        ? { name, phone: first.get('receiverPhone'), ...place, postcode: first.get('postcode') }
        : null,
    lines,
    freight,
    promotions,
    goodsTotal,
    payable,
    paymentSerialNo: null,
    remark: first.get('remark'),
    trackingNos: [],
  };
}
