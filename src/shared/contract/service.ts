import { z } from 'zod';
import { ROLES } from '../domain/vocabulary';

/** The order service's answers the client reads outside sync: sign-in and device registration. */
export const serviceUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  scope: z.object({
    all: z.boolean(),
    warehouseIds: z.array(z.string()),
    storeIds: z.array(z.string()),
    dealerIds: z.array(z.string()),
  }),
});
export type ServiceUser = z.infer<typeof serviceUser>;

export const loginResponse = z.object({ token: z.string().min(16), expiresAt: z.number().int(), user: serviceUser });
export type LoginResponse = z.infer<typeof loginResponse>;

export const deviceRegistration = z.object({ deviceCode: z.number().int().min(0).max(9999) });

export const serviceError = z.object({
  error: z.object({ code: z.string(), message: z.string() }).loose(),
});
