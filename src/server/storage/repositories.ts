import type { ShopChannel } from '../../shared/domain/shops';
import type { OutboundEventType } from '../outbound/events';
import type { DataScope, OrderKind, Platform, Role } from '../../shared/domain/vocabulary';
import type { RawBuilder } from 'kysely';
import type { ConnectorsRepo } from './connectors';
import type { ConnectorPlatform } from '../connectors/platform';
import type { Clause } from './sql';

/**
 * The storage interface the service is written against. Every method is async: the PostgreSQL
 * store runs units on a pool as real concurrent transactions (several nodes on one database), the
 * SQLite store answers from synchronous better-sqlite3 calls. Rows are plain data, never driver
 * objects. One implementation of each repository serves both (repos/), written as Kysely `sql`
 * templates that each store compiles for its engine.
 */

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  scope: DataScope;
  passwordHash: string;
  demoOnly: boolean;
  /** A disabled account keeps its history but cannot sign in; its sessions are revoked with it. */
  disabled: boolean;
}

export interface DeviceRow {
  deviceId: string;
  deviceCode: number;
}

export interface StoreRow {
  id: string;
  name: string;
  merchantId: string;
}

export interface DealerRow {
  id: string;
  name: string;
  province: string;
}

export interface MerchantRow {
  id: string;
  name: string;
}

export interface WarehouseRow {
  id: string;
  name: string;
  city: string;
}

export interface ProductRow {
  sku: string;
  merchantId: string;
  merchantName: string;
  name: string;
  spec: string;
  image: string;
  kind: OrderKind;
  listPrice: number;
  uses: number;
  onSale: boolean;
  campaignId: string | null;
  /** The EAN-13 on the item, unique among products; null for services, virtual goods and unmarked items. */
  barcode: string | null;
}

export interface CampaignRow {
  id: string;
  name: string;
  thresholdFen: number;
  rateBp: number | null;
  amountOff: number | null;
}

export interface CouponRow {
  id: string;
  name: string;
  amountOff: number;
  thresholdFen: number;
  dealerId: string | null;
}

/** What a warehouse desk needs to tell one scanned item from another. */
export interface ItemCodeRow {
  seq: number;
  sku: string;
  barcode: string | null;
  name: string;
  spec: string;
}

export interface WarehousePolicyRow {
  seq: number;
  id: string;
  name: string;
  /** A parcel leaves only once every unit in it was scanned (扫描验货). */
  requireVerification: boolean;
}

export interface StockRow {
  sku: string;
  warehouseId: string;
  onHand: number;
  reserved: number;
}

export interface ReservationRow {
  orderNo: string;
  lineNo: number;
  sku: string;
  warehouseId: string;
  quantity: number;
}

/** A catalogue item as one dealer sees it: their price, stock over all warehouses. */
/** Promotion terms as a dealer's desk pulls them, in sequence order. */
export type PromotionTermsRow =
  ({ kind: 'coupon'; seq: number } & CouponRow) | ({ kind: 'campaign'; seq: number } & CampaignRow);

export interface DealerCatalogueRow extends ProductRow {
  seq: number;
  dealerPrice: number;
  available: number;
}

/** The scope-relevant facts of an order: what inScope needs. */
export interface ScopeColumns {
  kind: OrderKind;
  warehouseId: string | null;
  storeId: string | null;
  dealerId: string | null;
  shopId: string | null;
  /** 待审核: out of every warehouse's scope until approved. */
  reviewPending: boolean;
}

export interface OrderRow extends ScopeColumns {
  orderNo: string;
  seq: number;
  /** The OrderRecord as stored JSON text. */
  json: string;
  receiptExtended: boolean;
  confirmDueAt: number | null;
}

/** Everything an order row holds, derived from its record by orders/columns.ts. */
export interface OrderWrite extends ScopeColumns {
  orderNo: string;
  parentNo: string;
  source: string;
  platform: string;
  status: string;
  paymentStatus: string;
  refundStatus: string;
  locked: boolean;
  hasException: boolean;
  merchantId: string;
  province: string | null;
  paymentChannel: string | null;
  createdAt: number;
  paidAt: number | null;
  shippedAt: number | null;
  completedAt: number | null;
  payable: number;
  searchText: string;
  receiptExtended: boolean;
  confirmDueAt: number | null;
  /** When the order went on review hold, while it waits (the auto-approve timer's clock). */
  reviewHeldAt: number | null;
  buyerId: string;
  seq: number;
  json: string;
  /** The order's waybills' numbers: each belongs to this order alone. */
  trackingNos: string[];
  externalOrderNo: string | null;
}

