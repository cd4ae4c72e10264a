import { App, Alert, Drawer } from 'antd';
import { useState } from 'react';
import type { OrderDetail } from '../../../shared/contract/orders';
import type { AfterSaleRecord } from '../../../shared/contract/records';
import type { Result } from '../../../shared/contract/result';
import type { DeskAfterSaleAction, DeskOrderAction } from '../../../shared/domain/action-availability';
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
import './detail.css';

/** The opened order over the current screen: every module, and the actions the viewer may take. */
export function OrderDetailPanel({ orderNo }: { orderNo: string }) {
  const m = useMessages();
  const session = useSession((s) => s.session);
  const closeOrder = useNavigation((s) => s.closeOrder);
  const { order, error, setOrder } = useOrderDetail(orderNo);
  const [open, setOpen] = useState<OpenDialog>(null);
  const { message } = App.useApp();
  /** What the last action did, as a toast (the drawer stays as it was). */
  const notify = (text: string, ok: boolean) =>
    void message.open({
      // One notice at a time: the next action's replaces the last one's.
      key: 'detail-notice',
      type: ok ? 'success' : 'warning',
      content: <span data-testid="detail-notice">{text}</span>,
    });
  const refusalText = useRefusalText();
  const actions = order && session ? orderActionsFor(session, order) : null;

  /** s on an order that may not ship says why, next to the disabled button, rather than nothing. */
  const shipByKey = () => {
    const ship = actions?.SHIP;
    if (ship?.ok) setOpen({ kind: 'ship' });
    else if (ship) notify(fill(m.detail.refused, { reason: m.detail.reason[ship.reason] }), false);
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
    notify(m.detail.done, true);
    return null;
  };
  /** For buttons that act without a dialog: a refusal is shown next to the actions. */
  const direct = (result: Result<OrderDetail>) => {
    const failure = settle(result);
    if (failure) notify(failure, false);
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
      footer={order && session && actions && <ActionBar order={order} actions={actions} onAction={onOrderAction} />}
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
            <LogisticsModule order={order} />
            <InvoiceModule order={order} />
            <LinksModule order={order} />
            <AfterSalesModule order={order} session={session} onAction={onAfterSale} />
            <TimelineModule order={order} />
          </div>
          <PanelDialogs order={order} open={open} onClose={() => setOpen(null)} settle={settle} />
        </>
      )}
    </Drawer>
  );
}
