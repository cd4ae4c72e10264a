import type { OrderDetail } from '../../../shared/contract/orders';
import { fill, useI18n, useMessages } from '../../i18n';
import { dateTime, money } from '../../lib/format';
import { Fields, Module } from './parts';

type Props = { order: OrderDetail };

export function BasicModule({ order }: Props) {
  const m = useMessages();
  const locale = useI18n((s) => s.locale);
  const f = m.detail.field;
  const place = [order.warehouseId, order.storeId, order.dealerId].filter(Boolean).join(' / ');
  return (
    <Module id="basic" title={m.detail.module.basic}>
      <Fields
        rows={[
          [f.orderNo, order.orderNo],
          [f.kind, m.kind[order.kind]],
          [f.source, m.source[order.source]],
          [f.platform, m.platform[order.platform]],
          [f.status, m.status[order.status]],
          [f.paymentStatus, m.paymentStatus[order.paymentStatus]],
          [f.refundStatus, m.refundStatus[order.refundStatus]],
          [f.merchant, order.merchantName],
          [f.place, place],
          [f.buyer, `${order.buyer.name} · ${order.buyer.account} · ${order.buyer.level}`],
          [f.createdAt, dateTime(order.createdAt, locale)],
          [f.paidAt, dateTime(order.paidAt, locale)],
          [f.shippedAt, dateTime(order.shippedAt, locale)],
          [f.completedAt, dateTime(order.completedAt, locale)],
          [m.detail.module.remark, order.remark],
        ]}
      />
    </Module>
  );
}

export function ItemsModule({ order }: Props) {
  const m = useMessages();
  const t = m.detail.item;
  return (
    <Module id="items" title={m.detail.module.items}>
      <table className="detail-table">
        <thead>
          <tr>
            <th>{t.name}</th>
            <th>{t.sku}</th>
            <th className="num">{t.unitPrice}</th>
            <th className="num">{t.quantity}</th>
            <th className="num">{t.discount}</th>
            <th className="num">{t.payable}</th>
            <th className="num">{t.shipped}</th>
            <th className="num">{t.refunded}</th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((line) => (
            <tr key={line.lineNo} data-line-no={line.lineNo}>
              <td className="item-cell">
                {line.image && (
                  <img
                    src={line.image}
                    alt=""
                    width={32}
                    height={32}
                    loading="lazy"
                    // The snapshot keeps the image address; offline or gone, the name and spec still say what it is.
                    onError={(e) => (e.currentTarget.style.visibility = 'hidden')}
                  />
                )}
                <span>
                  {line.name}
                  <small>{line.spec}</small>
                </span>
              </td>
              <td>{line.sku}</td>
              <td className="num">{money(line.unitPrice)}</td>
              <td className="num">{line.quantity}</td>
              <td className="num">{money(line.discount)}</td>
              <td className="num">{money(line.payable)}</td>
              <td className="num">{line.shippedQuantity}</td>
              <td className="num">{line.refundedQuantity}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Module>
  );
}

export function ReceiverModule({ order }: Props) {
  const m = useMessages();
  const f = m.detail.field;
  const r = order.receiver;
  if (!r) return null;
  return (
    <Module id="receiver" title={m.detail.module.receiver}>
      <Fields
        rows={[
          [f.name, r.name],
          [f.phone, r.phone],
          [f.address, `${r.province} ${r.city} ${r.district} ${r.address}`],
          [f.postcode, r.postcode],
        ]}
      />
    </Module>
  );
}

/** The breakdown line by line: what was added, then each deduction, then what was paid. */
export function PaymentModule({ order }: Props) {
  const m = useMessages();
  const a = order.amounts;
  const t = m.detail.amount;
  const minus = (fen: number) => (fen > 0 ? `− ${money(fen)}` : money(0));
  const rows: Array<[string, string]> = [
    [m.detail.field.channel, order.payment.channel ? m.channel[order.payment.channel] : ''],
    [m.detail.field.serialNo, order.payment.serialNo ?? ''],
    [t.goodsTotal, money(a.goodsTotal)],
    [t.freight, money(a.freight)],
    [t.couponDiscount, minus(a.couponDiscount)],
    [t.campaignDiscount, minus(a.campaignDiscount)],
    [t.memberDiscount, minus(a.memberDiscount)],
    [t.memberBenefit, minus(a.memberBenefit)],
    [fill(t.pointsDeduction, { points: a.pointsUsed }), minus(a.pointsDeduction)],
    [t.coinDeduction, minus(a.coinDeduction)],
    [t.payable, money(a.payable)],
    [t.paid, money(a.paid)],
    // Bought from the insurer beside the order: shown after what was paid, never added to it.
    [t.freightInsurance, money(a.freightInsurance)],
  ];
  return (
    <Module id="payment" title={m.detail.module.payment}>
      <Fields rows={rows} />
    </Module>
  );
}

export function PromotionsModule({ order }: Props) {
  const m = useMessages();
  return (
    <Module id="promotions" title={m.detail.module.promotions}>
      {order.promotions.length === 0 ? (
        <p className="muted">{m.detail.noPromotions}</p>
      ) : (
        <ul className="plain">
          {order.promotions.map((p) => (
            <li key={`${p.kind}-${p.refId}`}>
              {m.detail.promotionKind[p.kind]} · {p.name} · − {money(p.amount)}
            </li>
          ))}
        </ul>
      )}
    </Module>
  );
}

export function InvoiceModule({ order }: Props) {
  const m = useMessages();
  const inv = order.invoice;
  const t = m.detail.invoice;
  return (
    <Module id="invoice" title={m.detail.module.invoice}>
      {!inv || inv.type === 'NONE' ? (
        <p className="muted">{t.none}</p>
      ) : (
        <Fields
          rows={[
            [t.type, `${m.detail.invoiceType[inv.type]} · ${m.detail.invoiceTitleType[inv.titleType]}`],
            [t.title, inv.title],
            [t.taxNo, inv.taxNo],
            [t.content, inv.content],
          ]}
        />
      )}
    </Module>
  );
}

export function TimelineModule({ order }: Props) {
  const m = useMessages();
  const locale = useI18n((s) => s.locale);
  const t = m.detail.timeline;
  const entries = [...order.timeline].sort((a, b) => b.at - a.at);
  return (
    <Module id="timeline" title={m.detail.module.timeline}>
      {entries.length === 0 ? (
        <p className="muted">{t.none}</p>
      ) : (
        <ol className="timeline">
          {entries.map((e, i) => (
            <li key={`${e.at}-${i}`} data-action={e.action}>
              <time>{dateTime(e.at, locale)}</time>
              <span className="actor">
                {e.actor} · {e.device}
              </span>
              <span className="text">{e.detail}</span>
            </li>
          ))}
        </ol>
      )}
    </Module>
  );
}