export interface ExitRow extends ScopeColumns {
  seq: number;
  orderNo: string;
  /** Where the order is now; null when it no longer exists. */
  current: ScopeColumns | null;
}

export interface ListQuery {
  where: Clause;
  /** Expression to sort on (a column, or COALESCE of a nullable one). */
  sortExpr: RawBuilder<number>;
  direction: 'asc' | 'desc';
  after: { value: number; orderNo: string } | null;
  limit: number;
}

export interface ListRow {
  sortValue: number;
  orderNo: string;
  json: string;
  scope: ScopeColumns;
}

export interface CodeRow {
  id: number;
  orderNo: string;
  merchantId: string;
  code: string;
  /** What desks get instead of the code; null until the service has hashed it (redemption/verifier.ts). */
  verifier: string | null;
  validFrom: number;
  validTo: number;
  usesTotal: number;
  usesLeft: number;
  live: boolean;
  liveUntil: number;
}

export type RedemptionState = 'applied' | 'rejected' | 'undone';

export interface RedemptionRow {
  id: string;
  codeId: number;
  orderNo: string;
  storeId: string;
  actor: string;
  device: string;
  redeemedAt: number;
  recordedAt: number;
  state: RedemptionState;
  undoneAt: number | null;
  undoneBy: string | null;
}

/** A redemption with what its order is worth and buys, for shift lists. */
export interface ShiftRedemptionRow extends RedemptionRow {
  payable: number;
  lines: Array<{ name: string; quantity: number }>;
}

export interface RedeemRequestRow {
  requestId: string;
  userId: string;
  fingerprint: string;
  httpStatus: number;
  body: string;
  createdAt: number;
}

export interface IntentRow {
  id: string;
  userId: string;
  deviceId: string;
  deviceSeq: number;
  type: string;
  orderNo: string | null;
  status: 'applied' | 'rejected';
  code: string | null;
  message: string | null;
  fieldErrors: Record<string, string> | null;
  conflict: { redeemedBy: string; storeId: string; redeemedAt: number } | null;
  clientTime: number;
  receivedAt: number;
}

export interface RefundRow {
  id: string;
  orderNo: string;
  afterSaleId: string;
  amount: number;
  channel: string | null;
  originalSerialNo: string | null;
  refundedAt: number;
  refundedBy: string;
}

export interface ShopRow {
  id: string;
  name: string;
  channel: ShopChannel;
  /** Where the shop's orders are filed (the list's platform filter). */
  platform: Platform;
  /** Whose goods the shop sells; intake orders of the shop belong to this merchant's catalogue. */
  merchantId: string;
  /** A dealer's shop: the dealer whose price list entitles its orders. */
  dealerId: string | null;
  /** Where write-backs are delivered (outbound queue); null: nobody is told. */
  webhookUrl: string | null;
  webhookSecret: string | null;
  enabled: boolean;
  /**
   * The platform a connector polls the shop on (shop_connectors), read with the shop: its
   * write-backs then go to that platform instead of the webhook. Written by connectors/manage.ts,
   * never by put.
   */
  connector: ConnectorPlatform | null;
}

/** A platform item (and SKU, '' for an item without variants) of a shop, and the SKU it is here. */
export interface SkuMappingRow {
  shopId: string;
  platformItemId: string;
  platformSkuId: string;
  sku: string;
}

/** An external order's identity and the parent order it became. */
export interface ExternalOrderRow {
  shopId: string;
  externalOrderNo: string;
  parentNo: string;
  /** SHA-256 of the last version received: the same version again is "unchanged". */
  fingerprint: string;
  /** The last version received (the intake input as JSON), what a later one is compared with. */
  version: string;
  /** Where each child line came from (JSON LineMapEntry[]), told back when it ships. */
  lineMap: string;
  /** Held as an exception order (one child, no warehouse) until released. */
  held: boolean;
  receivedAt: number;
  updatedAt: number;
}

export type OutboundState = 'pending' | 'delivered' | 'dead';

