import { z } from 'zod';
import { ORDER_KINDS, ROLES } from '../../shared/domain/vocabulary';
import { shopInput, skuMappingInput } from '../../shared/contract/admin';

/**
 * The company as `setup --from <company.json>` reads it: everything a new company needs before
 * its first order (docs/api.md "Setup"). Money is integer fen; ids are the company's own codes.
 * Users carry no password: `users reset-password` gives each one.
 */
const id = z.string().trim().min(1).max(64);
const name = z.string().trim().min(1).max(100);
const fen = z.number().int().min(0);
const ids = z.array(id).max(1000).default([]);

export const companyFile = z.strictObject({
  merchants: z.array(z.strictObject({ id, name })).min(1).max(1000),
  warehouses: z
    .array(
      z.strictObject({
        id,
        name,
        city: z.string().trim().min(1).max(30),
        /** The provinces this warehouse ships to first (each province to one warehouse). */
        provinces: z.array(z.string().trim().min(1).max(20)).max(40).default([]),
      }),
    )
    .max(1000)
    .default([]),
  stores: z
    .array(z.strictObject({ id, name, merchantId: id }))
    .max(10_000)
    .default([]),
  dealers: z
    .array(
      z.strictObject({
        id,
        name,
        province: z.string().trim().min(1).max(20),
        priceList: z
          .array(z.strictObject({ sku: id, price: fen }))
          .max(100_000)
          .default([]),
      }),
    )
    .max(10_000)
    .default([]),
  promotions: z
    .strictObject({
      campaigns: z
        .array(
          z.strictObject({
            id,
            name,
            thresholdFen: fen,
            rateBp: z.number().int().min(0).max(10_000).nullable().default(null),
            amountOff: fen.nullable().default(null),
          }),
        )
        .max(1000)
        .default([]),
      coupons: z
        .array(z.strictObject({ id, name, amountOff: fen, thresholdFen: fen, dealerId: id.nullable().default(null) }))
        .max(1000)
        .default([]),
    })
    .default({ campaigns: [], coupons: [] }),
  catalogue: z
    .array(
      z.strictObject({
        sku: id,
        merchantId: id,
        name: z.string().trim().min(1).max(200),
        spec: z.string().trim().max(200).default(''),
        price: fen,
        image: z.string().trim().max(500).default(''),
        /** EAN-13 on the item, for scanning at the warehouse. */
        barcode: z
          .string()
          .regex(/^\d{13}$/, '13 digits (EAN-13)')
          .nullable()
          .default(null),
        kind: z.enum(ORDER_KINDS).default('PHYSICAL'),
        /** Redemptions one unit buys (service goods). */
        uses: z.number().int().min(1).max(1000).default(1),
        onSale: z.boolean().default(true),
        campaignId: id.nullable().default(null),
        /** Units on hand per warehouse: counted once, when the SKU first comes to that warehouse. */
        stock: z.record(id, z.number().int().min(0).max(100_000_000)).default({}),
      }),
    )
    .max(100_000)
    .default([]),
  shops: z
    .array(shopInput.extend({ skuMappings: z.array(skuMappingInput).max(100_000).default([]) }))
    .max(1000)
    .default([]),
  users: z
    .array(
      z.strictObject({
        username: id,
        displayName: z.string().trim().max(50).optional(),
        role: z.enum(ROLES),
        warehouses: ids,
        stores: ids,
        dealer: id.optional(),
        shops: ids,
      }),
    )
    .max(10_000)
    .default([]),
});
export type CompanyFile = z.output<typeof companyFile>;
