import { useState } from 'react';
import type { OrderDetail } from '../../../shared/contract/orders';
import type { AfterSaleRecord } from '../../../shared/contract/records';
import type { Result } from '../../../shared/contract/result';
import type { DeskAfterSaleAction } from '../../../shared/domain/action-availability';
import { api } from '../../api/client';
import { fill, useMessages } from '../../i18n';
import { useShortcuts } from '../../keyboard/shortcuts';
import { useNavigation } from '../../stores/navigation';
import { useSession } from '../../stores/session';
import { AfterSalesModule } from './AfterSalesModule';
import { orderActionsFor } from './availability';
import {
  BasicModule,
  InvoiceModule,
  ItemsModule,
  LinksModule,
  PaymentModule,
  PromotionsModule,
  ReceiverModule,
  TimelineModule,
} from './DetailModules';
import { ExchangeDialog } from './ExchangeDialog';
import { LogisticsModule } from './LogisticsModule';
import { ActionButton } from './parts';
import { ReasonDialog } from './ReasonDialog';
import { useRefusalText } from './refusal-text';
import { ShipDialog } from './ShipDialog';
import { useOrderDetail } from './useOrderDetail';
import './detail.css';

type Open = { kind: 'ship' | 'lock' | 'note' } | { kind: 'reject' | 'exchange'; request: AfterSaleRecord } | null;