/** One event on the outbound queue (outbound/): what a shop's source must learn, and how its delivery goes. */
export interface OutboundRow {
  id: number;
  /** The idempotency key receivers deduplicate by. */
  eventId: string;
  shopId: string;
  orderNo: string;
  externalOrderNo: string;
  type: OutboundEventType;
  /** The JSON body delivered, exactly as signed. */
  body: string;
  createdAt: number;
  state: OutboundState;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  deliveredAt: number | null;
  deadAt: number | null;
}

/** One change to the company: who (role:username, or cli), when, what. */
export interface AuditRow {
  id: number;
  at: number;
  actor: string;
  /** "user.add", "shop.put", "mapping.put", "stock.count", "outbound.replay"… */
  action: string;
  /** What it changed: "user:wh-hz", "shop:TM-HEMU", "sku:HM-TW-001". */
  target: string;
  detail: Record<string, unknown>;
}

export interface SequenceRepo {
  /** The next server sequence value; call inside the unit that makes the change. */
  next(): Promise<number>;
  /**
   * The pull horizon: every change numbered up to it is committed (or rolled back) for good, so a
   * pull that reads no further can never skip one that commits later. Call it first in a unit.
   */
  current(): Promise<number>;
}

export interface CountersRepo {
  /**
   * The next number of counter `name`, above `floor` (the highest number already in use, for a
   * counter that starts on a database that handed numbers out before it existed). Race-free: the
   * counter's row stays locked until the unit ends.
   */
  next(name: string, floor: number): Promise<number>;
}

/** Hits (wrong codes) per bucket and key, shared by every node: auth/rate-limit.ts counts them. */
export interface LimitsRepo {
  /**
   * For each check, when its key was hit since `since`, oldest first. On PostgreSQL the keys stay
   * locked until the unit ends, so concurrent checks of one key on any node take turns (N guesses
   * count N times); every caller names its keys in the same order.
   */
  hitsSince(checks: ReadonlyArray<{ bucket: string; key: string; since: number }>): Promise<number[][]>;
  /** Records a hit, forgetting the key's hits from before `forgetBefore`. */
  hit(bucket: string, key: string, at: number, forgetBefore: number): Promise<void>;
}

export interface SettingsRepo {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
}

export interface UsersRepo {
  byUsername(username: string): Promise<UserRow | null>;
  insert(user: UserRow, createdAt: number): Promise<void>;
  /** Every user, by username. */
  list(): Promise<UserRow[]>;
  /** Writes name, role, scope, password hash and disabled of an existing user. */
  update(user: UserRow, updatedAt: number): Promise<void>;
  /** Users who may sign in outside demo mode (not demo accounts, not disabled), of one role or all. */
  countActive(role?: Role): Promise<number>;
}

export interface TokensRepo {
  insert(tokenHash: string, userId: string, createdAt: number, expiresAt: number): Promise<void>;
  /** The user of an unexpired token, and when it expires. */
  sessionFor(tokenHash: string, now: number): Promise<{ user: UserRow; expiresAt: number } | null>;
  purgeExpired(now: number): Promise<number>;
  /** Ends one session (sign-out); false when the token was not known. */
  revoke(tokenHash: string): Promise<boolean>;
  /** Ends every session of a user (a lost laptop, a person who left); answers how many. */
  revokeUser(userId: string): Promise<number>;
}

export type LoginAttemptState = 'checking' | 'failed' | 'refused';

export interface LoginAttemptCounts {
  /** When each attempt at the account within its window was made, oldest first. */
  accountTimes: number[];
  /** Of them, password checks still running. */
  inFlight: number;
  /** Password checks from the address within its window (running or failed). */
  address: number;
}

/**
 * Sign-in attempts, shared by every node through the store. `counts` then `insert` must see no
 * other attempt at the same account in between: the SQLite store runs units one at a time; a
 * PostgreSQL store takes a per-account lock (pg_advisory_xact_lock on the user key) first.
 */
export interface LoginAttemptsRepo {
  counts(userKey: string, accountSince: number, address: string, addressSince: number): Promise<LoginAttemptCounts>;
  insert(userKey: string, address: string, at: number, state: LoginAttemptState): Promise<number>;
  fail(id: number): Promise<void>;
  /** The right password: the account's settled attempts are forgiven, its own row goes; running checks stay. */
  forgive(userKey: string, id: number): Promise<void>;
  purge(before: number): Promise<number>;
}

