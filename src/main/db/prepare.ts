import type { OrderRecord } from '../../shared/contract/records';
import { detailOf } from './detail-columns';
import { ORDER_COLUMNS, pushOrderValues, type SqlValue } from './order-columns';

/** Columns of the rows an order owns, in the order prepareOrders lays their values out (ids excluded). */
export const PARENT_COLUMNS = [
  'buyer_id',
  'buyer_account',
  'buyer_level',
  'buyer_name',
  'created_at',
  'paid_at',
  'payment_channel',
  'payment_serial_no',
] as const;
export const LINE_COLUMNS = [
  'line_no',
  'merchant_id',
  'sku',
  'name',
  'spec',
  'image',
  'unit_price',
  'quantity',
  'discount',
  'payable',
  'shipped_qty',
  'refunded_qty',
] as const;
export const WAYBILL_COLUMNS = [
  'remote_id',
  'carrier',
  'tracking_no',
  'shipped_at',
  'status',
  'signed_at',
  'courier',
] as const;
export const AFTER_SALE_COLUMNS = [
  'remote_id',
  'after_sale_no',
  'type',
  'status',
  'reason',
  'amount',
  'created_at',
  'updated_at',
  'reject_reason',
  'return_shipment',
] as const;
export const CODE_COLUMNS = ['code', 'valid_from', 'valid_to', 'uses_total', 'uses_left'] as const;

/**
 * Orders as the rows they become, laid out as flat arrays of plain values (one array per table,
 * with a count per order for collections): what ingest writes, computed apart from the writing.
 * A first sync computes it on the thread that downloads and parses pages, and hands it to the
 * writer thread, which only looks up ids and inserts; being arrays of strings and numbers, it
 * crosses between threads cheaply.
 */
export interface PreparedOrders {
  orderNos: string[];
  parentNos: string[];
  /** PARENT_COLUMNS per order: the latest child of a checkout describes its buyer and payment. */
  parents: SqlValue[];
  /** ORDER_COLUMNS per order. */
  orders: SqlValue[];
  details: string[];
  lines: SqlValue[];
  lineCounts: number[];
  waybills: SqlValue[];
  waybillCounts: number[];
  afterSales: SqlValue[];
  afterSaleCounts: number[];
  /** Per after-sale, its lines as JSON [[lineNo, quantity], …] (the form the store compares them in). */
  afterSaleLines: string[];
  codes: SqlValue[];
  codeCounts: number[];
}

export function prepareOrders(records: readonly OrderRecord[]): PreparedOrders {
  const p: PreparedOrders = {
    orderNos: [],
    parentNos: [],
    parents: [],
    orders: [],
    details: [],
    lines: [],
    lineCounts: [],
    waybills: [],
    waybillCounts: [],
    afterSales: [],
    afterSaleCounts: [],
    afterSaleLines: [],
    codes: [],
    codeCounts: [],
  };
  for (const r of records) {
    p.orderNos.push(r.orderNo);
    p.parentNos.push(r.parentNo);
    p.parents.push(
      r.buyer.id,
      r.buyer.account,
      r.buyer.level,
      r.buyer.name,
      r.createdAt,
      r.paidAt,
      r.payment.channel,
      r.payment.serialNo,
    );
    pushOrderValues(p.orders, r);
    p.details.push(detailOf(r));
    for (const l of r.lines) {
      p.lines.push(
        l.lineNo,
        l.merchantId,
        l.sku,
        l.name,
        l.spec,
        l.image,
        l.unitPrice,
        l.quantity,
        l.discount,
        l.payable,
        l.shippedQuantity,
        l.refundedQuantity,
      );
    }
    p.lineCounts.push(r.lines.length);
    for (const w of r.waybills)
      p.waybills.push(w.id, w.carrier, w.trackingNo, w.shippedAt, w.status, w.signedAt, w.courier);
    p.waybillCounts.push(r.waybills.length);
    for (const a of r.afterSales) {
      p.afterSales.push(
        a.id,
        a.afterSaleNo,
        a.type,
        a.status,
        a.reason,
        a.amount,
        a.createdAt,
        a.updatedAt,
        a.rejectReason,
        a.returnShipment ? JSON.stringify(a.returnShipment) : null,
      );
      p.afterSaleLines.push(JSON.stringify(a.lines.map((l) => [l.lineNo, l.quantity])));
    }
    p.afterSaleCounts.push(r.afterSales.length);
    // The column holds the sealed verifier ('' while the service has not hashed the code yet).
    const code = r.redemptionCode;
    if (code) p.codes.push(code.verifier ?? '', code.validFrom, code.validTo, code.usesTotal, code.usesLeft);
    p.codeCounts.push(code ? 1 : 0);
  }
  return p;
}

export const ORDER_WIDTH = ORDER_COLUMNS.length;
