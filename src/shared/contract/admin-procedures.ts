import { z } from 'zod';
import {
  adminPlaces,
  adminProduct,
  adminShop,
  adminUser,
  auditEntry,
  catalogueFileInput,
  dealerInput,
  importAnswer,
  newUserInput,
  OUTBOUND_STATES,
  outboundPage,
  productInput,
  recheckAnswer,
  shopInput,
  skuMapping,
  skuMappingInput,
  stockCountInput,
  storeInput,
  userEditInput,
  warehouseInput,
} from './admin';
import { procedure } from './procedure';

const username = z.string().trim().min(1).max(64);
const shopId = z.string().trim().min(1).max(64);
const nothing = z.strictObject({});
const ADMIN = 'admin.manage' as const;

/**
 * The 管理 screen's procedures: each is the admin API's (/v1/admin/*) as this desk's signed-in
 * admin, relayed by main. They need the service (there is no offline copy of a company's set-up):
 * unreachable is SERVICE_UNREACHABLE, a refusal is ACTION_REFUSED with the service's own code.
 */
export const adminProcedures = {
  'admin.users': procedure({ input: nothing, output: z.array(adminUser), right: ADMIN }),
  'admin.users.add': procedure({ input: newUserInput, output: adminUser, right: ADMIN }),
  'admin.users.edit': procedure({
    input: z.strictObject({ username, edit: userEditInput }),
    output: adminUser,
    right: ADMIN,
  }),
  'admin.users.disable': procedure({ input: z.strictObject({ username }), output: adminUser, right: ADMIN }),
  'admin.users.enable': procedure({ input: z.strictObject({ username }), output: adminUser, right: ADMIN }),
  'admin.users.password': procedure({
    input: z.strictObject({ username, password: z.string().min(1).max(200) }),
    output: adminUser,
    right: ADMIN,
  }),
  'admin.users.revoke': procedure({
    input: z.strictObject({ username }),
    output: z.strictObject({ user: adminUser, sessionsEnded: z.number().int() }),
    right: ADMIN,
  }),
  'admin.places': procedure({ input: nothing, output: adminPlaces, right: ADMIN }),
  'admin.places.warehouse': procedure({ input: warehouseInput, output: adminPlaces, right: ADMIN }),
  'admin.places.store': procedure({ input: storeInput, output: adminPlaces, right: ADMIN }),
  'admin.places.dealer': procedure({ input: dealerInput, output: adminPlaces, right: ADMIN }),
  'admin.shops': procedure({ input: nothing, output: z.array(adminShop), right: ADMIN }),
  'admin.shops.put': procedure({ input: shopInput, output: z.array(adminShop), right: ADMIN }),
  'admin.mappings': procedure({ input: z.strictObject({ shopId }), output: z.array(skuMapping), right: ADMIN }),
  'admin.mappings.put': procedure({
    input: z.strictObject({ shopId, mapping: skuMappingInput }),
    output: recheckAnswer,
    right: ADMIN,
  }),
  'admin.mappings.delete': procedure({
    input: z.strictObject({ shopId, platformItemId: z.string().min(1).max(64), platformSkuId: z.string().max(64) }),
    output: z.array(skuMapping),
    right: ADMIN,
  }),
  'admin.recheck': procedure({
    input: z.strictObject({ shopId: shopId.nullable() }),
    output: recheckAnswer,
    right: ADMIN,
  }),
  'admin.catalogue': procedure({
    input: z.strictObject({
      after: z.string().max(64).default(''),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.strictObject({ items: z.array(adminProduct), next: z.string().nullable() }),
    right: ADMIN,
  }),
  'admin.catalogue.put': procedure({ input: productInput, output: adminProduct, right: ADMIN }),
  'admin.catalogue.import': procedure({ input: catalogueFileInput, output: importAnswer, right: ADMIN }),
  'admin.stock.count': procedure({
    input: stockCountInput,
    output: z.strictObject({ product: adminProduct, released: z.array(z.string()), held: z.array(z.string()) }),
    right: ADMIN,
  }),
  'admin.outbound': procedure({
    input: z.strictObject({ state: z.enum(OUTBOUND_STATES).nullable().default(null) }),
    output: outboundPage,
    right: ADMIN,
  }),
  'admin.outbound.replay': procedure({
    input: z.strictObject({ id: z.number().int().min(1) }),
    output: outboundPage,
    right: ADMIN,
  }),
  'admin.audit': procedure({ input: nothing, output: z.array(auditEntry), right: ADMIN }),
} as const;