export interface DeviceSyncRepo {
  /** The device pulled at `at`, its clock reading `clockOffset` ms ahead of the service's; false for an unknown device. */
  record(deviceId: string, at: number, clockOffset: number): Promise<boolean>;
  /** When the service last heard from the device (its registration if it never pulled), and its clock then. */
  last(deviceId: string): Promise<{ at: number; clockOffset: number } | null>;
}

export interface DevicesRepo {
  byId(deviceId: string): Promise<DeviceRow | null>;
  maxCode(): Promise<number>;
  /** false when the device was registered meanwhile (by a concurrent request). */
  insert(device: DeviceRow, registeredBy: string, registeredAt: number): Promise<boolean>;
}

export interface PlacesRepo {
  merchant(id: string): Promise<MerchantRow | null>;
  store(id: string): Promise<StoreRow | null>;
  storesOf(merchantId: string): Promise<StoreRow[]>;
  dealer(id: string): Promise<DealerRow | null>;
  warehouse(id: string): Promise<WarehouseRow | null>;
  warehouseForProvince(province: string): Promise<string | null>;
  /** Each put creates the place or rewrites it (company set-up runs again and again). */
  putMerchant(row: MerchantRow): Promise<void>;
  putWarehouse(row: WarehouseRow): Promise<void>;
  /** The warehouse that serves a province (one per province). */
  putProvinceWarehouse(province: string, warehouseId: string): Promise<void>;
  putStore(row: StoreRow): Promise<void>;
  putDealer(row: DealerRow): Promise<void>;
  merchants(): Promise<MerchantRow[]>;
  warehouses(): Promise<WarehouseRow[]>;
  provincesServed(): Promise<Array<{ province: string; warehouseId: string }>>;
  stores(): Promise<StoreRow[]>;
  dealers(): Promise<DealerRow[]>;
}

export interface CatalogueRepo {
  products(skus: readonly string[]): Promise<Map<string, ProductRow>>;
  dealerPrices(dealerId: string, skus: readonly string[]): Promise<Map<string, number>>;
  campaign(id: string): Promise<CampaignRow | null>;
  coupon(id: string): Promise<CouponRow | null>;
  /** Marks an item changed so dealers pull it again. */
  touch(sku: string, seq: number): Promise<void>;
  /** Pages of synced changes read `afterSeq < seq <= upTo`: upTo is the pull's horizon (sequence.current). */
  dealerPage(dealerId: string, afterSeq: number, upTo: number, limit: number): Promise<DealerCatalogueRow[]>;
  insertProduct(row: ProductRow, seq: number): Promise<void>;
  /** Campaigns, and the coupons any of these dealers may use, changed after `afterSeq`. */
  promotionPage(
    dealerIds: readonly string[],
    afterSeq: number,
    upTo: number,
    limit: number,
  ): Promise<PromotionTermsRow[]>;
  /** Creates the campaign or rewrites it under a new sequence value (desks pull the new terms). */
  putCampaign(row: CampaignRow, seq: number): Promise<void>;
  putCoupon(row: CouponRow, seq: number): Promise<void>;
  putDealerPrice(dealerId: string, sku: string, price: number): Promise<void>;
  /** Rewrites an existing product under a new sequence value. */
  updateProduct(row: ProductRow, seq: number): Promise<void>;
  /** Every product after `afterSku` in SKU order, a page at a time. */
  page(afterSku: string, limit: number): Promise<ProductRow[]>;
  campaigns(): Promise<CampaignRow[]>;
  coupons(): Promise<CouponRow[]>;
}

/** The warehouse floor's data: item barcodes for 扫描验货 and each warehouse's policy. */
export interface FloorRepo {
  /** Physical items whose barcode, name or spec changed after `afterSeq` (products.code_seq), in order. */
  itemCodePage(afterSeq: number, upTo: number, limit: number): Promise<ItemCodeRow[]>;
  /** Warehouses (all of them, or these) whose policy changed after `afterSeq`. */
  warehousePage(
    ids: readonly string[] | null,
    afterSeq: number,
    upTo: number,
    limit: number,
  ): Promise<WarehousePolicyRow[]>;
  requiresVerification(warehouseId: string): Promise<boolean>;
  setVerificationPolicy(warehouseId: string, required: boolean, seq: number): Promise<boolean>;
}

