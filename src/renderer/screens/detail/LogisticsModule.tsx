import type { OrderDetail } from '../../../shared/contract/orders';
import { fill, useI18n, useMessages } from '../../i18n';
import { dateTime } from '../../lib/format';
import { carrierName } from './carrier-name';
import { Fields, Module } from './parts';

/** Every parcel: carrier, number, state, what is inside, and its tracking events newest first. */
export function LogisticsModule({ order }: { order: OrderDetail }) {
  const m = useMessages();
  const locale = useI18n((s) => s.locale);
  const t = m.detail.waybill;
  const lineName = new Map(order.lines.map((l) => [l.lineNo, `${l.name} ${l.spec}`.trim()]));
  return (
    <Module id="logistics" title={m.detail.module.logistics}>
      {order.waybills.length === 0 && <p className="muted">{t.none}</p>}
      {order.waybills.map((w, i) => (
        <article key={w.id} className="waybill" data-tracking-no={w.trackingNo}>
          <h4>{fill(t.parcel, { n: i + 1 })}</h4>
          <Fields
            rows={[
              [t.carrier, carrierName(w.carrier, locale)],
              [t.trackingNo, <span className="mono">{w.trackingNo}</span>],
              [t.status, t[w.status]],
              [t.courier, w.courier],
              [t.shippedAt, dateTime(w.shippedAt, locale)],
              [t.signedAt, dateTime(w.signedAt, locale)],
              [t.items, w.lines.map((l) => `${lineName.get(l.lineNo) ?? l.lineNo} × ${l.quantity}`).join('；')],
            ]}
          />
          <h5>{t.events}</h5>
          {w.events.length === 0 ? (
            <p className="muted">{t.noEvents}</p>
          ) : (
            <ol className="timeline">
              {[...w.events]
                .sort((a, b) => b.at - a.at)
                .map((e, j) => (
                  <li key={`${e.at}-${j}`}>
                    <time>{dateTime(e.at, locale)}</time>
                    <span className="text">{e.text}</span>
                  </li>
                ))}
            </ol>
          )}
        </article>
      ))}
    </Module>
  );
}
