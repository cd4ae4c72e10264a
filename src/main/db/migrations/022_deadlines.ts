import { DEADLINE_KINDS } from '../../../shared/domain/deadlines';
import { oneOf } from '../sql';
import type { Migration } from './migration';

/**
 * Each order's next deadline (auto-cancel, auto-confirm, end of the after-sales window), worked
 * out from its record when it is stored, so the list can show it, sort by it and keep only the
 * orders due soon. Orders stored before this migration get theirs with their next change.
 */
export const migration022Deadlines: Migration = {
  version: 22,
  name: '022_deadlines',
  up(db) {
    db.exec(`
      ALTER TABLE orders ADD COLUMN due_at INTEGER;
      ALTER TABLE orders ADD COLUMN due_kind TEXT CHECK (due_kind IS NULL OR ${oneOf('due_kind', DEADLINE_KINDS)});
      CREATE INDEX orders_due ON orders (due_at) WHERE due_at IS NOT NULL;
    `);
  },
};