export type PoolNumberState = 'FREE' | 'RESERVED' | 'USED' | 'VOID';

export interface PoolNumberRow {
  trackingNo: string;
  carrier: string;
  warehouseId: string;
  state: PoolNumberState;
  deviceId: string | null;
  orderNo: string | null;
}

/** 电子面单 number pools per carrier and warehouse (migration 013). */
export interface WaybillPoolRepo {
  /** Adds numbers after the pool's last; answers how many were new (a number already loaded is skipped). */
  load(carrier: string, warehouseId: string, trackingNos: readonly string[]): Promise<number>;
  /** The block a reservation got, if that request was answered before. */
  reservation(reservation: string): Promise<string[]>;
  /** Takes up to `count` free numbers, oldest first, for one desk's block. */
  reserve(
    carrier: string,
    warehouseId: string,
    count: number,
    who: { deviceId: string; reservation: string; at: number },
  ): Promise<string[]>;
  get(trackingNo: string): Promise<PoolNumberRow | null>;
  markUsed(trackingNo: string, orderNo: string, at: number): Promise<void>;
  markVoid(trackingNo: string, reason: string, at: number): Promise<void>;
  counts(): Promise<Array<{ carrier: string; warehouseId: string; state: PoolNumberState; count: number }>>;
}

export interface StockRepo {
  levels(sku: string): Promise<StockRow[]>;
  insert(row: StockRow): Promise<void>;
  /** Adds to (or, negative, takes from) a warehouse's on-hand and reserved counts. */
  adjust(sku: string, warehouseId: string, onHand: number, reserved: number): Promise<void>;
  reservations(orderNo: string): Promise<ReservationRow[]>;
  putReservation(row: ReservationRow): Promise<void>;
}

export interface OrdersRepo {
  /** Reads an order to change it (PostgreSQL: the row stays locked until the unit ends). */
  get(orderNo: string): Promise<OrderRow | null>;
  /**
   * Locks these orders at once, in order-number order, before a unit changes several of them
   * (a push): units that lock in one global order never deadlock. A no-op on SQLite.
   */
  lockAll(orderNos: readonly string[]): Promise<void>;
  childrenOf(parentNo: string): Promise<OrderRow[]>;
  parentExists(parentNo: string): Promise<boolean>;
  /** The highest parent number starting with `prefix`: the service's own order number counter. */
  maxParentNo(prefix: string): Promise<string | null>;
  /** Both answer the order's tracking numbers another order already holds (nothing is claimed for them). */
  insert(row: OrderWrite): Promise<string[]>;
  update(row: OrderWrite): Promise<string[]>;
  /** The order a tracking number was given to, if any. */
  waybillHolder(trackingNo: string): Promise<string | null>;
  /**
   * Records changed after `afterSeq` within `scope`, in sequence order, as the stored UTF-8 bytes:
   * a page is sent without ever decoding or re-encoding them.
   */
  pullPage(
    scope: Clause,
    afterSeq: number,
    upTo: number,
    limit: number,
  ): Promise<Array<{ seq: number; json: Buffer } & ScopeColumns>>;
  /** How many orders within `scope` changed after `afterSeq` (up to `upTo`): what a first sync has left. */
  countAfter(scope: Clause, afterSeq: number, upTo: number): Promise<number>;
  list(query: ListQuery): Promise<ListRow[]>;
  /** Our own unpaid orders made before then (a shop's platform decides when its orders lapse). */
  dueUnpaid(createdBefore: number, limit: number): Promise<string[]>;
  dueConfirm(now: number, limit: number): Promise<string[]>;
  /** Orders on review hold since `heldBefore` or earlier, oldest first: the auto-approve timer's. */
  dueReview(heldBefore: number, limit: number): Promise<string[]>;
  /** Whether the buyer paid for an order of another checkout before: the first-order review rule. */
  buyerPaidBefore(buyerId: string, parentNo: string): Promise<boolean>;
}

