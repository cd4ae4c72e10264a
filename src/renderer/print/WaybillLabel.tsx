import type { LabelSize, LabelToPrint } from '../../shared/contract/floor';
import { useI18n, useMessages } from '../i18n';
import { carrierName } from '../screens/detail/carrier-name';
import { Barcode } from './Barcode';

/** Items as one line a packer can check at a glance: "纯棉短袖T恤 白色/M×2；保温杯×1" (a merge's orders too). */
const itemSummary = (label: LabelToPrint): string =>
  [...label.order.lines, ...label.mergedWith.flatMap((o) => o.lines)]
    .map((l) => `${l.name}${l.spec ? ` ${l.spec.replace(/[^;:]+:/g, '')}` : ''}×${l.quantity}`)
    .join('；');

/** The tracking barcode's module: 100 mm stock takes a wider, easier-read bar than 76 mm. */
const MODULE_MM: Record<LabelSize, number> = { '100x150': 0.33, '76x130': 0.25 };

/**
 * One 电子面单 on thermal stock (100×150 or 76×130 mm): carrier and tracking number as Code 128 on
 * top (the courier scans it), receiver large, sender, order number, what is inside. Black on white
 * only: a thermal head prints no grey.
 */
export function WaybillLabel({ label, size }: { label: LabelToPrint; size: LabelSize }) {
  const m = useMessages();
  const t = m.floor.label;
  const locale = useI18n((s) => s.locale);
  const r = label.order.receiver;
  return (
    <section className={`waybill-label label-${size}`} data-testid="waybill-label" data-tracking-no={label.trackingNo}>
      <header className="label-carrier">
        <strong>{carrierName(label.carrier, locale)}</strong>
        <span>{t.standard}</span>
      </header>
      <div className="label-barcode">
        <Barcode value={label.trackingNo} moduleMm={MODULE_MM[size]} heightMm={size === '100x150' ? 18 : 14} />
        <div className="label-tracking mono">{label.trackingNo}</div>
      </div>
      <div className="label-party label-receiver">
        <span className="label-tag">{t.to}</span>
        <div>
          <strong>
            {r?.name} {r?.phone}
          </strong>
          <div>
            {r?.province}
            {r?.city}
            {r?.district}
            {r?.address}
          </div>
        </div>
      </div>
      <div className="label-party label-sender">
        <span className="label-tag">{t.from}</span>
        <div>
          {label.sender.name} · {label.sender.warehouse}
        </div>
      </div>
      <div className="label-items">
        <span className="label-tag">{t.items}</span>
        <div>{itemSummary(label)}</div>
      </div>
      <footer className="label-order mono">
        {t.order} {[label.order.orderNo, ...label.mergedWith.map((o) => o.orderNo)].join(' ')}
      </footer>
    </section>
  );
}
