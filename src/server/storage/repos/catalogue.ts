import { sql } from 'kysely';
import type { OrderKind } from '../../../shared/domain/vocabulary';
import type { Sql } from '../dialect';
import type {
  CampaignRow,
  CatalogueRepo,
  CouponRow,
  DealerCatalogueRow,
  ProductRow,
  PromotionTermsRow,
  ReservationRow,
  StockRepo,
  StockRow,
} from '../repositories';
import { matchesAny } from '../sql';
import { flag } from './values';

const PRODUCT_COLUMNS = sql`p.sku, p.merchant_id AS "merchantId", m.name AS "merchantName", p.name, p.spec, p.image,
  p.kind, p.list_price AS "listPrice", p.uses, p.on_sale AS "onSale", p.campaign_id AS "campaignId",
  p.barcode`;

interface RawProduct extends Omit<ProductRow, 'onSale' | 'kind'> {
  onSale: unknown;
  kind: string;
}
const toProduct = <T extends RawProduct>(
  raw: T,
): Omit<T, 'onSale' | 'kind'> & { onSale: boolean; kind: OrderKind } => ({
  ...raw,
  kind: raw.kind as OrderKind,
  onSale: flag(raw.onSale),
});

/** Lists are bound in chunks: SQLite caps the number of parameters in one statement. */
const CHUNK = 500;
function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

const CAMPAIGN = sql`id, name, threshold_fen AS "thresholdFen", rate_bp AS "rateBp", amount_off AS "amountOff"`;
const COUPON = sql`id, name, amount_off AS "amountOff", threshold_fen AS "thresholdFen", dealer_id AS "dealerId"`;

export const catalogueRepo = (db: Sql): CatalogueRepo => ({
  async products(skus) {
    const found = new Map<string, ProductRow>();
    for (const part of chunks([...new Set(skus)])) {
      const rows = await db.all(
        sql<RawProduct>`SELECT ${PRODUCT_COLUMNS} FROM products p JOIN merchants m ON m.id = p.merchant_id
         WHERE ${matchesAny('p.sku', part)}`,
      );
      for (const row of rows) found.set(row.sku, toProduct(row));
    }
    return found;
  },
  async dealerPrices(dealerId, skus) {
    const prices = new Map<string, number>();
    for (const part of chunks([...new Set(skus)])) {
      const rows = await db.all(
        sql<{ sku: string; price: number }>`SELECT sku, price FROM dealer_prices
          WHERE dealer_id = ${dealerId} AND ${matchesAny('sku', part)}`,
      );
      for (const row of rows) prices.set(row.sku, row.price);
    }
    return prices;
  },
  async campaign(id) {
    return (await db.first(sql<CampaignRow>`SELECT ${CAMPAIGN} FROM campaigns WHERE id = ${id}`)) ?? null;
  },
  async coupon(id) {
    return (await db.first(sql<CouponRow>`SELECT ${COUPON} FROM coupons WHERE id = ${id}`)) ?? null;
  },
  async touch(sku, seq) {
    await db.run(sql`UPDATE products SET seq = ${seq} WHERE sku = ${sku}`);
  },
  async dealerPage(dealerId, afterSeq, upTo, limit) {
    const rows = await db.all(
      sql<RawProduct & { seq: number; dealerPrice: number; available: number }>`SELECT ${PRODUCT_COLUMNS}, p.seq,
         dp.price AS "dealerPrice",
         (SELECT COALESCE(SUM(s.on_hand - s.reserved), 0) FROM stock s WHERE s.sku = p.sku) AS available
       FROM products p
       JOIN dealer_prices dp ON dp.sku = p.sku AND dp.dealer_id = ${dealerId}
       JOIN merchants m ON m.id = p.merchant_id
       WHERE p.seq > ${afterSeq} AND p.seq <= ${upTo} ORDER BY p.seq LIMIT ${limit}`,
    );
    return rows.map((row): DealerCatalogueRow => toProduct(row));
  },
  async insertProduct(row, seq) {
    await db.run(
      sql`INSERT INTO products (sku, merchant_id, name, spec, image, kind, list_price, uses, on_sale, campaign_id,
         barcode, seq, code_seq)
       VALUES (${row.sku}, ${row.merchantId}, ${row.name}, ${row.spec}, ${row.image}, ${row.kind}, ${row.listPrice},
         ${row.uses}, ${row.onSale}, ${row.campaignId}, ${row.barcode}, ${seq}, ${seq})`,
    );
  },
  async promotionPage(dealerIds, afterSeq, upTo, limit) {
    const campaigns = await db.all(
      sql<CampaignRow & { seq: number }>`SELECT ${CAMPAIGN}, seq FROM campaigns
        WHERE seq > ${afterSeq} AND seq <= ${upTo} ORDER BY seq LIMIT ${limit}`,
    );
    const coupons = await db.all(
      sql<CouponRow & { seq: number }>`SELECT ${COUPON}, seq FROM coupons
       WHERE seq > ${afterSeq} AND seq <= ${upTo} AND (dealer_id IS NULL OR ${matchesAny('dealer_id', dealerIds)})
       ORDER BY seq LIMIT ${limit}`,
    );
    return [
      ...campaigns.map((row): PromotionTermsRow => ({ kind: 'campaign', ...row })),
      ...coupons.map((row): PromotionTermsRow => ({ kind: 'coupon', ...row })),
    ]
      .sort((a, b) => a.seq - b.seq)
      .slice(0, limit);
  },
  async putCampaign(row, seq) {
    await db.run(
      sql`INSERT INTO campaigns (id, name, threshold_fen, rate_bp, amount_off, seq)
        VALUES (${row.id}, ${row.name}, ${row.thresholdFen}, ${row.rateBp}, ${row.amountOff}, ${seq})
        ON CONFLICT (id) DO UPDATE SET name = excluded.name, threshold_fen = excluded.threshold_fen,
          rate_bp = excluded.rate_bp, amount_off = excluded.amount_off, seq = excluded.seq`,
    );
  },
  async putCoupon(row, seq) {
    await db.run(
      sql`INSERT INTO coupons (id, name, amount_off, threshold_fen, dealer_id, seq)
        VALUES (${row.id}, ${row.name}, ${row.amountOff}, ${row.thresholdFen}, ${row.dealerId}, ${seq})
        ON CONFLICT (id) DO UPDATE SET name = excluded.name, amount_off = excluded.amount_off,
          threshold_fen = excluded.threshold_fen, dealer_id = excluded.dealer_id, seq = excluded.seq`,
    );
  },
  async putDealerPrice(dealerId, sku, price) {
    await db.run(
      sql`INSERT INTO dealer_prices (dealer_id, sku, price) VALUES (${dealerId}, ${sku}, ${price})
        ON CONFLICT (dealer_id, sku) DO UPDATE SET price = excluded.price`,
    );
  },
  async updateProduct(row, seq) {
    await db.run(
      sql`UPDATE products SET merchant_id = ${row.merchantId}, name = ${row.name}, spec = ${row.spec},
          image = ${row.image}, kind = ${row.kind}, list_price = ${row.listPrice}, uses = ${row.uses},
          on_sale = ${row.onSale}, campaign_id = ${row.campaignId}, barcode = ${row.barcode}, seq = ${seq},
          code_seq = ${seq}
        WHERE sku = ${row.sku}`,
    );
  },
  async page(afterSku, limit) {
    const rows = await db.all(
      sql<RawProduct>`SELECT ${PRODUCT_COLUMNS} FROM products p JOIN merchants m ON m.id = p.merchant_id
        WHERE p.sku > ${afterSku} ORDER BY p.sku LIMIT ${limit}`,
    );
    return rows.map((row) => toProduct(row));
  },
  async campaigns() {
    return db.all(sql<CampaignRow>`SELECT ${CAMPAIGN} FROM campaigns ORDER BY id`);
  },
  async coupons() {
    return db.all(sql<CouponRow>`SELECT ${COUPON} FROM coupons ORDER BY id`);
  },
});