export interface ShopsRepo {
  get(id: string): Promise<ShopRow | null>;
  list(): Promise<ShopRow[]>;
  /** Creates the shop or rewrites every field of it. */
  put(row: ShopRow, now: number): Promise<void>;
  /** The SKU each platform item/SKU id of the shop maps to, keyed by `${itemId}\u0000${skuId}`. */
  mappedSkus(shopId: string, keys: ReadonlyArray<{ itemId: string; skuId: string }>): Promise<Map<string, string>>;
  mappingsOf(shopId: string): Promise<SkuMappingRow[]>;
  putMapping(row: SkuMappingRow): Promise<void>;
  deleteMapping(shopId: string, platformItemId: string, platformSkuId: string): Promise<boolean>;
}

export interface ExternalOrdersRepo {
  /**
   * Holds the identity (shop, number) until the unit ends: another unit taking in the same order
   * (the same batch posted twice at once, on any node) waits, then finds this one's result.
   */
  claim(shopId: string, externalOrderNo: string): Promise<void>;
  get(shopId: string, externalOrderNo: string): Promise<ExternalOrderRow | null>;
  byParent(parentNo: string): Promise<ExternalOrderRow | null>;
  insert(row: ExternalOrderRow): Promise<void>;
  update(row: ExternalOrderRow): Promise<void>;
  /** Parent numbers of held orders of a shop (or of every shop) after `afterParentNo`, in number order. */
  held(shopId: string | null, afterParentNo: string, limit: number): Promise<string[]>;
}

export interface OutboundRepo {
  /** Queues an event, due at once; answers its id. */
  insert(
    row: Pick<OutboundRow, 'eventId' | 'shopId' | 'orderNo' | 'externalOrderNo' | 'type' | 'body' | 'createdAt'>,
  ): Promise<number>;
  get(id: number): Promise<OutboundRow | null>;
  /** Pending events due by `now`, oldest first, none of them behind an earlier pending event of its order. */
  due(now: number, limit: number): Promise<OutboundRow[]>;
  /** Takes an event for one attempt (counted) until `leaseUntil`; false when another worker took it first. */
  claim(id: number, attempts: number, leaseUntil: number): Promise<boolean>;
  delivered(id: number, at: number): Promise<void>;
  retry(id: number, nextAttemptAt: number, error: string): Promise<void>;
  dead(id: number, at: number, error: string): Promise<void>;
  /** A dead event pending again with a fresh attempt count; false when it is not dead. */
  replay(id: number, now: number): Promise<boolean>;
  /** Newest first, before `beforeId` when given. */
  list(filter: {
    state: OutboundState | null;
    shopId: string | null;
    beforeId: number | null;
    limit: number;
  }): Promise<OutboundRow[]>;
  counts(): Promise<Record<OutboundState, number>>;
}

export interface AuditRepo {
  insert(row: Omit<AuditRow, 'id'>): Promise<void>;
  /** Newest first. */
  list(filter: { beforeId: number | null; target: string | null; limit: number }): Promise<AuditRow[]>;
}

export interface ExitsRepo {
  insert(seq: number, orderNo: string, scope: ScopeColumns): Promise<void>;
  page(afterSeq: number, upTo: number, limit: number): Promise<ExitRow[]>;
}

export interface CodesRepo {
  /** null when the code is already live for the merchant (the caller draws another). */
  insert(row: Omit<CodeRow, 'id'>): Promise<number | null>;
  byOrder(orderNo: string): Promise<CodeRow | null>;
  /** Every row with this code, live ones first; locked until the unit ends unless `lock: false`. */
  find(code: string, options?: { lock: boolean }): Promise<CodeRow[]>;
  /** Codes whose verifier is still to be computed, oldest first. */
  unverified(limit: number): Promise<CodeRow[]>;
  setVerifier(id: number, verifier: string): Promise<void>;
  /** Takes one use if one is left; false when another request took the last one first. */
  takeUse(id: number, liveUntilIfLast: number): Promise<boolean>;
  giveBackUse(id: number, liveUntil: number): Promise<void>;
  retire(id: number): Promise<void>;
  retireDue(now: number): Promise<number>;
}

export interface RedemptionsRepo {
  insert(row: RedemptionRow): Promise<void>;
  get(id: string): Promise<RedemptionRow | null>;
  lastApplied(codeId: number): Promise<RedemptionRow | null>;
  markUndone(id: string, at: number, by: string): Promise<void>;
  list(storeIds: readonly string[] | null, from: number, to: number, limit: number): Promise<ShiftRedemptionRow[]>;
}

export interface RedeemRequestsRepo {
  get(requestId: string): Promise<RedeemRequestRow | null>;
  insert(row: RedeemRequestRow): Promise<void>;
}

