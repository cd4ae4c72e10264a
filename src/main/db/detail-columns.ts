import type {
  InvoiceRecord,
  OrderRecord,
  PromotionRecord,
  ReceiverRecord,
  TimelineRecord,
  WaybillRecord,
} from '../../shared/contract/records';

/**
 * What only the detail view reads of an order — the receiver's address, promotions, invoice, the
 * timeline, each parcel's contents and tracking events — kept as one compact JSON value per order
 * (order_details.detail) rather than as rows: nothing filters or sorts by them, and a row per
 * timeline entry and tracking event made most of an order's writes and half the store's size
 * (docs/performance.md). Tuples instead of objects, so no key is stored a million times. Parcels
 * follow the order's waybills (their rows, local ids in array order) position by position.
 */
interface StoredDetail {
  /** The receiver's district, address and postcode; name, phone, province and city are list columns. */
  r: [string, string, string] | null;
  p: Array<[PromotionRecord['kind'], string, string, number]>;
  i: [InvoiceRecord['type'], InvoiceRecord['titleType'], string, string, string] | null;
  t: Array<[number, string, string, string, string]>;
  /** Per waybill: its lines [lineNo, quantity] and its events [at, text]. */
  w: Array<[Array<[number, number]>, Array<[number, string]>]>;
}

export function detailOf(r: OrderRecord): string {
  const rc = r.receiver;
  const inv = r.invoice;
  const stored: StoredDetail = {
    r: rc ? [rc.district, rc.address, rc.postcode] : null,
    p: r.promotions.map((p) => [p.kind, p.refId, p.name, p.amount]),
    i: inv ? [inv.type, inv.titleType, inv.title, inv.taxNo, inv.content] : null,
    t: r.timeline.map((e) => [e.at, e.actor, e.device, e.action, e.detail]),
    w: r.waybills.map((w) => [w.lines.map((l) => [l.lineNo, l.quantity]), w.events.map((e) => [e.at, e.text])]),
  };
  return JSON.stringify(stored);
}

export interface DetailParts {
  receiver(list: {
    name: string | null;
    phone: string | null;
    province: string | null;
    city: string | null;
  }): ReceiverRecord | null;
  promotions: PromotionRecord[];
  invoice: InvoiceRecord | null;
  timeline: TimelineRecord[];
  /** The i-th waybill's lines and events. */
  parcel(i: number): Pick<WaybillRecord, 'lines' | 'events'>;
}

export function detailParts(json: string): DetailParts {
  const d = JSON.parse(json) as StoredDetail;
  return {
    receiver: ({ name, phone, province, city }) =>
      d.r && name !== null && phone !== null && province !== null && city !== null
        ? { name, phone, province, city, district: d.r[0], address: d.r[1], postcode: d.r[2] }
        : null,
    promotions: d.p.map(([kind, refId, name, amount]) => ({ kind, refId, name, amount })),
    invoice: d.i ? { type: d.i[0], titleType: d.i[1], title: d.i[2], taxNo: d.i[3], content: d.i[4] } : null,
    timeline: d.t.map(([at, actor, device, action, detail]) => ({ at, actor, device, action, detail })),
    parcel: (i) => {
      const [lines, events] = d.w[i] ?? [[], []];
      return {
        lines: lines.map(([lineNo, quantity]) => ({ lineNo, quantity })),
        events: events.map(([at, text]) => ({ at, text })),
      };
    },
  };
}
