import type { SessionInfo } from '../../../shared/contract/api';
import type { OrderDetail } from '../../../shared/contract/orders';
import type { AfterSaleRecord } from '../../../shared/contract/records';
import { afterSaleActionsInPlay, type DeskAfterSaleAction } from '../../../shared/domain/action-availability';
import { Button, Card, Space } from 'antd';
import type { ReactNode } from 'react';
import { can } from '../../../shared/domain/rights';
import { Amount } from '../../components/Amount';
import { AfterSaleStatusTag } from '../../components/StatusTag';
import { useI18n, useMessages } from '../../i18n';
import { dateTime } from '../../lib/format';
import { afterSaleActionsFor } from './availability';
import { carrierName } from './carrier-name';
import { ActionButton, Fields, Module, None } from './parts';

interface Props {
  order: OrderDetail;
  session: SessionInfo;
  onAction(action: DeskAfterSaleAction, request: AfterSaleRecord): void;
  /** Staff write down the buyer's return parcel (录入退货快递). */
  onReturnParcel(request: AfterSaleRecord): void;
}

/** A request whose goods come back in a parcel that has not arrived yet. */
const PARCEL_EXPECTED = new Set(['PENDING_REVIEW', 'AWAITING_RETURN', 'AWAITING_EXCHANGE_RETURN']);

/** Each request with the staff actions its state admits; one the viewer may not take says why. */
export function AfterSalesModule({ order, session, onAction, onReturnParcel }: Props) {
  const m = useMessages();
  const locale = useI18n((s) => s.locale);
  const t = m.detail.afterSale;
  const lineName = new Map(order.lines.map((l) => [l.lineNo, l.name]));
  const mayReceive = can(session.role, 'aftersales.receiveReturn');
  return (
    <Module id="after-sales" title={m.detail.module.afterSales} wide>
      {order.afterSales.length === 0 && <None>{t.none}</None>}
      {order.afterSales.map((request) => {
        const availability = afterSaleActionsFor(session, order, request);
        return (
          <Card
            key={request.id}
            type="inner"
            size="small"
            className="after-sale"
            data-after-sale-no={request.afterSaleNo}
            data-status={request.status}
            title={
              <Space size={8}>
                <span>{request.afterSaleNo}</span>
                <span>{m.detail.afterSaleType[request.type]}</span>
                <AfterSaleStatusTag status={request.status}>
                  <span className="after-sale-status">{m.detail.afterSaleStatus[request.status]}</span>
                </AfterSaleStatusTag>
              </Space>
            }
          >
            <Fields
              rows={[
                [t.reason, request.reason],
                [t.amount, <Amount fen={request.amount} />],
                [t.lines, request.lines.map((l) => `${lineName.get(l.lineNo) ?? l.lineNo} × ${l.quantity}`).join('；')],
                [t.createdAt, dateTime(request.createdAt, locale)],
                ...(request.rejectReason ? [[t.rejectReason, request.rejectReason] as [string, string]] : []),
                ...(request.returnShipment
                  ? [
                      [
                        m.floor.returnParcel.field,
                        <span className="mono" data-testid="return-parcel">
                          {carrierName(request.returnShipment.carrier, locale)} {request.returnShipment.trackingNo}
                        </span>,
                      ] as [string, ReactNode],
                    ]
                  : []),
              ]}
            />
            <Space wrap className="actions">
              {afterSaleActionsInPlay(request).map((action, i) => (
                <ActionButton
                  key={action}
                  label={m.detail.action[action]}
                  availability={availability[action]}
                  primary={i === 0}
                  testId={`action-${action}`}
                  onClick={() => onAction(action, request)}
                />
              ))}
              {mayReceive && request.type !== 'REFUND_ONLY' && PARCEL_EXPECTED.has(request.status) && (
                <Button size="small" data-testid="action-RETURN_PARCEL" onClick={() => onReturnParcel(request)}>
                  {m.floor.returnParcel.button}
                </Button>
              )}
            </Space>
          </Card>
        );
      })}
    </Module>
  );
}
