import { z } from 'zod';

/** A user's data scope (vocabulary.ts DataScope) as it crosses a wire: sign-in answers, the session. */
export const dataScope = z.strictObject({
  all: z.boolean(),
  warehouseIds: z.array(z.string()),
  storeIds: z.array(z.string()),
  dealerIds: z.array(z.string()),
  shopIds: z.array(z.string()).optional(),
});
