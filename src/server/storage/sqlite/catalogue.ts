import type { OrderKind } from '../../../shared/domain/vocabulary';
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
import { placeholders } from '../sql';
import { flag, type Prepare } from './statements';

const PRODUCT_COLUMNS = `p.sku, p.merchant_id AS "merchantId", m.name AS "merchantName", p.name, p.spec, p.image,
  p.kind, p.list_price AS "listPrice", p.uses, p.on_sale AS "onSale", p.campaign_id AS "campaignId"`;

interface RawProduct extends Omit<ProductRow, 'onSale' | 'kind'> {
  onSale: number;
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

export const catalogueRepo = (sql: Prepare): CatalogueRepo => ({
  async products(skus) {
    const found = new Map<string, ProductRow>();
    for (const part of chunks([...new Set(skus)])) {
      const rows = sql(
        `SELECT ${PRODUCT_COLUMNS} FROM products p JOIN merchants m ON m.id = p.merchant_id
         WHERE p.sku IN (${placeholders(part.length)})`,
      ).all(...part) as RawProduct[];
      for (const row of rows) found.set(row.sku, toProduct(row));
    }
    return found;
  },
  async dealerPrices(dealerId, skus) {
    const prices = new Map<string, number>();
    for (const part of chunks([...new Set(skus)])) {
      const rows = sql(
        `SELECT sku, price FROM dealer_prices WHERE dealer_id = ? AND sku IN (${placeholders(part.length)})`,
      ).all(dealerId, ...part) as Array<{ sku: string; price: number }>;
      for (const row of rows) prices.set(row.sku, row.price);
    }
    return prices;
  },
  async campaign(id) {
    return (
      (sql(
        `SELECT id, name, threshold_fen AS "thresholdFen", rate_bp AS "rateBp", amount_off AS "amountOff"
         FROM campaigns WHERE id = ?`,
      ).get(id) as CampaignRow | undefined) ?? null
    );
  },
  async coupon(id) {
    return (
      (sql(
        `SELECT id, name, amount_off AS "amountOff", threshold_fen AS "thresholdFen", dealer_id AS "dealerId"
         FROM coupons WHERE id = ?`,
      ).get(id) as CouponRow | undefined) ?? null
    );
  },
  async touch(sku, seq) {
    sql('UPDATE products SET seq = ? WHERE sku = ?').run(seq, sku);
  },
  async dealerPage(dealerId, afterSeq, limit) {
    const rows = sql(
      `SELECT ${PRODUCT_COLUMNS}, p.seq, dp.price AS "dealerPrice",
         (SELECT COALESCE(SUM(s.on_hand - s.reserved), 0) FROM stock s WHERE s.sku = p.sku) AS available
       FROM products p
       JOIN dealer_prices dp ON dp.sku = p.sku AND dp.dealer_id = ?
       JOIN merchants m ON m.id = p.merchant_id
       WHERE p.seq > ? ORDER BY p.seq LIMIT ?`,
    ).all(dealerId, afterSeq, limit) as Array<RawProduct & { seq: number; dealerPrice: number; available: number }>;
    return rows.map((row): DealerCatalogueRow => toProduct(row));
  },
  async insertProduct(row, seq) {
    sql(
      `INSERT INTO products (sku, merchant_id, name, spec, image, kind, list_price, uses, on_sale, campaign_id, seq)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      row.sku,
      row.merchantId,
      row.name,
      row.spec,
      row.image,
      row.kind,
      row.listPrice,
      row.uses,
      row.onSale ? 1 : 0,
      row.campaignId,
      seq,
    );
  },
  async promotionPage(dealerIds, afterSeq, limit) {
    const campaigns = sql(
      `SELECT id, name, threshold_fen AS "thresholdFen", rate_bp AS "rateBp", amount_off AS "amountOff", seq
       FROM campaigns WHERE seq > ? ORDER BY seq LIMIT ?`,
    ).all(afterSeq, limit) as Array<CampaignRow & { seq: number }>;
    const coupons = sql(
      `SELECT id, name, amount_off AS "amountOff", threshold_fen AS "thresholdFen", dealer_id AS "dealerId", seq
       FROM coupons WHERE seq > ? AND (dealer_id IS NULL OR dealer_id IN (${placeholders(dealerIds.length)}))
       ORDER BY seq LIMIT ?`,
    ).all(afterSeq, ...dealerIds, limit) as Array<CouponRow & { seq: number }>;
    return [
      ...campaigns.map((row): PromotionTermsRow => ({ kind: 'campaign', ...row })),
      ...coupons.map((row): PromotionTermsRow => ({ kind: 'coupon', ...row })),
    ]
      .sort((a, b) => a.seq - b.seq)
      .slice(0, limit);
  },
  async putCampaign(row, seq) {
    sql(
      `INSERT INTO campaigns (id, name, threshold_fen, rate_bp, amount_off, seq) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, threshold_fen = excluded.threshold_fen,
         rate_bp = excluded.rate_bp, amount_off = excluded.amount_off, seq = excluded.seq`,
    ).run(row.id, row.name, row.thresholdFen, row.rateBp, row.amountOff, seq);
  },
  async putCoupon(row, seq) {
    sql(
      `INSERT INTO coupons (id, name, amount_off, threshold_fen, dealer_id, seq) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, amount_off = excluded.amount_off,
         threshold_fen = excluded.threshold_fen, dealer_id = excluded.dealer_id, seq = excluded.seq`,
    ).run(row.id, row.name, row.amountOff, row.thresholdFen, row.dealerId, seq);
  },
  async putDealerPrice(dealerId, sku, price) {
    sql(
      `INSERT INTO dealer_prices (dealer_id, sku, price) VALUES (?, ?, ?)
       ON CONFLICT (dealer_id, sku) DO UPDATE SET price = excluded.price`,
    ).run(dealerId, sku, price);
  },
  async updateProduct(row, seq) {
    sql(
      `UPDATE products SET merchant_id = ?, name = ?, spec = ?, image = ?, kind = ?, list_price = ?, uses = ?,
         on_sale = ?, campaign_id = ?, seq = ? WHERE sku = ?`,
    ).run(
      row.merchantId,
      row.name,
      row.spec,
      row.image,
      row.kind,
      row.listPrice,
      row.uses,
      row.onSale ? 1 : 0,
      row.campaignId,
      seq,
      row.sku,
    );
  },
  async page(afterSku, limit) {
    const rows = sql(
      `SELECT ${PRODUCT_COLUMNS} FROM products p JOIN merchants m ON m.id = p.merchant_id
       WHERE p.sku > ? ORDER BY p.sku LIMIT ?`,
    ).all(afterSku, limit) as RawProduct[];
    return rows.map((row) => toProduct(row));
  },
  async campaigns() {
    return sql(
      `SELECT id, name, threshold_fen AS "thresholdFen", rate_bp AS "rateBp", amount_off AS "amountOff"
       FROM campaigns ORDER BY id`,
    ).all() as CampaignRow[];
  },
  async coupons() {
    return sql(
      `SELECT id, name, amount_off AS "amountOff", threshold_fen AS "thresholdFen", dealer_id AS "dealerId"
       FROM coupons ORDER BY id`,
    ).all() as CouponRow[];
  },
});

export const stockRepo = (sql: Prepare): StockRepo => ({
  async levels(sku) {
    return sql(
      `SELECT sku, warehouse_id AS "warehouseId", on_hand AS "onHand", reserved FROM stock
       WHERE sku = ? ORDER BY warehouse_id`,
    ).all(sku) as StockRow[];
  },
  async insert(row) {
    sql('INSERT INTO stock (sku, warehouse_id, on_hand, reserved) VALUES (?, ?, ?, ?)').run(
      row.sku,
      row.warehouseId,
      row.onHand,
      row.reserved,
    );
  },
  async adjust(sku, warehouseId, onHand, reserved) {
    sql('UPDATE stock SET on_hand = on_hand + ?, reserved = reserved + ? WHERE sku = ? AND warehouse_id = ?').run(
      onHand,
      reserved,
      sku,
      warehouseId,
    );
  },
  async reservations(orderNo) {
    return sql(
      `SELECT order_no AS "orderNo", line_no AS "lineNo", sku, warehouse_id AS "warehouseId", quantity
       FROM reservations WHERE order_no = ? ORDER BY line_no`,
    ).all(orderNo) as ReservationRow[];
  },
  async putReservation(row) {
    sql(
      `INSERT INTO reservations (order_no, line_no, sku, warehouse_id, quantity) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (order_no, line_no) DO UPDATE SET warehouse_id = excluded.warehouse_id, quantity = excluded.quantity`,
    ).run(row.orderNo, row.lineNo, row.sku, row.warehouseId, row.quantity);
  },
});
