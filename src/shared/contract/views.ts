import { z } from 'zod';
import { listColumns } from './list';
import { orderListFilter, orderSort } from './orders';
import { procedure } from './procedure';

/** What a saved view brings back: the search area, the columns in their order, the sort. */
export const viewSettings = z.strictObject({
  filter: orderListFilter,
  columns: listColumns,
  sort: orderSort,
});
export type ViewSettings = z.infer<typeof viewSettings>;

export const savedView = viewSettings.extend({
  id: z.string(),
  name: z.string(),
  /** The view the list opens with. */
  isDefault: z.boolean(),
  savedAt: z.number().int(),
});
export type SavedView = z.infer<typeof savedView>;

const viewName = z.string().trim().min(1).max(40);

/** Saved views live in the signed-in user's own local store, so they are per user and per device. */
export const viewProcedures = {
  'views.list': procedure({ input: z.strictObject({}), output: z.array(savedView), right: 'orders.read' }),
  // Saving under a name that exists replaces that view (the user means "update my view").
  'views.save': procedure({
    input: viewSettings.extend({ name: viewName, isDefault: z.boolean().default(false) }),
    output: savedView,
    right: 'orders.read',
  }),
  'views.delete': procedure({
    input: z.strictObject({ id: z.uuid() }),
    output: z.strictObject({}),
    right: 'orders.read',
  }),
  'views.setDefault': procedure({
    input: z.strictObject({ id: z.uuid().nullable() }),
    output: z.strictObject({}),
    right: 'orders.read',
  }),
} as const;