export interface IntentsRepo {
  /** Looks an intent up to decide whether to apply it (PostgreSQL: its id stays claimed until the unit ends). */
  get(id: string): Promise<IntentRow | null>;
  /** Claims these ids at once, in id order, before a push looks them up one by one. A no-op on SQLite. */
  claimAll(ids: readonly string[]): Promise<void>;
  insert(row: IntentRow): Promise<void>;
}

export interface RefundsRepo {
  insert(row: RefundRow): Promise<void>;
}

export interface TimeRange {
  from: number;
  to: number;
}

/** A report's figures for one key (a China day number, a platform, a warehouse id…). */
export interface FigureRow {
  key: string | number | null;
  orders: number;
  gmv: number;
  shipped: number;
  refunds: number;
  refundAmount: number;
}

export type GroupColumn = 'platform' | 'source' | 'warehouse';

export interface ShipmentRow {
  orderNo: string;
  /** As the timeline names people: "warehouse:warehouse1". */
  actor: string;
  warehouseId: string | null;
  parcels: number;
  shippedAt: number;
}

/** Aggregates over the caller's scope (a clause on orders), for reports. */
export interface ReportsRepo {
  recordShipment(row: ShipmentRow): Promise<void>;
  /** Many at once (seeding a company's history). */
  recordShipments(rows: readonly ShipmentRow[]): Promise<void>;
  /** Per business day (days since the epoch: chinaDay of shared/domain/business-day.ts). */
  figuresByDay(scope: Clause, range: TimeRange): Promise<FigureRow[]>;
  figuresBy(column: GroupColumn, scope: Clause, range: TimeRange): Promise<FigureRow[]>;
  /** Payment to shipment, the nearest-rank percentile `fraction` (0.5, 0.9) of orders shipped in the range. */
  leadTime(scope: Clause, range: TimeRange, fraction: number, warehouseId: string | null): Promise<number | null>;
  redemptionsByStore(scope: Clause, range: TimeRange): Promise<Array<{ storeId: string; redemptions: number }>>;
  /** Orders shipped per desk user per hour of the business day's clock (hours since the epoch, China time). */
  shipmentsByActorHour(
    scope: Clause,
    range: TimeRange,
  ): Promise<Array<{ actor: string; hour: number; shipped: number }>>;
}

/** One unit of work's view of the store. */
export interface Tx {
  sequence: SequenceRepo;
  counters: CountersRepo;
  limits: LimitsRepo;
  settings: SettingsRepo;
  users: UsersRepo;
  tokens: TokensRepo;
  loginAttempts: LoginAttemptsRepo;
  deviceSync: DeviceSyncRepo;
  devices: DevicesRepo;
  places: PlacesRepo;
  catalogue: CatalogueRepo;
  floor: FloorRepo;
  waybillPool: WaybillPoolRepo;
  stock: StockRepo;
  orders: OrdersRepo;
  exits: ExitsRepo;
  codes: CodesRepo;
  redemptions: RedemptionsRepo;
  redeemRequests: RedeemRequestsRepo;
  intents: IntentsRepo;
  refunds: RefundsRepo;
  shops: ShopsRepo;
  externalOrders: ExternalOrdersRepo;
  outbound: OutboundRepo;
  audit: AuditRepo;
  reports: ReportsRepo;
  connectors: ConnectorsRepo;
  /** Runs `work`; if it throws, everything it wrote is undone and the error goes on. */
  attempt<T>(work: () => Promise<T>): Promise<T>;
}

export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  /**
   * Runs `work` as one atomic unit whose result is released only once it is durably committed.
   * SQLite runs units one at a time; PostgreSQL runs them concurrently (READ COMMITTED), so a unit
   * that reads and then writes what it read locks it (row locks, guarded UPDATEs, upserts), and a
   * unit may be run again from the start after a deadlock or serialization failure: `work` must
   * touch nothing outside the store. Never await anything but the store inside a unit.
   */
  unit<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Runs `work` while this node holds the cluster-wide lock `name`, or answers null at once when
   * another node (or this one) holds it: jobs that must run on one node at a time (the timer sweep).
   */
  exclusive<T>(name: string, work: () => Promise<T>): Promise<T | null>;
  close(): Promise<void>;
}
