import { Table, Timeline } from 'antd';
import type { OrderDetail } from '../../../shared/contract/orders';

type Line = OrderDetail['lines'][number];
import { Amount } from '../../components/Amount';
import { OrderStatusTag, PaymentStatusTag, RefundStatusTag } from '../../components/StatusTag';
import { fill, useI18n, useMessages } from '../../i18n';
import { dateTime } from '../../lib/format';
import { actorName, deviceName, placeName } from '../../lib/names';
import { useNames } from '../../stores/names';
import { Fields, Module, None } from './parts';
import { carrierName } from './carrier-name';

type Props = { order: OrderDetail };

export function BasicModule({ order }: Props) {
  const m = useMessages();
  const locale = useI18n((s) => s.locale);
  const f = m.detail.field;
  const directory = useNames((s) => s.directory);
  const place = [order.warehouseId, order.storeId, order.dealerId]
    .flatMap((id) => (id ? [placeName(id, directory)] : []))
    .join(' / ');
  return (
    <Module id="basic" title={m.detail.module.basic}>
      <Fields
        rows={[
          [f.orderNo, order.orderNo],
          [f.kind, m.kind[order.kind]],
          [f.source, m.source[order.source]],
          [f.platform, m.platform[order.platform]],
          ...(order.external
            ? ([
                [f.shop, `${order.external.shopName} · ${m.admin.channel[order.external.channel]}`],
                [f.externalOrderNo, order.external.externalOrderNo],
              ] as Array<[string, string]>)
            : []),
          ...(order.exception
            ? ([
                [
                  f.exception,
                  order.exception.reasons.map((r) => `${m.admin.exceptionReason[r.code]}：${r.detail}`).join('；'),
                ],
              ] as Array<[string, string]>)
            : []),
          [f.status, <OrderStatusTag status={order.status} />],
          [f.paymentStatus, <PaymentStatusTag status={order.paymentStatus} />],
          [f.refundStatus, <RefundStatusTag status={order.refundStatus} />],
          [f.merchant, order.merchantName],
          [f.place, place],
          // A platform's buyer often comes with an account only: no name, no level.
          [f.buyer, [order.buyer.name, order.buyer.account, order.buyer.level].filter(Boolean).join(' · ')],
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
  const count = (n: number) => <span className="amount">{n}</span>;
  return (
    <Module id="items" title={m.detail.module.items} wide>
      <Table<Line>
        className="detail-table"
        size="small"
        pagination={false}
        rowKey="lineNo"
        dataSource={order.lines}
        onRow={(l) => ({ 'data-line-no': l.lineNo }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            key: 'name',
            title: t.name,
            render: (_, l) => (
              <span className="item-cell">
                {l.image && (
                  <img
                    src={l.image}
                    alt=""
                    width={32}
                    height={32}
                    loading="lazy"
                    // The snapshot keeps the image address; offline or gone, the name and spec still say what it is.
                    onError={(e) => (e.currentTarget.style.visibility = 'hidden')}
                  />
                )}
                <span>
                  {l.name}
                  <small>{l.spec}</small>
                </span>
              </span>
            ),
          },
          { key: 'sku', title: t.sku, dataIndex: 'sku' },
          { key: 'unitPrice', title: t.unitPrice, align: 'right', render: (_, l) => <Amount fen={l.unitPrice} /> },
          { key: 'quantity', title: t.quantity, align: 'right', render: (_, l) => count(l.quantity) },
          { key: 'discount', title: t.discount, align: 'right', render: (_, l) => <Amount fen={l.discount} /> },
          { key: 'payable', title: t.payable, align: 'right', render: (_, l) => <Amount fen={l.payable} strong /> },
          { key: 'shipped', title: t.shipped, align: 'right', render: (_, l) => count(l.shippedQuantity) },
          { key: 'refunded', title: t.refunded, align: 'right', render: (_, l) => count(l.refundedQuantity) },
        ]}
      />
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
  const money = (fen: number) => <Amount fen={fen} />;
  const minus = (fen: number) => <Amount fen={fen} negative={fen > 0} />;
  const rows: Array<[string, React.ReactNode]> = [
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
    [t.payable, <Amount fen={a.payable} strong />],
    [t.paid, <Amount fen={a.paid} strong />],
    // Bought from the insurer beside the order: shown after what was paid, never added to it.
    [t.freightInsurance, money(a.freightInsurance)],
  ];
  return (
    <Module id="payment" title={m.detail.module.payment}>
      <div className="amount-fields">
        <Fields rows={rows} />
      </div>
    </Module>
  );
}

export function PromotionsModule({ order }: Props) {
  const m = useMessages();
  return (
    <Module id="promotions" title={m.detail.module.promotions}>
      {order.promotions.length === 0 ? (
        <None>{m.detail.noPromotions}</None>
      ) : (
        <ul className="plain">
          {order.promotions.map((p) => (
            <li key={`${p.kind}-${p.refId}`}>
              {m.detail.promotionKind[p.kind]} · {p.name} · <Amount fen={p.amount} negative />
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
        <None>{t.none}</None>
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
  const directory = useNames((s) => s.directory);
  const locale = useI18n((s) => s.locale);
  const t = m.detail.timeline;
  // Newest first; entries of the same moment too (a platform order created, paid and asked a refund of at once).
  const entries = [...order.timeline].reverse().sort((a, b) => b.at - a.at);
  const parties = {
    buyer: order.buyer,
    ...(order.external ? { shop: { id: order.external.shopId, name: order.external.shopName } } : {}),
    carrierName: (code: string) => carrierName(code, locale),
  };
  return (
    <Module id="timeline" title={m.detail.module.timeline} wide>
      {entries.length === 0 ? (
        <None>{t.none}</None>
      ) : (
        <Timeline
          className="timeline"
          items={entries.map((e, i) => ({
            key: `${e.at}-${i}`,
            color: i === 0 ? 'blue' : 'gray',
            content: (
              <div className="timeline-entry" data-action={e.action}>
                <time>{dateTime(e.at, locale)}</time>
                <span className="actor">
                  {actorName(e.actor, directory, m, parties)} · {deviceName(e.device, directory, m)}
                </span>
                <span className="text">{e.detail}</span>
              </div>
            ),
          }))}
        />
      )}
    </Module>
  );
}
