import { Alert, Drawer } from 'antd';
import { useState } from 'react';
import type { OrderDetail } from '../../../shared/contract/orders';
import type { AfterSaleRecord } from '../../../shared/contract/records';
import type { Result } from '../../../shared/contract/result';
import type { DeskAfterSaleAction, DeskOrderAction } from '../../../shared/domain/action-availability';
import { can } from '../../../shared/domain/rights';
import { api } from '../../api/client';
import { fill, useMessages } from '../../i18n';
import { useShortcuts } from '../../keyboard/shortcuts';
import { useNavigation } from '../../stores/navigation';
import { useSession } from '../../stores/session';
import { ActionBar } from './ActionBar';
import { AfterSalesModule } from './AfterSalesModule';
import { orderActionsFor } from './availability';
import {
  BasicModule,
  InvoiceModule,
  ItemsModule,
  PaymentModule,
  PromotionsModule,
  ReceiverModule,
  TimelineModule,
} from './DetailModules';
import { LinksModule } from './LinksModule';
import { LogisticsModule } from './LogisticsModule';
import { PanelDialogs, type OpenDialog } from './PanelDialogs';
import { PanelHeader } from './PanelHeader';
import { useRefusalText } from './refusal-text';
import { useOrderDetail } from './useOrderDetail';
import { LoadingState } from '../../components/States';
import { useQueuedNotice } from './useQueuedNotice';
import './detail.css';

/** The opened order over the current screen: every module, and the actions the viewer may take. */
export function OrderDetailPanel({ orderNo }: { orderNo: string }) {
  const m = useMessages();
  const session = useSession((s) => s.session);
  const closeOrder = useNavigation((s) => s.closeOrder);
  const { order, error, setOrder } = useOrderDetail(orderNo);
  const [open, setOpen] = useState<OpenDialog>(null);
  // What the last action did stays beside the actions, and follows the service's answer.
  const { notice, setNotice, queued } = useQueuedNotice(order);
  const refusalText = useRefusalText();
  const actions = order && session ? orderActionsFor(session, order) : null;

  /** s on an order that may not ship says why, next to the disabled button, rather than nothing. */
  const shipByKey = () => {
    const ship = actions?.SHIP;
    if (ship?.ok) setOpen({ kind: 'ship' });
    else if (ship) setNotice({ text: fill(m.detail.refused, { reason: m.detail.reason[ship.reason] }), ok: false });
  };

  useShortcuts(
    fill(m.detail.title, { orderNo }),
    [
      { keys: ['s'], description: m.detail.action.SHIP, run: () => shipByKey() },
      { keys: ['Escape'], description: m.detail.close, inFields: true, run: closeOrder },
    ],
    open === null,
  );

  /** Shows what an action did; answers the translated refusal for a dialog to stay open on. */
  const settle = (result: Result<OrderDetail>): string | null => {
    if (!result.ok) return refusalText(result.error);
    setOrder(result.value);
    queued(result.value);
    return null;
  };
  /** For buttons that act without a dialog: a refusal is shown next to the actions. */
  const direct = (result: Result<OrderDetail>) => {
    const failure = settle(result);
    if (failure) setNotice({ text: failure, ok: false });
  };

  const onOrderAction = (action: DeskOrderAction) => {
    if (action === 'UNLOCK') void api['orders.unlock']({ orderNo }).then(direct);
    else setOpen({ kind: ({ SHIP: 'ship', LOCK: 'lock', NOTE: 'note', CANCEL: 'cancel' } as const)[action] });
  };
  const onAfterSale = (action: DeskAfterSaleAction, request: AfterSaleRecord) => {
    if (action === 'REJECT') return setOpen({ kind: 'reject', request });
    if (action === 'SHIP_EXCHANGE') return setOpen({ kind: 'exchange', request });
    const call = {
      APPROVE: api['aftersales.approve'],
      RECEIVE_RETURN: api['aftersales.receiveReturn'],
      REFUND: api['aftersales.refund'],
    }[action];
    void call({ orderNo, afterSaleId: request.id }).then(direct);
  };

  return (
    <Drawer
      open
      className="detail-panel"
      size={Math.min(980, Math.round(window.innerWidth * 0.78))}
      title={<PanelHeader orderNo={orderNo} order={order} />}
      aria-label={fill(m.detail.title, { orderNo })}
      // Esc is the shortcut registry's (so the ? overlay lists it and a dialog's Esc shadows it).
      keyboard={false}
      onClose={closeOrder}
      closable={{ 'aria-label': m.detail.close, placement: 'end' }}
      extra={<kbd className="esc-hint">Esc</kbd>}
      footer={
        order &&
        session &&
        actions && <ActionBar order={order} actions={actions} notice={notice} onAction={onOrderAction} />
      }
      styles={{ body: { padding: 0 } }}
    >
      {error && <Alert type="error" showIcon banner role="alert" data-code={error.code} title={m.error[error.code]} />}
      {!order && !error && <LoadingState text={m.detail.loading} />}
      {order && session && actions && (
        <>
          <div className="detail-body">
            <BasicModule order={order} />
            <ReceiverModule order={order} />
            <PaymentModule order={order} />
            <PromotionsModule order={order} />
            <ItemsModule order={order} />
            <LogisticsModule
              order={order}
              onEnterEvent={
                session && can(session.role, 'orders.ship')
                  ? (trackingNo) => setOpen({ kind: 'tracking', trackingNo })
                  : undefined
              }
            />
            <InvoiceModule order={order} />
            <LinksModule order={order} />
            <AfterSalesModule
              order={order}
              session={session}
              onAction={onAfterSale}
              onReturnParcel={(request) => setOpen({ kind: 'returnParcel', request })}
            />
            <TimelineModule order={order} />
          </div>
          <PanelDialogs order={order} open={open} onClose={() => setOpen(null)} settle={settle} />
        </>
      )}
    </Drawer>
  );
}
