import { BATCH_ERRORS, type BatchError, type BatchRowResult } from '../../shared/contract/shipping';
import { decide, remainingToShip } from '../../shared/domain/order-machine';
import { factsOf, orderStateOf } from '../../shared/intents/state';
import { parseBatchCsv, type BatchRow } from '../../shared/shipping/batch-csv';
import { getOrderDetail } from '../db/orders-query';
import type { CallContext, Handlers } from '../ipc/dispatcher';
import { ApiFailure } from '../ipc/failure';
import { queueOrderIntent } from '../orders/act-locally';
import { waybillHolder } from '../db/query/tracking-holder';
import { requiresVerification } from '../floor/item-codes';

/** More rows than a preview can show sensibly: the file is refused whole rather than cut short. */
const MAX_ROWS = 5_000;

interface Judged extends BatchRowResult {
  lines: Array<{ lineNo: number; quantity: number }>;
}

/** One row against this device's copy of its order; a good row ships the whole order (every unit still owed). */
function judgeAgainstStore(ctx: CallContext, row: BatchRow): Judged {
  const base = { ...row, shipped: false, lines: [] };
  if (row.error !== null) return base;
  const order = getOrderDetail(ctx.db, ctx.session.scope, row.orderNo);
  const refuse = (error: BatchError): Judged => ({ ...base, error });
  if (!order) return refuse('ORDER_NOT_FOUND');
  // A file carries no scans: where the warehouse requires them, the parcel goes through the station.
  if (requiresVerification(ctx.db, order.warehouseId)) return refuse('VERIFICATION_REQUIRED');
  const holder = waybillHolder(ctx.db, row.trackingNo);
  if (holder !== null) return { ...refuse('TRACKING_IN_USE'), heldBy: holder };
  const lines = order.lines
    .map((line) => ({ lineNo: line.lineNo, quantity: remainingToShip(line) }))
    .filter((line) => line.quantity > 0);
  const { pendingSync: _pending, ...record } = order;
  const decision = decide(factsOf(orderStateOf(record)), { type: 'SHIP', lines });
  if (!decision.ok) return refuse(decision.code);
  return lines.length === 0 ? refuse('NOTHING_TO_SHIP') : { ...base, lines };
}

function judgeBatch(ctx: CallContext, csv: string): Judged[] {
  const rows = parseBatchCsv(csv);
  if (rows.length > MAX_ROWS) throw new ApiFailure('VALIDATION_FAILED', `At most ${MAX_ROWS} rows per file`);
  return rows.map((row) => judgeAgainstStore(ctx, row));
}

const isBatchError = (code: string | undefined): code is BatchError =>
  (BATCH_ERRORS as readonly string[]).includes(code ?? '');

const shown = ({ lines: _lines, ...row }: Judged): BatchRowResult => row;

/** Each good row ships on its own, so a refusal found only now (another desk was first) stays its row's. */
function shipRow(ctx: CallContext, row: Judged): BatchRowResult {
  if (row.error !== null) return shown(row);
  const parcel = { carrier: row.carrier, trackingNo: row.trackingNo, lines: row.lines };
  try {
    queueOrderIntent(ctx, 'SHIP', { orderNo: row.orderNo, parcels: [parcel] }, row.orderNo);
    return { ...shown(row), shipped: true };
  } catch (error) {
    if (!(error instanceof ApiFailure) || error.code !== 'ACTION_REFUSED' || !isBatchError(error.reason)) throw error;
    return { ...shown(row), error: error.reason, ...(error.params?.orderNo ? { heldBy: error.params.orderNo } : {}) };
  }
}

export const shippingHandlers = (): Pick<Handlers, 'shipping.previewBatch' | 'shipping.applyBatch'> => ({
  'shipping.previewBatch': (ctx, { csv }) => ({ rows: judgeBatch(ctx, csv).map(shown) }),
  'shipping.applyBatch': (ctx, { csv }) => ({ rows: judgeBatch(ctx, csv).map((row) => shipRow(ctx, row)) }),
});
