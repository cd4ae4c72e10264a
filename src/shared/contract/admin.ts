import { z } from 'zod';
import { OUTBOUND_EVENT_TYPES, SHOP_CHANNELS } from '../domain/shops';
import { ORDER_KINDS, PLATFORMS, ROLES } from '../domain/vocabulary';
import { dataScope } from './scope';

/**
 * The company as the admin API (/v1/admin/*) and the 管理 screen see and change it. Money in fen.
 * The same shapes cross both wires: the service answers them, the desk's main process relays them.
 */
const id = z.string().trim().min(1).max(64);
const fen = z.number().int().min(0);
const ids = z.array(id).max(1000);

export const adminUser = z.strictObject({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  scope: dataScope,
  disabled: z.boolean(),
  demoOnly: z.boolean(),
  hasPassword: z.boolean(),
});
export type AdminUser = z.infer<typeof adminUser>;

export const newUserInput = z.strictObject({
  username: z.string().trim().min(2).max(64),
  displayName: z.string().trim().max(50).optional(),
  role: z.enum(ROLES),
  password: z.string().min(1).max(200),
  warehouseIds: ids.optional(),
  storeIds: ids.optional(),
  dealerIds: ids.optional(),
  shopIds: ids.optional(),
});
export type NewUserInput = z.infer<typeof newUserInput>;

export const userEditInput = z.strictObject({
  displayName: z.string().trim().max(50).optional(),
  role: z.enum(ROLES).optional(),
  warehouseIds: ids.optional(),
  storeIds: ids.optional(),
  dealerIds: ids.optional(),
  shopIds: ids.optional(),
});
export type UserEditInput = z.infer<typeof userEditInput>;

export const adminPlaces = z.strictObject({
  merchants: z.array(z.strictObject({ id: z.string(), name: z.string() })),
  warehouses: z.array(
    z.strictObject({ id: z.string(), name: z.string(), city: z.string(), provinces: z.array(z.string()) }),
  ),
  stores: z.array(z.strictObject({ id: z.string(), name: z.string(), merchantId: z.string() })),
  dealers: z.array(z.strictObject({ id: z.string(), name: z.string(), province: z.string() })),
});
export type AdminPlaces = z.infer<typeof adminPlaces>;

export const warehouseInput = z.strictObject({
  id,
  name: z.string().trim().min(1).max(100),
  city: z.string().trim().min(1).max(30),
  provinces: z.array(z.string().trim().min(1).max(20)).max(40).default([]),
});
export const storeInput = z.strictObject({ id, name: z.string().trim().min(1).max(100), merchantId: id });
export const dealerInput = z.strictObject({
  id,
  name: z.string().trim().min(1).max(100),
  province: z.string().trim().min(1).max(20),
});

