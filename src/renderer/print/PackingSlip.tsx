import type { OrderDetail } from '../../shared/contract/orders';
import { fill, useI18n, useMessages } from '../i18n';
import { dateTime } from '../lib/format';
import { carrierName } from '../screens/detail/carrier-name';
import { Barcode } from './Barcode';
import { slipContents } from './slip-contents';

/** One order's packing slip: one printed page that goes into the box with the goods. */
export function PackingSlip({ order }: { order: OrderDetail }) {
  const m = useMessages();
  const t = m.print;
  const locale = useI18n((s) => s.locale);
  const { parcels, pieces, sellerNotes } = slipContents(order);
  const r = order.receiver;
  return (
    <article className="print-page packing-slip" data-testid="packing-slip" data-order-no={order.orderNo}>
      <header className="slip-head">
        <div>
          <h2>{t.slipTitle}</h2>
          <div className="slip-order-no">
            {t.orderNo} <strong>{order.orderNo}</strong>
          </div>
        </div>
        <Barcode value={order.orderNo} />
      </header>
      <dl className="slip-facts">
        <dt>{t.orderTime}</dt>
        <dd>{dateTime(order.createdAt, locale)}</dd>
        <dt>{t.paidTime}</dt>
        <dd>{dateTime(order.paidAt, locale)}</dd>
        <dt>{t.warehouse}</dt>
        <dd>{order.warehouseId ?? t.none}</dd>
        <dt>{t.merchant}</dt>
        <dd>{order.merchantName}</dd>
      </dl>
      <dl className="slip-receiver">
        <dt>{t.receiver}</dt>
        <dd>{r?.name ?? t.none}</dd>
        <dt>{t.phone}</dt>
        <dd>{r?.phone ?? t.none}</dd>
        <dt>{t.address}</dt>
        <dd>{r ? `${r.province}${r.city}${r.district}${r.address}${r.postcode ? ` (${r.postcode})` : ''}` : t.none}</dd>
      </dl>
      <table className="slip-items">
        <thead>
          <tr>
            <th>{t.sku}</th>
            <th>{t.item}</th>
            <th>{t.spec}</th>
            <th className="num">{t.quantity}</th>
          </tr>
        </thead>
        {parcels.map((parcel, i) => (
          <tbody key={parcel.trackingNo ?? 'to-pack'}>
            {(parcels.length > 1 || parcel.trackingNo) && (
              <tr className="parcel-row">
                <th colSpan={4}>
                  {parcel.carrier && parcel.trackingNo
                    ? fill(t.parcel, {
                        n: i + 1,
                        carrier: carrierName(parcel.carrier, locale),
                        trackingNo: parcel.trackingNo,
                      })
                    : t.toPack}
                </th>
              </tr>
            )}
            {parcel.lines.map((line) => (
              <tr key={line.lineNo}>
                <td className="mono">{line.sku}</td>
                <td>{line.name}</td>
                <td>{line.spec}</td>
                <td className="num">{line.quantity}</td>
              </tr>
            ))}
          </tbody>
        ))}
        <tfoot>
          <tr>
            <td colSpan={4} className="num">
              {fill(t.pieces, { n: pieces })}
            </td>
          </tr>
        </tfoot>
      </table>
      <dl className="slip-notes">
        <dt>{t.buyerNote}</dt>
        <dd>{order.remark || t.none}</dd>
        <dt>{t.sellerNotes}</dt>
        <dd>{sellerNotes.length ? sellerNotes.join('；') : t.none}</dd>
      </dl>
      <footer className="slip-foot">{t.checkedBy}</footer>
    </article>
  );
}
