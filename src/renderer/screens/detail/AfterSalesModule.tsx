import type { SessionInfo } from '../../../shared/contract/api';
import type { OrderDetail } from '../../../shared/contract/orders';
import type { AfterSaleRecord } from '../../../shared/contract/records';
import { afterSaleActionsInPlay, type DeskAfterSaleAction } from '../../../shared/domain/action-availability';
import { Card, Space } from 'antd';
import { Amount } from '../../components/Amount';
import { AfterSaleStatusTag } from '../../components/StatusTag';
import { useI18n, useMessages } from '../../i18n';
import { dateTime } from '../../lib/format';
import { afterSaleActionsFor } from './availability';
import { ActionButton, Fields, Module, None } from './parts';

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
            </Space>
          </Card>
        );
      })}
    </Module>
  );
}
