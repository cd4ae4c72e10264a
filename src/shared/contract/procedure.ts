import { z } from 'zod';
import type { Operation } from '../domain/rights';

/** Who may call: anyone (sign-in itself), any signed-in user, or a user whose role has the operation. */
export type Access = 'public' | 'signedIn' | Operation;

export interface Procedure<I extends z.ZodType, O extends z.ZodType, R extends Access> {
  input: I;
  output: O;
  right: R;
}

/** Declares one procedure of the contract; each capability's file groups its own and api.ts joins them. */
export const procedure = <I extends z.ZodType, O extends z.ZodType, R extends Access>(p: Procedure<I, O, R>) => p;

export const orderNo = z.string().trim().min(6).max(40);
