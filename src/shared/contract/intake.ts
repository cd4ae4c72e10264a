import { z } from 'zod';
import { AFTER_SALE_TYPES, PAYMENT_CHANNELS, PROMOTION_KINDS } from '../domain/vocabulary';
import { invoiceRecord } from './records';

/**
 * An order as a shop's platform, an ERP or a connector hands it to intake (POST /v1/intake/orders,
 * docs/api.md "Intake"). Identity: shopId + externalOrderNo. Money is integer fen as the platform
 * charged it; times are epoch ms. Every later version of the same order is sent whole again.
 */
const fen = z.number().int().min(0).max(1_000_000_000_00);
const epochMs = z.number().int().min(0);
const text = (max: number) => z.string().trim().max(max);
const platformId = z.string().trim().min(1).max(64);

export const INTAKE_STATUSES = ['UNPAID', 'PAID', 'CANCELLED'] as const;

export const intakeLine = z
  .strictObject({
    /** The platform's own id of this line (子订单号), told back when it ships. */
    platformLineId: platformId.optional(),
    /** The platform's item and SKU ids: looked up in the shop's SKU mapping first. */
    platformItemId: platformId.optional(),
    platformSkuId: platformId.optional(),
    /** Our SKU (the platform's 商家编码 / outer SKU id), used when no mapping names the item. */
    sku: platformId.optional(),
    name: z.string().trim().min(1).max(200),
    spec: text(200).default(''),
    image: text(500).default(''),
    unitPrice: fen,
    quantity: z.number().int().min(1).max(100_000),
  })
  .refine((line) => line.sku !== undefined || line.platformItemId !== undefined, {
    message: 'a line names our sku or the platform’s item id',
    path: ['sku'],
  });
export type IntakeLine = z.output<typeof intakeLine>;

export const intakeDiscount = z.strictObject({
  /** How the platform discounted: coupon, campaign (满减, 官方立减), member, points, coins. */
  kind: z.enum(PROMOTION_KINDS).default('CAMPAIGN'),
  name: z.string().trim().min(1).max(100),
  refId: text(64).default(''),
  amount: fen,
});

export const intakeRefund = z.strictObject({
  /** REQUESTED: the buyer asked on the platform; COMPLETED: the platform paid it; WITHDRAWN: asked no more. */
  status: z.enum(['REQUESTED', 'COMPLETED', 'WITHDRAWN']),
  type: z.enum(AFTER_SALE_TYPES).default('REFUND_ONLY'),
  reason: z.string().trim().min(1).max(300),
  /** Indexes into `lines` (0-based) and quantities; absent: the whole order. */
  lines: z
    .array(z.strictObject({ line: z.number().int().min(0), quantity: z.number().int().min(1) }))
    .max(200)
    .optional(),
});

export const intakeOrder = z.strictObject({
  shopId: platformId,
  externalOrderNo: platformId,
  /** UNPAID, PAID or CANCELLED as the platform sees it now. */
  status: z.enum(INTAKE_STATUSES),
  /** The platform's own status word, kept as is (WAIT_SELLER_SEND_GOODS). */
  platformStatus: text(64).default(''),
  createdAt: epochMs,
  buyer: z.strictObject({
    id: platformId,
    account: z.string().trim().min(1).max(64),
    level: text(32).default(''),
    name: text(50).default(''),
  }),
  /** Required for goods that ship; may be null when every line is virtual or a service. */
  receiver: z
    .strictObject({
      name: text(50),
      phone: text(20),
      province: text(20),
      city: text(30),
      district: text(30).default(''),
      address: text(200),
      postcode: text(10).default(''),
    })
    .nullable(),
  lines: z.array(intakeLine).min(1).max(200),
  amounts: z.strictObject({
    goods: fen,
    freight: fen.default(0),
    discounts: z.array(intakeDiscount).max(50).default([]),
    paid: fen,
  }),
  payment: z
    .strictObject({ channel: z.enum(PAYMENT_CHANNELS), serialNo: text(64).nullable().default(null), paidAt: epochMs })
    .nullable()
    .default(null),
  buyerRemark: text(500).default(''),
  invoice: invoiceRecord.nullable().default(null),
  refund: intakeRefund.nullable().default(null),
});
export type IntakeOrder = z.output<typeof intakeOrder>;

export const MAX_INTAKE_BATCH = 500;
export const intakeRequest = z.strictObject({ orders: z.array(z.unknown()).min(1).max(MAX_INTAKE_BATCH) });

export const INTAKE_OUTCOMES = ['created', 'updated', 'unchanged', 'exception', 'rejected'] as const;
export type IntakeOutcome = (typeof INTAKE_OUTCOMES)[number];

export const intakeReason = z.strictObject({
  code: z.string(),
  message: z.string(),
  /** Where in the order: "lines.2.sku", "receiver.phone", "amounts.paid". */
  path: z.string().nullable(),
});
export type IntakeReason = z.infer<typeof intakeReason>;

export const intakeResult = z.strictObject({
  externalOrderNo: z.string().nullable(),
  outcome: z.enum(INTAKE_OUTCOMES),
  orderNos: z.array(z.string()),
  reasons: z.array(intakeReason),
});
export type IntakeResult = z.infer<typeof intakeResult>;
export const intakeResponse = z.strictObject({ results: z.array(intakeResult) });