/** A webhook must be reachable over HTTP(S); anything else is refused before it could be stored. */
const webhookUrl = z
  .string()
  .trim()
  .max(500)
  .refine((text) => {
    try {
      const url = new URL(text);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'an http(s) URL');

/** A shop as set-up files and the admin API describe it. */
export const shopInput = z.strictObject({
  id: id.regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dots, dashes, underscores'),
  name: z.string().trim().min(1).max(100),
  channel: z.enum(SHOP_CHANNELS),
  /** Default: the channel's platform (CHANNEL_PLATFORMS). */
  platform: z.enum(PLATFORMS).optional(),
  merchantId: id,
  dealerId: id.nullable().default(null),
  webhookUrl: webhookUrl.nullable().default(null),
  /** At least 16 characters; a shop with a webhook and no secret gets one drawn for it. */
  webhookSecret: z.string().min(16).max(200).nullable().default(null),
  enabled: z.boolean().default(true),
});
export type ShopInput = z.input<typeof shopInput>;

export const skuMappingInput = z.strictObject({
  platformItemId: id,
  /** '' (or absent) for an item without variants. */
  platformSkuId: z.string().trim().max(64).default(''),
  sku: id,
});
export type SkuMappingInput = z.input<typeof skuMappingInput>;

export const adminShop = z.strictObject({
  id: z.string(),
  name: z.string(),
  channel: z.enum(SHOP_CHANNELS),
  platform: z.enum(PLATFORMS),
  merchantId: z.string(),
  dealerId: z.string().nullable(),
  webhookUrl: z.string().nullable(),
  /** Shown to admins only: the receiver checks signatures with it. */
  webhookSecret: z.string().nullable(),
  enabled: z.boolean(),
  /** The platform a connector polls the shop on (淘宝 TOP, 拼多多), or null: orders come by the intake API. */
  connector: z.enum(['taobao', 'pdd']).nullable(),
  /** Orders of the shop held as exceptions right now. */
  held: z.number().int(),
});
export type AdminShop = z.infer<typeof adminShop>;

export const skuMapping = z.strictObject({
  platformItemId: z.string(),
  platformSkuId: z.string(),
  sku: z.string(),
});
export type SkuMapping = z.infer<typeof skuMapping>;

/** What mapping a SKU or counting stock released from the exception queue. */
export const recheckAnswer = z.strictObject({ released: z.array(z.string()), held: z.array(z.string()) });
export type RecheckAnswer = z.infer<typeof recheckAnswer>;

export const adminProduct = z.strictObject({
  sku: z.string(),
  merchantId: z.string(),
  name: z.string(),
  spec: z.string(),
  image: z.string(),
  kind: z.enum(ORDER_KINDS),
  price: fen,
  uses: z.number().int(),
  onSale: z.boolean(),
  campaignId: z.string().nullable(),
  barcode: z.string().nullable(),
  stock: z.array(z.strictObject({ warehouseId: z.string(), onHand: z.number().int(), reserved: z.number().int() })),
});
export type AdminProduct = z.infer<typeof adminProduct>;

export const productInput = z.strictObject({
  sku: id,
  merchantId: id,
  name: z.string().trim().min(1).max(200),
  spec: z.string().trim().max(200).default(''),
  price: fen,
  image: z.string().trim().max(500).default(''),
  kind: z.enum(ORDER_KINDS).default('PHYSICAL'),
  uses: z.number().int().min(1).max(1000).default(1),
  onSale: z.boolean().default(true),
  campaignId: id.nullable().default(null),
  /** EAN-13 on the item, for scanning at the warehouse. */
  barcode: z
    .string()
    .regex(/^\d{13}$/, '13 digits (EAN-13)')
    .nullable()
    .default(null),
});
export type ProductInput = z.input<typeof productInput>;

/** A catalogue file as picked (XLSX or CSV in any of the encodings offices save), base64: at most ~700 KB. */
export const catalogueFileInput = z.strictObject({
  fileBase64: z
    .string()
    .min(1)
    .max(950_000)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64'),
});

/** A catalogue file's rows as imported: each row that failed, with why; the rest applied. */
export const importAnswer = z.strictObject({
  created: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.array(
    z.strictObject({
      row: z.number().int(),
      reasons: z.array(z.strictObject({ code: z.string(), value: z.string(), message: z.string() })),
    }),
  ),
});
export type ImportAnswer = z.infer<typeof importAnswer>;

export const stockCountInput = z.strictObject({
  sku: id,
  warehouseId: id,
  /** Units on the shelf as counted; never below what orders already hold. */
  onHand: z.number().int().min(0).max(100_000_000),
});

export const OUTBOUND_STATES = ['pending', 'delivered', 'dead'] as const;
export const outboundEvent = z.strictObject({
  id: z.number().int(),
  eventId: z.string(),
  shopId: z.string(),
  orderNo: z.string(),
  externalOrderNo: z.string(),
  type: z.enum(OUTBOUND_EVENT_TYPES),
  state: z.enum(OUTBOUND_STATES),
  attempts: z.number().int(),
  createdAt: z.number().int(),
  nextAttemptAt: z.number().int(),
  lastError: z.string().nullable(),
  deliveredAt: z.number().int().nullable(),
  deadAt: z.number().int().nullable(),
});
export type OutboundEventView = z.infer<typeof outboundEvent>;
export const outboundPage = z.strictObject({
  events: z.array(outboundEvent),
  counts: z.strictObject({ pending: z.number().int(), delivered: z.number().int(), dead: z.number().int() }),
});

export const auditEntry = z.strictObject({
  id: z.number().int(),
  at: z.number().int(),
  actor: z.string(),
  action: z.string(),
  target: z.string(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof auditEntry>;
