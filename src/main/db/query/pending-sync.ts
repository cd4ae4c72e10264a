import { PENDING_OUTBOX_STATES } from '../outbox-states';
import { oneOf } from '../sql';

/**
 * Local intents on an order that the order service has not answered yet. Written exactly as the
 * partial index outbox_pending_by_order is declared, so SQLite can use it.
 */
export const PENDING_SYNC_SQL = `(SELECT count(*) FROM outbox x WHERE x.order_no = o.order_no AND ${oneOf(
  'x.state',
  PENDING_OUTBOX_STATES,
)})`;
