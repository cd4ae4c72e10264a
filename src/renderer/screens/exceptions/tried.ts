import type { IntentPayload, IntentType } from '../../../shared/contract/sync';
import { formatFen } from '../../../shared/domain/money';
import { fill } from '../../i18n/fill';
import type { Locale } from '../../i18n';
import type { Messages } from '../../i18n/zh-CN';
import { dateTime } from '../../lib/format';
import { carrierName } from '../detail/carrier-name';

interface Words {
  m: Messages;
  locale: Locale;
}

type Describe<T extends IntentType> = (payload: IntentPayload<T>, words: Words) => string;

const money = (fen: number) => formatFen(fen, { symbol: true });
const reason = ({ m }: Words, text: string) => fill(m.exceptions.triedReason, { reason: text });

/**
 * What each kind of intent tried, in the user's words: the inbox must say what was attempted
 * (carrier and tracking number of a refused shipment, the lines of a dealer order) for every type.
 * The compiler checks no intent type is missing.
 */
export const TRIED: { [T in IntentType]: Describe<T> } = {
  SHIP: (p, { m, locale }) =>
    p.parcels
      .map((parcel) =>
        fill(m.exceptions.triedParcel, {
          carrier: carrierName(parcel.carrier, locale),
          trackingNo: parcel.trackingNo,
          n: parcel.lines.reduce((sum, l) => sum + l.quantity, 0),
        }),
      )
      .join('；'),
  REDEEM: (p, { m, locale }) =>
    fill(m.exceptions.triedRedeem, { code: `****${p.code.slice(-2)}`, time: dateTime(p.redeemedAt, locale) }),
  UNDO_REDEMPTION: (p, w) => reason(w, p.reason),
  CREATE_DEALER_ORDER: (p, { m }) =>
    fill(m.exceptions.triedDealerOrder, {
      orderNo: p.orderNo,
      lines: p.lines.length,
      payable: money(p.expectedPayable),
      receiver: p.receiver.name,
    }),
  CANCEL: (p, w) => reason(w, p.reason),
  LOCK: (p, w) => reason(w, p.reason),
  UNLOCK: (_p, { m }) => m.exceptions.types.UNLOCK ?? '',
  NOTE: (p, { m }) => fill(m.exceptions.triedNote, { text: p.text }),
  TRACKING_EVENT: (p, { m }) =>
    fill(m.floor.tried.tracking, {
      trackingNo: p.trackingNo,
      status: m.floor.trackingStatus[p.status],
      description: p.description,
    }),
  SPLIT: (p, { m }) => fill(m.floor.tried.split, { n: p.parts.length }),
  UNSPLIT: (_p, { m }) => m.floor.tried.unsplit,
  MERGE: (p, { m }) => fill(m.floor.tried.merge, { orderNos: p.orderNos.filter((n) => n !== p.orderNo).join('、') }),
  UNMERGE: (_p, { m }) => m.floor.tried.unmerge,
  AFTER_SALE_APPROVE: (p, { m }) => fill(m.exceptions.triedAfterSale, { id: p.afterSaleId }),
  AFTER_SALE_REJECT: (p, w) => `${fill(w.m.exceptions.triedAfterSale, { id: p.afterSaleId })}，${reason(w, p.reason)}`,
  AFTER_SALE_RECEIVE_RETURN: (p, { m }) => fill(m.exceptions.triedAfterSale, { id: p.afterSaleId }),
  AFTER_SALE_RETURN_PARCEL: (p, { m, locale }) =>
    `${fill(m.exceptions.triedAfterSale, { id: p.afterSaleId })}，${carrierName(p.carrier, locale)} ${p.trackingNo}`,
  AFTER_SALE_REFUND: (p, { m }) => fill(m.exceptions.triedAfterSale, { id: p.afterSaleId }),
  AFTER_SALE_SHIP_EXCHANGE: (p, { m, locale }) =>
    `${fill(m.exceptions.triedAfterSale, { id: p.afterSaleId })}，${carrierName(p.carrier, locale)} ${p.trackingNo}`,
};

/** What an intent in the inbox tried; a payload of an unknown shape still says something. */
export function triedText(type: string, payload: unknown, words: Words): string {
  const describe = (TRIED as Record<string, ((p: unknown, w: Words) => string) | undefined>)[type];
  try {
    const text = describe?.(payload, words);
    if (text) return text;
  } catch {
    // A payload of an older shape: fall through to the type's name.
  }
  return words.m.exceptions.types[type] ?? words.m.exceptions.unknownIntent;
}
