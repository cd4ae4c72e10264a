import { CATALOGUE, MERCHANTS } from '../../shared/demo/catalogue';
import { DEALERS, STORES, WAREHOUSES } from '../../shared/demo/places';
import { mixSeed, Random } from '../../shared/demo/random';
import { PROVINCES } from '../../shared/demo/regions';
import { percentOfHalfUp } from '../../shared/domain/money';
import type { CampaignRow, CouponRow, ProductRow, ShopRow, StockRow } from '../storage/repositories';

/**
 * The demo company as the order service holds it, derived from the shared demo catalogue and
 * places (src/shared/demo) so the client's demo data and the service's agree on every SKU, site
 * and dealer. Everything here is deterministic.
 */

/** The seed of the demo data: the client generates the same orders from it. */
export const DEMO_SEED = 1;
export const DEMO_PASSWORD = 'demo1234';

/** Dealer campaigns are set up for whole categories (SKU prefix) or, for a launch, one product. */
export const DEALER_CAMPAIGNS: ReadonlyArray<CampaignRow & { categories: readonly string[] }> = [
  {
    id: 'DC-ZK95',
    name: '食品节 满1000享95折',
    thresholdFen: 100_000,
    rateBp: 9500,
    amountOff: null,
    categories: ['SP'],
  },
  {
    id: 'DC-MJ2000',
    name: '家居季 满2000减100',
    thresholdFen: 200_000,
    rateBp: null,
    amountOff: 10_000,
    categories: ['JJ'],
  },
  {
    id: 'DC-NEW50',
    name: '新品尝鲜 5折',
    thresholdFen: 0,
    rateBp: 5000,
    amountOff: null,
    categories: [],
  },
];

export const DEALER_COUPONS: readonly CouponRow[] = [
  { id: 'DCP-500-50', name: '经销商满500减50', amountOff: 5_000, thresholdFen: 50_000, dealerId: null },
  { id: 'DCP-DL01-3000-200', name: '华东专享满3000减200', amountOff: 20_000, thresholdFen: 300_000, dealerId: 'DL-01' },
  {
    id: 'DCP-DL02-2000-150',
    name: '杭州恒达专享满2000减150',
    amountOff: 15_000,
    thresholdFen: 200_000,
    dealerId: 'DL-02',
  },
];

const campaignOf = (sku: string): string | null =>
  DEALER_CAMPAIGNS.find((c) => c.categories.some((category) => sku.startsWith(category)))?.id ?? null;

/** About one SKU in forty is off sale (下架): old history still shows it, new orders cannot have it. */
const offSale = (index: number): boolean => index % 40 === 39;

/**
 * A new product launched through the dealers only (so no mall history has it), in the half-price
 * launch campaign. At the dealers' price of 45.00 it is domain.md's worked example: 2 of it,
 * freight 10.00, member 80%, campaign 50%, member benefit 15.00 leave 15.00 to pay.
 */
const DEALER_LAUNCH: ProductRow = {
  sku: 'SP09901',
  merchantId: MERCHANTS.self.id,
  merchantName: MERCHANTS.self.name,
  name: '黑芝麻核桃粉（新品）',
  spec: '规格:600g/20袋',
  image: 'https://img.example.com/sku/SP09901.jpg',
  kind: 'PHYSICAL',
  listPrice: 5300,
  uses: 1,
  onSale: true,
  campaignId: 'DC-NEW50',
  barcode: '6923450099018',
};

const MALL_PRODUCTS: readonly ProductRow[] = CATALOGUE.map((sku, index) => ({
  sku: sku.sku,
  merchantId: sku.merchant.id,
  merchantName: sku.merchant.name,
  name: sku.name,
  spec: sku.spec,
  image: sku.image,
  kind: sku.kind,
  listPrice: sku.unitPrice,
  uses: sku.uses,
  onSale: !offSale(index),
  campaignId: sku.kind === 'PHYSICAL' && sku.merchant.id === MERCHANTS.self.id ? campaignOf(sku.sku) : null,
  barcode: sku.barcode,
}));

