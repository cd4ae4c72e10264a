import type { AfterSaleRecord, OrderRecord } from '../../shared/contract/records';
import { carrierByCode } from '../../shared/domain/carriers';
import type { OutboundEventType } from '../../shared/domain/shops';
import type { AfterSaleStatus } from '../../shared/domain/vocabulary';

export { OUTBOUND_EVENT_TYPES, type OutboundEventType } from '../../shared/domain/shops';

/** A line as the source knows it: our SKU and line, and its own ids when the order came with them. */
export interface SourceLine {
  lineNo: number;
  sku: string;
  quantity: number;
  platformLineId: string | null;
  platformItemId: string | null;
  platformSkuId: string | null;
}

export interface OutboundEvent {
  type: OutboundEventType;
  data: Record<string, unknown>;
}

/** Where the child's lines came from in the shop's order (line_map of the external order). */
export type LineSource = (lineNo: number) => Omit<SourceLine, 'lineNo' | 'sku' | 'quantity'>;

const NO_SOURCE: LineSource = () => ({ platformLineId: null, platformItemId: null, platformSkuId: null });

function sourceLines(
  record: OrderRecord,
  lines: ReadonlyArray<{ lineNo: number; quantity: number }>,
  source: LineSource,
): SourceLine[] {
  return lines.map(({ lineNo, quantity }) => ({
    lineNo,
    sku: record.lines.find((l) => l.lineNo === lineNo)?.sku ?? '',
    quantity,
    ...source(lineNo),
  }));
}

const moved = (before: AfterSaleRecord | undefined, after: AfterSaleRecord, to: readonly AfterSaleStatus[]) =>
  before !== undefined && before.status !== after.status && to.includes(after.status);

const afterSaleData = (record: OrderRecord, request: AfterSaleRecord, source: LineSource) => ({
  afterSaleNo: request.afterSaleNo,
  afterSaleType: request.type,
  amount: request.amount,
  lines: sourceLines(record, request.lines, source),
});

type Rule = (before: OrderRecord, after: OrderRecord, source: LineSource) => OutboundEvent[];

const RULES: readonly Rule[] = [
  // New parcels: carrier and tracking number each, with the lines inside.
  (before, after, source) => {
    const known = new Set(before.waybills.map((w) => w.id));
    const parcels = after.waybills.filter((w) => !known.has(w.id));
    if (parcels.length === 0) return [];
    return [
      {
        type: 'order.shipped',
        data: {
          parcels: parcels.map((w) => ({
            carrier: w.carrier,
            carrierName: carrierByCode(w.carrier)?.nameZh ?? w.carrier,
            trackingNo: w.trackingNo,
            shippedAt: w.shippedAt,
            lines: sourceLines(after, w.lines, source),
          })),
          allShipped: after.status !== 'PENDING_SHIPMENT',
        },
      },
    ];
  },
  (before, after) =>
    before.status !== 'CANCELLED' && after.status === 'CANCELLED'
      ? [
          {
            type: 'order.cancelled',
            data: { reason: [...after.timeline].reverse().find((t) => t.action === 'CANCEL')?.detail ?? '' },
          },
        ]
      : [],
  (before, after, source) =>
    after.afterSales.flatMap((request): OutboundEvent[] => {
      const previous = before.afterSales.find((a) => a.id === request.id);
      const events: OutboundEvent[] = [];
      if (moved(previous, request, ['PENDING_REFUND', 'AWAITING_RETURN', 'AWAITING_EXCHANGE_RETURN']))
        events.push({ type: 'refund.approved', data: afterSaleData(after, request, source) });
      if (moved(previous, request, ['REJECTED']))
        events.push({
          type: 'refund.refused',
          data: { ...afterSaleData(after, request, source), reason: request.rejectReason ?? '' },
        });
      if (moved(previous, request, ['SUCCEEDED']) && request.type !== 'EXCHANGE')
        events.push({ type: 'refund.paid', data: afterSaleData(after, request, source) });
      return events;
    }),
  (before, after) =>
    after.receiver !== null && JSON.stringify(before.receiver) !== JSON.stringify(after.receiver)
      ? [{ type: 'order.address_changed', data: { receiver: after.receiver } }]
      : [],
];

/**
 * The events a change of an order raises, in the table's order. A new order raises none: its
 * source sent it. Only orders from a shop have anyone to tell.
 */
export function outboundEventsOf(
  before: OrderRecord | null,
  after: OrderRecord,
  source: LineSource = NO_SOURCE,
): OutboundEvent[] {
  if (!before || !after.external) return [];
  return RULES.flatMap((rule) => rule(before, after, source));
}
