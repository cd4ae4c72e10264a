import { z } from 'zod';
import { ROLES } from '../domain/vocabulary';
import { dataScope } from './scope';

/** The order service's answers the client reads outside sync: sign-in, device registration, shift lists. */
export const serviceUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  scope: dataScope,
});
export type ServiceUser = z.infer<typeof serviceUser>;

export const loginResponse = z.object({ token: z.string().min(16), expiresAt: z.number().int(), user: serviceUser });
export type LoginResponse = z.infer<typeof loginResponse>;

export const deviceRegistration = z.object({ deviceCode: z.number().int().min(0).max(9999) });

export const serviceError = z.object({
  error: z.object({ code: z.string(), message: z.string() }).loose(),
});

/** A store's redemptions as the service holds them (GET /v1/redemptions): a supervisor's shift list. */
export const redemptionList = z.strictObject({
  redemptions: z.array(
    z.strictObject({
      id: z.string(),
      orderNo: z.string(),
      storeId: z.string(),
      actor: z.string(),
      device: z.string(),
      redeemedAt: z.number().int(),
      recordedAt: z.number().int(),
      state: z.enum(['applied', 'rejected', 'undone']),
      undoneAt: z.number().int().nullable(),
      undoneBy: z.string().nullable(),
      /** The order's payable and what it buys, so a shift list totals another desk's redemptions too. */
      payable: z.number().int().min(0),
      lines: z.array(z.strictObject({ name: z.string(), quantity: z.number().int() })),
    }),
  ),
});
export type RedemptionList = z.infer<typeof redemptionList>;
