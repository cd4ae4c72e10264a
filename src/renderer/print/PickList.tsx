import type { OrderDetail } from '../../shared/contract/orders';
import { fill, useI18n, useMessages } from '../i18n';
import { dateTime } from '../lib/format';
import { Barcode } from './Barcode';
import { pickList } from './pick-list';

/** One pick list for many orders: a walk along the shelves, then the orders to pack it into. */
export function PickList({ orders, printedAt }: { orders: OrderDetail[]; printedAt: number }) {
  const m = useMessages();
  const t = m.print;
  const locale = useI18n((s) => s.locale);
  const rows = pickList(orders);
  const pieces = rows.reduce((n, r) => n + r.quantity, 0);
  return (
    <article className="print-page pick-list" data-testid="pick-list">
      <header className="slip-head">
        <div>
          <h2>{t.pickTitle}</h2>
          <div>{fill(t.pickSummary, { orders: orders.length, skus: rows.length, pieces })}</div>
        </div>
        <div className="printed-at">{fill(t.printedAt, { time: dateTime(printedAt, locale) })}</div>
      </header>
      {rows.length === 0 ? (
        <p>{t.nothingToPick}</p>
      ) : (
        <table className="slip-items">
          <thead>
            <tr>
              <th>{t.sku}</th>
              <th>{t.item}</th>
              <th>{t.spec}</th>
              <th className="num">{t.quantity}</th>
              <th>{t.pickOrders}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.sku} data-sku={row.sku}>
                <td className="mono">{row.sku}</td>
                <td>{row.name}</td>
                <td>{row.spec}</td>
                <td className="num" data-testid="pick-quantity">
                  {row.quantity}
                </td>
                <td className="mono pick-orders">{row.orders.map((o) => `${o.orderNo} ×${o.quantity}`).join('\n')}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={3}>{t.total}</td>
              <td className="num">{pieces}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      )}
      <h3>{t.ordersInList}</h3>
      <ul className="pick-order-codes">
        {orders.map((o) => (
          <li key={o.orderNo}>
            <Barcode value={o.orderNo} moduleMm={0.3} heightMm={8} />
            <span className="mono">{o.orderNo}</span>
          </li>
        ))}
      </ul>
      <footer className="slip-foot">{t.checkedBy}</footer>
    </article>
  );
}
