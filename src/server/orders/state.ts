import type { OrderRecord } from '../../shared/contract/records';
import type { OrderState } from '../../shared/intents/state';
import type { OrderRow } from '../storage/repositories';

/** An order as the service holds it: the stored record plus its receipt_extended column. */
export const stateOf = (row: OrderRow): OrderState => ({
  record: JSON.parse(row.json) as OrderRecord,
  receiptExtended: row.receiptExtended,
});
