import type { SessionInfo } from '../../../shared/contract/api';
import type { OrderDetail } from '../../../shared/contract/orders';
import type { AfterSaleRecord } from '../../../shared/contract/records';
import { afterSaleActionsInPlay, type DeskAfterSaleAction } from '../../../shared/domain/action-availability';
import { useI18n, useMessages } from '../../i18n';
import { dateTime, money } from '../../lib/format';
import { afterSaleActionsFor } from './availability';
import { ActionButton, Fields, Module } from './parts';
import { carrierName } from './carrier-name';

interface Props {
  order: OrderDetail;
  session: SessionInfo;
  onAction(action: DeskAfterSaleAction, request: AfterSaleRecord): void;
}

/** Each request with the staff actions its state admits; one the viewer may not take says why. */
export function AfterSalesModule({ order, session, onAction }: Props) {
  const m = useMessages();
  const locale = useI18n((s) => s.locale);
  const t = m.detail.afterSale;
  const lineName = new Map(order.lines.map((l) => [l.lineNo, l.name]));
  return (
    <Module id="after-sales" title={m.detail.module.afterSales}>
      {order.afterSales.length === 0 && <p className="muted">{t.none}</p>}
      {order.afterSales.map((request) => {
        const availability = afterSaleActionsFor(session, order, request);
        return (
          <article
            key={request.id}
            className="after-sale"
            data-after-sale-no={request.afterSaleNo}
            data-status={request.status}
          >
            <h4>
              {request.afterSaleNo} · {m.detail.afterSaleType[request.type]} ·{' '}
              <span className="after-sale-status">{m.detail.afterSaleStatus[request.status]}</span>
            </h4>
            <Fields
              rows={[
                [t.reason, request.reason],
                [t.amount, money(request.amount)],
                [t.lines, request.lines.map((l) => `${lineName.get(l.lineNo) ?? l.lineNo} × ${l.quantity}`).join('；')],
                [t.createdAt, dateTime(request.createdAt, locale)],
                ...(request.rejectReason ? [[t.rejectReason, request.rejectReason] as [string, string]] : []),
                ...(request.returnShipment
                  ? [
                      [
                        t.returnShipment,
                        `${carrierName(request.returnShipment.carrier, locale)} ${request.returnShipment.trackingNo}`,
                      ] as [string, string],
                    ]
                  : []),
              ]}
            />
            <div className="actions">
              {afterSaleActionsInPlay(request).map((action) => (
                <ActionButton
                  key={action}
                  label={m.detail.action[action]}
                  availability={availability[action]}
                  onClick={() => onAction(action, request)}
                />
              ))}
            </div>
          </article>
        );
      })}
    </Module>
  );
}
