import type { OrderDetail } from '../../../shared/contract/orders';
import { Button, Card, Space, Tag, Timeline, Typography } from 'antd';
import { fill, useI18n, useMessages } from '../../i18n';
import { dateTime } from '../../lib/format';
import { carrierName } from './carrier-name';
import { Fields, Module, None } from './parts';

const WAYBILL_COLORS = { IN_TRANSIT: 'blue', DELIVERED: 'green', RETURNED: 'red' } as const;

/** Every parcel: carrier, number, state, what is inside, and its tracking events newest first. */
export function LogisticsModule({
  order,
  onEnterEvent,
}: {
  order: OrderDetail;
  /** Staff enter what a carrier told them about a parcel (录入物流); absent for those who may not. */
  onEnterEvent?: (trackingNo: string) => void;
}) {
  const m = useMessages();
  const locale = useI18n((s) => s.locale);
  const t = m.detail.waybill;
  const lineName = new Map(order.lines.map((l) => [l.lineNo, `${l.name} ${l.spec}`.trim()]));
  return (
    <Module id="logistics" title={m.detail.module.logistics} wide>
      {order.waybills.length === 0 && <None>{t.none}</None>}
      {order.waybills.map((w, i) => (
        <Card
          key={w.id}
          type="inner"
          size="small"
          className="waybill"
          data-tracking-no={w.trackingNo}
          title={fill(t.parcel, { n: i + 1 })}
          extra={
            <Space size={8}>
              <Tag color={WAYBILL_COLORS[w.status]}>{t[w.status]}</Tag>
              {onEnterEvent && w.status === 'IN_TRANSIT' && (
                <Button size="small" data-testid="enter-tracking" onClick={() => onEnterEvent(w.trackingNo)}>
                  {m.floor.entry.button}
                </Button>
              )}
            </Space>
          }
        >
          <Fields
            rows={[
              [t.carrier, carrierName(w.carrier, locale)],
              [t.trackingNo, <span className="mono">{w.trackingNo}</span>],
              [t.courier, w.courier],
              [t.shippedAt, dateTime(w.shippedAt, locale)],
              [t.signedAt, dateTime(w.signedAt, locale)],
              [t.items, w.lines.map((l) => `${lineName.get(l.lineNo) ?? l.lineNo} × ${l.quantity}`).join('；')],
            ]}
          />
          <Typography.Text type="secondary" className="events-title">
            {t.events}
          </Typography.Text>
          {w.events.length === 0 ? (
            <None>{t.noEvents}</None>
          ) : (
            <Timeline
              className="timeline"
              items={[...w.events]
                .sort((a, b) => b.at - a.at)
                .map((e, j) => ({
                  key: `${e.at}-${j}`,
                  color: j === 0 ? 'green' : 'gray',
                  content: (
                    <div className="timeline-entry">
                      <time>{dateTime(e.at, locale)}</time>
                      <span className="text">{e.text}</span>
                    </div>
                  ),
                }))}
            />
          )}
        </Card>
      ))}
    </Module>
  );
}