/** The opened order over the current screen: every module, and the actions the viewer may take. */
export function OrderDetailPanel({ orderNo }: { orderNo: string }) {
  const m = useMessages();
  const session = useSession((s) => s.session);
  const closeOrder = useNavigation((s) => s.closeOrder);
  const { order, error, setOrder } = useOrderDetail(orderNo);
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<{ text: string; ok: boolean } | null>(null);
  const refusalText = useRefusalText();
  const actions = order && session ? orderActionsFor(session, order) : null;

  useShortcuts(
    fill(m.detail.title, { orderNo }),
    [
      { keys: ['s'], description: m.detail.action.SHIP, run: () => actions?.SHIP.ok && setOpen({ kind: 'ship' }) },
      { keys: ['Escape'], description: m.detail.close, inFields: true, run: closeOrder },
    ],
    open === null,
  );

  /** Shows what an action did; answers the translated refusal for a dialog to stay open on. */
  const settle = (result: Result<OrderDetail>): string | null => {
    if (!result.ok) return refusalText(result.error);
    setOrder(result.value);
    setNotice({ text: m.detail.done, ok: true });
    return null;
  };
  /** For buttons that act without a dialog: a refusal is shown next to the actions. */
  const direct = (result: Result<OrderDetail>) => {
    const failure = settle(result);
    if (failure) setNotice({ text: failure, ok: false });
  };

  const onAfterSale = async (action: DeskAfterSaleAction, request: AfterSaleRecord) => {
    const ids = { orderNo, afterSaleId: request.id };
    if (action === 'REJECT' || action === 'SHIP_EXCHANGE') {
      setOpen({ kind: action === 'REJECT' ? 'reject' : 'exchange', request });
      return;
    }
    const call = {
      APPROVE: api['aftersales.approve'],
      RECEIVE_RETURN: api['aftersales.receiveReturn'],
      REFUND: api['aftersales.refund'],
    }[action];
    direct(await call(ids));
  };

  return (
    <aside className="detail-panel" role="dialog" aria-label={fill(m.detail.title, { orderNo })}>
      <header className="detail-header">
        <h2>{fill(m.detail.title, { orderNo })}</h2>
        {order && (
          <>
            <span className={`badge status-${order.status}`} data-testid="detail-status">
              {m.status[order.status]}
            </span>
            {order.refundStatus !== 'NONE' && <span className="badge">{m.refundStatus[order.refundStatus]}</span>}
            {order.locked && (
              <span className="badge locked" data-testid="detail-locked">
                {fill(m.detail.lockedBecause, { reason: order.lockReason ?? '' })}
              </span>
            )}
            {order.pendingSync > 0 && (
              <span className="badge pending" data-testid="detail-pending">
                {fill(m.detail.pendingSync, { n: order.pendingSync })}
              </span>
            )}
          </>
        )}
        <span className="spacer" />
        <button type="button" onClick={closeOrder} aria-label={m.detail.close}>
          {m.detail.close} <kbd>Esc</kbd>
        </button>
      </header>
      {error && (
        <div className="error-banner" role="alert" data-code={error.code}>
          {m.error[error.code]}
        </div>
      )}
      {!order && !error && <div className="placeholder">{m.detail.loading}</div>}
      {order && session && actions && (
        <>
          <div className="actions detail-actions" data-testid="detail-actions">
            <ActionButton
              label={m.detail.action.SHIP}
              keyHint="S"
              availability={actions.SHIP}
              onClick={() => setOpen({ kind: 'ship' })}
            />
            {order.locked ? (
              <ActionButton
                label={m.detail.action.UNLOCK}
                availability={actions.UNLOCK}
                onClick={() => void api['orders.unlock']({ orderNo }).then(direct)}
              />
            ) : (
              <ActionButton
                label={m.detail.action.LOCK}
                availability={actions.LOCK}
                onClick={() => setOpen({ kind: 'lock' })}
              />
            )}
            <ActionButton
              label={m.detail.action.NOTE}
              availability={actions.NOTE}
              onClick={() => setOpen({ kind: 'note' })}
            />
            {notice && (
              <span className={notice.ok ? 'notice ok' : 'notice refused'} role="status" data-testid="detail-notice">
                {notice.text}
              </span>
            )}
          </div>
          <div className="detail-body">
            <BasicModule order={order} />
            <ItemsModule order={order} />
            <ReceiverModule order={order} />
            <PaymentModule order={order} />
            <PromotionsModule order={order} />
            <LogisticsModule order={order} />
            <InvoiceModule order={order} />
            <AfterSalesModule
              order={order}
              session={session}
              onAction={(action, request) => void onAfterSale(action, request)}
            />
            <LinksModule order={order} />
            <TimelineModule order={order} />
          </div>
        </>
      )}
      {order && open?.kind === 'ship' && (
        <ShipDialog
          order={order}
          onClose={() => setOpen(null)}
          onShipped={(next) => {
            setOpen(null);
            settle({ ok: true, value: next });
          }}
        />
      )}
      {open?.kind === 'lock' && (
        <ReasonDialog
          title={m.detail.lock.title}
          label={m.detail.lock.reason}
          confirmLabel={m.detail.lock.confirm}
          testId="lock-dialog"
          maxLength={200}
          onSubmit={async (reason) => settle(await api['orders.lock']({ orderNo, reason }))}
          onClose={() => setOpen(null)}
        />
      )}
      {open?.kind === 'note' && (
        <ReasonDialog
          title={m.detail.note.title}
          label={m.detail.note.text}
          confirmLabel={m.detail.note.confirm}
          testId="note-dialog"
          maxLength={1000}
          onSubmit={async (text) => settle(await api['orders.note']({ orderNo, text }))}
          onClose={() => setOpen(null)}
        />
      )}
      {open?.kind === 'reject' && (
        <ReasonDialog
          title={fill(m.detail.reject.title, { no: open.request.afterSaleNo })}
          label={m.detail.reject.reason}
          confirmLabel={m.detail.reject.confirm}
          testId="reject-dialog"
          maxLength={200}
          onSubmit={async (reason) =>
            settle(await api['aftersales.reject']({ orderNo, afterSaleId: open.request.id, reason }))
          }
          onClose={() => setOpen(null)}
        />
      )}
      {order && open?.kind === 'exchange' && (
        <ExchangeDialog
          order={order}
          request={open.request}
          onClose={() => setOpen(null)}
          onDone={(next) => {
            setOpen(null);
            settle({ ok: true, value: next });
          }}
        />
      )}
    </aside>
  );
}
