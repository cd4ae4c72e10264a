import { z } from 'zod';
import { ORDER_STATUSES, PAYMENT_STATUSES, PLATFORMS, PROMOTION_KINDS, REFUND_STATUSES } from '../domain/vocabulary';
import { SHOP_CHANNELS } from '../domain/shops';
import { procedure } from './procedure';

/**
 * 导入订单 on the desk: the shops orders may be imported into, and a batch of orders read from a
 * platform's order report (src/shared/imports) handed to the service's intake as the signed-in
 * person, which answers what became of each. Batches stay small, so a call never nears the
 * browser bridge's body limit; intake knows each order by (shop, platform order number), so a
 * file imported twice creates nothing new.
 */
const fen = z.number().int().min(0).max(100_000_000_00);
const epochMs = z.number().int().min(0);
const text = (max: number) => z.string().max(max);

export const importShop = z.strictObject({
  id: z.string(),
  name: z.string(),
  channel: z.enum(SHOP_CHANNELS),
  platform: z.enum(PLATFORMS),
});
export type ImportShop = z.infer<typeof importShop>;

const externalLine = z.strictObject({
  lineId: text(64),
  itemId: text(64),
  skuId: text(64),
  outerSkuId: text(64),
  title: text(200).min(1),
  spec: text(200),
  image: text(500),
  unitPrice: fen,
  quantity: z.number().int().min(1).max(100_000),
  discount: fen,
  payable: fen,
  refund: z.enum(['NONE', 'OPEN', 'REFUNDED']),
  refundId: text(64).nullable(),
  shipped: z.strictObject({ company: text(64), trackingNo: text(64) }).nullable(),
});

/** src/shared/external/order.ts's ExternalOrder, checked at the desk's door. */
export const externalOrder = z.strictObject({
  externalOrderNo: text(64).min(1),
  platformStatus: text(64),
  status: z.enum(ORDER_STATUSES),
  paymentStatus: z.enum(PAYMENT_STATUSES),
  refundStatus: z.enum(REFUND_STATUSES),
  createdAt: epochMs,
  paidAt: epochMs.nullable(),
  modifiedAt: epochMs,
  buyer: z.strictObject({ id: text(64), account: text(64), name: text(50) }),
  receiver: z
    .strictObject({
      name: text(50),
      phone: text(20),
      province: text(20),
      city: text(30),
      district: text(30),
      address: text(200),
      postcode: text(10),
    })
    .nullable(),
  lines: z.array(externalLine).min(1).max(200),
  freight: fen,
  promotions: z
    .array(z.strictObject({ kind: z.enum(PROMOTION_KINDS), refId: text(64), name: text(100), amount: fen }))
    .max(50),
  goodsTotal: fen,
  payable: fen,
  paymentSerialNo: text(64).nullable(),
  remark: text(500),
  trackingNos: z.array(text(64)).max(50),
});

export const MAX_IMPORT_BATCH = 100;

export const importSubmitResult = z.strictObject({
  created: z.number().int().min(0),
  updated: z.number().int().min(0),
  unchanged: z.number().int().min(0),
  /** Taken in and held as exception orders (an unmapped SKU, stock short…): they wait for a person. */
  exception: z.number().int().min(0),
  rejected: z.array(z.strictObject({ externalOrderNo: z.string(), code: z.string(), message: z.string() })),
});
export type ImportSubmitResult = z.infer<typeof importSubmitResult>;

export const importProcedures = {
  'imports.shops': procedure({
    input: z.strictObject({}),
    output: z.strictObject({ shops: z.array(importShop) }),
    right: 'intake.post',
  }),
  'imports.submit': procedure({
    input: z.strictObject({
      shopId: z.string().min(1).max(64),
      orders: z.array(externalOrder).min(1).max(MAX_IMPORT_BATCH),
    }),
    output: importSubmitResult,
    right: 'intake.post',
  }),
} as const;
