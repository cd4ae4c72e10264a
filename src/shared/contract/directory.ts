import { z } from 'zod';
import { procedure } from './procedure';

const named = z.array(z.strictObject({ id: z.string(), name: z.string() }));

/**
 * The company's names for what records only name by code: warehouses, stores, dealers, and the
 * people who act on orders (timelines say "warehouse:warehouse1"; people read "上海仓发货台").
 */
export const directory = z.strictObject({
  warehouses: named,
  stores: named,
  dealers: named,
  users: z.array(z.strictObject({ username: z.string(), displayName: z.string() })),
});
export type Directory = z.infer<typeof directory>;

export { EMPTY_DIRECTORY } from './empty-directory';

export const directoryProcedures = {
  /** The names as last fetched from the service (kept for offline use). */
  'directory.names': procedure({ input: z.strictObject({}), output: directory, right: 'signedIn' }),
};