export const stockRepo = (db: Sql): StockRepo => ({
  async levels(sku) {
    // Locked on PostgreSQL: a unit that reads what is free and then reserves it must not let a
    // unit on another node promise the same units in between (SQLite runs units one at a time).
    const lock = db.dialect === 'postgres' ? sql`FOR UPDATE` : sql``;
    return db.all(
      sql<StockRow>`SELECT sku, warehouse_id AS "warehouseId", on_hand AS "onHand", reserved FROM stock
       WHERE sku = ${sku} ORDER BY warehouse_id ${lock}`,
    );
  },
  async insert(row) {
    await db.run(
      sql`INSERT INTO stock (sku, warehouse_id, on_hand, reserved)
        VALUES (${row.sku}, ${row.warehouseId}, ${row.onHand}, ${row.reserved})`,
    );
  },
  async adjust(sku, warehouseId, onHand, reserved) {
    await db.run(
      sql`UPDATE stock SET on_hand = on_hand + ${onHand}, reserved = reserved + ${reserved}
        WHERE sku = ${sku} AND warehouse_id = ${warehouseId}`,
    );
  },
  async reservations(orderNo) {
    return db.all(
      sql<ReservationRow>`SELECT order_no AS "orderNo", line_no AS "lineNo", sku, warehouse_id AS "warehouseId", quantity
       FROM reservations WHERE order_no = ${orderNo} ORDER BY line_no`,
    );
  },
  async putReservation(row) {
    await db.run(
      sql`INSERT INTO reservations (order_no, line_no, sku, warehouse_id, quantity)
        VALUES (${row.orderNo}, ${row.lineNo}, ${row.sku}, ${row.warehouseId}, ${row.quantity})
       ON CONFLICT (order_no, line_no) DO UPDATE SET warehouse_id = excluded.warehouse_id, quantity = excluded.quantity`,
    );
  },
});