export const DEMO_PRODUCTS: readonly ProductRow[] = [...MALL_PRODUCTS, DEALER_LAUNCH];

/** Dealers sell the platform's own physical goods at a dealer discount, rounded to the yuan. */
const DEALER_RATE_BP: Readonly<Record<string, number>> = { 'DL-01': 8500, 'DL-02': 8500, 'DL-03': 8500 };
const DEFAULT_DEALER_RATE_BP = 8800;

export function dealerPriceList(dealerId: string): Array<{ sku: string; price: number }> {
  const rate = DEALER_RATE_BP[dealerId] ?? DEFAULT_DEALER_RATE_BP;
  return DEMO_PRODUCTS.filter((p) => p.kind === 'PHYSICAL' && p.merchantId === MERCHANTS.self.id).map((p) => ({
    sku: p.sku,
    price: Math.round(percentOfHalfUp(p.listPrice, rate) / 100) * 100,
  }));
}

/**
 * Physical goods on the shelves: the platform's own goods in every warehouse, a third-party
 * merchant's in its one warehouse. A few SKUs run low, so stock shortages happen in the demo too.
 */
export function demoStock(): StockRow[] {
  const rows: StockRow[] = [];
  DEMO_PRODUCTS.forEach((product, index) => {
    if (product.kind !== 'PHYSICAL') return;
    const merchant = Object.values(MERCHANTS).find((m) => m.id === product.merchantId);
    const warehouses = merchant?.warehouse ? [merchant.warehouse] : WAREHOUSES.map((w) => w.id);
    warehouses.forEach((warehouseId, w) => {
      const rng = new Random(mixSeed(DEMO_SEED, index * 8 + w));
      const onHand = rng.chance(0.05) ? rng.int(0, 5) : rng.int(80, 2_000);
      rows.push({ sku: product.sku, warehouseId, onHand, reserved: 0 });
    });
  });
  return rows;
}

/**
 * The demo company's storefronts on the platforms: the simulator posts their orders through intake
 * as an ERP would. No webhook: nobody outside the demo listens.
 */
export const DEMO_SHOPS: readonly ShopRow[] = [
  { id: 'SHOP-TMALL', name: '官方旗舰店（天猫）', channel: 'TAOBAO', platform: 'TMALL' },
  { id: 'SHOP-JD', name: '官方自营店（京东）', channel: 'JD', platform: 'JD' },
  { id: 'SHOP-PDD', name: '官方旗舰店（拼多多）', channel: 'PDD', platform: 'PDD' },
  { id: 'SHOP-DOUYIN', name: '官方旗舰店（抖店）', channel: 'DOUYIN', platform: 'DOUYIN' },
].map((shop) => ({
  ...(shop as Pick<ShopRow, 'id' | 'name' | 'channel' | 'platform'>),
  merchantId: MERCHANTS.self.id,
  dealerId: null,
  webhookUrl: null,
  webhookSecret: null,
  enabled: true,
  connector: null,
}));

export const DEMO_MERCHANTS = Object.values(MERCHANTS).map(({ id, name }) => ({ id, name }));
export const DEMO_WAREHOUSES = WAREHOUSES.map(({ id, name, city }) => ({ id, name, city }));
export const DEMO_STORES = STORES.map(({ id, name }) => ({ id, name, merchantId: MERCHANTS.services.id }));
export const DEMO_DEALERS = DEALERS.map(({ id, name, province }) => ({ id, name, province }));
export const DEMO_PROVINCE_WAREHOUSES = PROVINCES.map(([province]) => [province.name, province.warehouse] as const);

/**
 * The dealers' laptops, whose device codes are in the demo orders' numbers (DEALERS.deviceCode):
 * registered up front so no new device is ever handed one of them.
 */
export const DEMO_DEVICES = DEALERS.map((dealer) => ({
  deviceId: `00000000-0000-4000-8000-00000000${String(dealer.deviceCode).padStart(4, '0')}`,
  deviceCode: dealer.deviceCode,
}));
